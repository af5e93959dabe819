// The fidelity scoreboard: every labelled notice of the corpus parsed, its record scored against
// its hand label field by field (tests/support/score.h, the rules of tools/score.py), and F per
// field and overall printed per set. Run it through bench/fidelity.sh.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "notice.h"
#include "support/score.h"
#include "support/score_sets.h"

namespace {

using nlohmann::json;
using namespace notice::score;

const char* kHelp =
    "usage: fidelity [options]\n"
    "\n"
    "Parses every labelled notice of the corpus and prints, per set, F per field and overall F\n"
    "(scored as tools/score.py scores: NFKC, white space ignored, lists by F1). A notice the\n"
    "engine refuses scores as an empty record.\n"
    "\n"
    "options:\n"
    "  --set NAME             only this set (repeatable): samples-text samples-pdf samples-scan\n"
    "                         real-web real-pdf-text-layer real-pdf-scans-garbled real-html real-ofd\n"
    "  --verbose              also each notice's score and every field below 1, label against\n"
    "                         record (known misses marked)\n"
    "  --update-known-misses  rewrite corpus/real/known_misses.tsv from the current output,\n"
    "                         keeping the reasons of lines that stay (new lines: \"TODO: read\")\n"
    "  --records DIR          score the records in DIR/SET/STEM.json (as `notice parse -o`\n"
    "                         writes them) instead of parsing; a missing record is a refusal\n"
    "  --tsv                  print SET<TAB>FIELD<TAB>F lines instead of the tables (FIELD\n"
    "                         \"overall\" for the set's overall F, STEM.json for a notice's)\n"
    "  --list                 print SET<TAB>STEM<TAB>INPUT<TAB>LABEL per notice and stop\n"
    "  --source DIR           the source tree (default: the one this was built from)\n"
    "  -h, --help             this text\n";

json readJson(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return nullptr;
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  json j = json::parse(text, nullptr, false);
  return j.is_discarded() ? json(nullptr) : j;
}

struct Scored {
  const LabelledNotice* notice;
  std::vector<Row> rows;
  std::string refusal;  // why the engine refused it, empty when it was read
};

struct SetResult {
  const CorpusSet* set;
  std::vector<Scored> notices;
  Tally tally;
  int refused = 0;
};

std::string cell(const std::string& s, size_t width) {
  // Column widths count characters; the names here are ASCII.
  return s.size() >= width ? s + " " : std::string(width - s.size(), ' ') + s;
}

std::string fixed3(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

}  // namespace

int main(int argc, char** argv) {
  std::string root = NOTICE_SOURCE_DIR, recordsDir;
  std::set<std::string> only;
  bool verbose = false, update = false, tsv = false, list = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "fidelity: %s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "-h" || a == "--help") { std::fputs(kHelp, stdout); return 0; }
    else if (a == "--set") only.insert(value());
    else if (a == "--verbose") verbose = true;
    else if (a == "--update-known-misses") update = true;
    else if (a == "--records") recordsDir = value();
    else if (a == "--tsv") tsv = true;
    else if (a == "--list") list = true;
    else if (a == "--source") root = value();
    else {
      std::fprintf(stderr, "fidelity: unknown option '%s'\n\n%s", a.c_str(), kHelp);
      return 2;
    }
  }

  auto start = std::chrono::steady_clock::now();
  std::vector<CorpusSet> sets = corpusSets(root);
  for (const auto& name : only) {
    if (std::none_of(sets.begin(), sets.end(), [&](const CorpusSet& s) { return s.name == name; })) {
      std::fprintf(stderr, "fidelity: no set '%s'\n", name.c_str());
      return 2;
    }
  }
  if (list) {
    for (const auto& set : sets) {
      if (!only.empty() && !only.count(set.name)) continue;
      for (const auto& n : set.notices) {
        std::printf("%s\t%s\t%s\t%s\n", set.name.c_str(), n.stem.c_str(), n.input.c_str(), n.label.c_str());
      }
    }
    return 0;
  }
  auto engine = notice::Engine::create();
  if (!engine.ok()) {
    std::fprintf(stderr, "fidelity: %s\n", engine.error().message.c_str());
    return 1;
  }
  KnownMisses known = readKnownMisses(knownMissesPath(root));

  std::vector<SetResult> results;
  for (const auto& set : sets) {
    // The known-miss sets are all scored for an update, whatever --set says.
    if (!only.empty() && !only.count(set.name) && !(update && set.known_misses)) continue;
    SetResult result{&set, {}, {}, 0};
    for (const auto& n : set.notices) {
      json label = readJson(n.label);
      json record;
      std::string refusal;
      if (!recordsDir.empty()) {
        record = readJson((std::filesystem::path(recordsDir) / set.name / (n.stem + ".json")).string());
        if (record.is_null()) refusal = "no record in " + recordsDir;
      } else {
        auto r = engine.value().parseFile(n.input, {});
        if (r.ok()) record = std::move(r).value();
        else refusal = r.error().message;
      }
      if (!refusal.empty()) {
        record = json::object();  // refused: an empty record, as score.py scores a missing one
        ++result.refused;
      }
      Scored s{&n, scoreRecord(label, record), refusal};
      result.tally.add(s.rows);
      result.notices.push_back(std::move(s));
    }
    results.push_back(std::move(result));
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  if (update) {
    KnownMisses next;
    int added = 0;
    for (const auto& r : results) {
      if (!r.set->known_misses) continue;
      for (const auto& s : r.notices) {
        for (const auto& row : s.rows) {
          if (row.score >= 1.0) continue;
          auto key = std::make_pair(s.notice->stem, row.field);
          auto old = known.find(key);
          if (old == known.end()) ++added;
          next[key] = old != known.end() ? old->second : "TODO: read";
        }
      }
    }
    int removed = 0;
    for (const auto& [key, reason] : known) removed += next.count(key) ? 0 : 1;
    std::string path = knownMissesPath(root);
    if (!writeKnownMisses(path, next)) {
      std::fprintf(stderr, "fidelity: cannot write %s\n", path.c_str());
      return 1;
    }
    std::printf("%s: %zu known misses (%d new, %d now matching and removed)\n\n", path.c_str(), next.size(), added,
                removed);
    known = next;
  }

  if (verbose) {
    for (const auto& r : results) {
      std::printf("== %s\n", r.set->name.c_str());
      for (const auto& s : r.notices) {
        std::printf("%s: %s over %zu fields%s%s\n", s.notice->stem.c_str(), fixed3(documentScore(s.rows)).c_str(),
                    s.rows.size(), s.refusal.empty() ? "" : "  (refused: ", s.refusal.empty() ? "" : (s.refusal + ")").c_str());
        for (const auto& row : s.rows) {
          if (row.score >= 1.0) continue;
          bool listed = r.set->known_misses && known.count({s.notice->stem, row.field});
          std::printf("   %s: %.2f%s\n      truth %s\n      got   %s\n", row.field.c_str(), row.score,
                      listed ? "  (known miss)" : "", row.truth.dump().c_str(), row.got.dump().c_str());
        }
      }
      std::printf("\n");
    }
  }

  if (tsv) {
    for (const auto& r : results) {
      for (const auto& s : r.notices) {
        std::printf("%s\t%s.json\t%s\n", r.set->name.c_str(), s.notice->stem.c_str(), fixed3(documentScore(s.rows)).c_str());
      }
      for (const auto& [g, v] : r.tally.per_field) {
        std::printf("%s\t%s\t%s\n", r.set->name.c_str(), g.c_str(), fixed3(r.tally.field(g)).c_str());
      }
      std::printf("%s\toverall\t%s\n", r.set->name.c_str(), fixed3(r.tally.overall()).c_str());
    }
    return 0;
  }

  // One line per set, then F per field with one column per set.
  std::printf("%-24s %-9s %7s %8s %10s\n", "set", "column", "notices", "refused", "overall F");
  for (const auto& r : results) {
    std::printf("%-24s %-9s %7zu %8d %10s\n", r.set->name.c_str(), r.set->brief.c_str(), r.notices.size(), r.refused,
                fixed3(r.tally.overall()).c_str());
  }
  std::vector<std::string> groups = fieldOrder();
  for (const auto& r : results) {
    for (const auto& [g, v] : r.tally.per_field) {
      if (std::find(groups.begin(), groups.end(), g) == groups.end()) groups.push_back(g);
    }
  }
  const size_t width = 9;
  std::printf("\n%-18s", "F per field");
  for (const auto& r : results) std::printf("%s", cell(r.set->brief, width).c_str());
  std::printf("\n");
  for (const auto& g : groups) {
    if (std::none_of(results.begin(), results.end(), [&](const SetResult& r) { return r.tally.has(g); })) continue;
    std::printf("%-18s", g.c_str());
    for (const auto& r : results) std::printf("%s", cell(r.tally.has(g) ? fixed3(r.tally.field(g)) : "-", width).c_str());
    std::printf("\n");
  }
  std::printf("%-18s", "overall F");
  for (const auto& r : results) std::printf("%s", cell(fixed3(r.tally.overall()), width).c_str());
  std::printf("\n\n");
  size_t notices = 0;
  for (const auto& r : results) notices += r.notices.size();
  if (recordsDir.empty()) std::printf("%zu notices parsed and scored in %.2f s\n", notices, seconds);
  else std::printf("%zu notices scored from the records in %s\n", notices, recordsDir.c_str());
  return 0;
}
