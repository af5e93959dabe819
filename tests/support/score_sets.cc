#include "support/score_sets.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

namespace notice::score {
namespace fs = std::filesystem;

namespace {

// The files of `dir` ending in `ext` that `keep` accepts, each with the label of its stem in
// `labels` (files without one are left out), sorted by stem.
std::vector<LabelledNotice> labelled(const fs::path& dir, const std::string& ext, const fs::path& labels,
                                     const std::function<bool(const std::string&)>& keep,
                                     const std::string& dropSuffix = "") {
  std::vector<LabelledNotice> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ext) continue;
    std::string stem = entry.path().stem().string();
    std::string labelStem = stem;
    if (!dropSuffix.empty() && labelStem.ends_with(dropSuffix)) labelStem.resize(labelStem.size() - dropSuffix.size());
    fs::path label = labels / (labelStem + ".json");
    if (!keep(stem) || !fs::exists(label)) continue;
    out.push_back({stem, entry.path().string(), label.string()});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.stem < b.stem; });
  return out;
}

// The number in a real PDF's name: "w07_anqing-…" → 7.
int pdfNumber(const std::string& stem) { return stem.size() > 1 ? std::atoi(stem.c_str() + 1) : 0; }

}  // namespace

std::vector<CorpusSet> corpusSets(const std::string& rootDir) {
  fs::path root(rootDir);
  fs::path samples = root / "corpus/labels", real = root / "corpus/real/labels";
  auto all = [](const std::string&) { return true; };
  std::vector<CorpusSet> sets;
  sets.push_back({"samples-text", "s-text", true, false, labelled(root / "corpus/text", ".txt", samples, all)});
  sets.push_back({"samples-pdf", "s-pdf", true, false, labelled(root / "corpus/pdf", ".pdf", samples, all)});
  // A sample printed and scanned (image-only pages, a seal over the signature), scored against
  // the born-digital sample's label: what OCR costs.
  sets.push_back({"samples-scan", "s-scan", true, true, labelled(root / "corpus/pdf-scanned", ".pdf", samples, all, "-scan")});
  sets.push_back({"real-web", "web", true, true, labelled(root / "corpus/real/web", ".txt", real, all)});
  // w01–w09 carry a text layer the engine can read; from w11 on they are scans, a phone photo,
  // or Founder reprints whose text layer is garbage (see corpus/real/README.md).
  sets.push_back({"real-pdf-text-layer", "pdf-txt", true, true,
                  labelled(root / "corpus/real/pdf", ".pdf", real, [](const std::string& s) { return pdfNumber(s) < 10; })});
  sets.push_back({"real-pdf-scans-garbled", "pdf-scan", true, true,
                  labelled(root / "corpus/real/pdf", ".pdf", real, [](const std::string& s) { return pdfNumber(s) >= 10; })});
  sets.push_back({"real-html", "html", true, true, labelled(root / "corpus/real/html", ".html", real, all)});
  sets.push_back({"real-ofd", "ofd", true, true, labelled(root / "corpus/real/ofd", ".ofd", real, all)});
  return sets;
}

std::string knownMissesPath(const std::string& root) { return (fs::path(root) / "corpus/real/known_misses.tsv").string(); }

KnownMisses readKnownMisses(const std::string& path) {
  KnownMisses out;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string stem, field, reason;
    std::getline(fields, stem, '\t');
    std::getline(fields, field, '\t');
    std::getline(fields, reason);
    if (!stem.empty() && !field.empty()) out[{stem, field}] = reason;
  }
  return out;
}

bool writeKnownMisses(const std::string& path, const KnownMisses& misses) {
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << "# Fields of the real set (corpus/real) that the engine does not read as labelled yet, one\n"
           "# per line: notice stem, field (as the scorer names it), why. Each is a strict expected\n"
           "# failure in tests/corpus/real_set_test.cc: when a fix makes the field match, its test fails\n"
           "# until the line is deleted. Refresh from the current output, keeping the reasons, with\n"
           "#   bash bench/fidelity.sh --update-known-misses\n"
           "# (new lines get the reason \"TODO: read\": read `bash bench/fidelity.sh --verbose` and say why).\n";
    for (const auto& [key, reason] : misses) out << key.first << '\t' << key.second << '\t' << reason << '\n';
    if (!out) return false;
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  return !ec;
}

}  // namespace notice::score
