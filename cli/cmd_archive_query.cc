// notice list / show / search / export / series: queries of the archive.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "archive/render.h"
#include "archive/series.h"
#include "cli/cli_io.h"
#include "cli/cmd_archive_common.h"
#include "cli/commands.h"
#include "notice.h"

namespace notice::cli {
namespace {

using nlohmann::json;

const char* kListHelp =
    "usage: notice list [options]\n"
    "\n"
    "The notices in the archive, oldest first, each notice once (its current version).\n"
    "\n"
    "options:\n"
    "  --archive FILE|URL   the archive (default: $NOTICE_ARCHIVE, else notices.db here)\n"
    "  --format table|json|jsonl|csv  (default: table on a terminal, jsonl otherwise)\n";

const char* kShowHelp =
    "usage: notice show [options] ID|发文字号\n"
    "\n"
    "One notice: its key fields, its versions (the current one marked *), its stored file and\n"
    "its record. An ID is an archive id (as list and search print it: a version); a 发文字号\n"
    "shows that notice's current version.\n"
    "\n"
    "options:\n"
    "  --archive FILE|URL   the archive (default: $NOTICE_ARCHIVE, else notices.db here)\n"
    "  --format text|json   (default text)\n"
    "  --original FILE      also write the stored original file to FILE\n"
    "  -h, --help           this text\n";

const char* kSearchHelp =
    "usage: notice search [options] WORDS...\n"
    "\n"
    "Full-text search of titles and text, best match first, with the words around each hit\n"
    "(hits marked). Chinese words of any length: 教育, 退役军人, 职业教育活动周. The words are\n"
    "an FTS5 query: all words must occur; \"a phrase\"; A OR B; A NOT B; NEAR(A B, 10).\n"
    "\n"
    "options:\n"
    "  --archive FILE|URL   the archive (default: $NOTICE_ARCHIVE, else notices.db here)\n"
    "  --limit N            at most N notices (default 20)\n"
    "  --all-versions       search every version, not only current ones\n"
    "  --format text|json   (default text)\n"
    "  -h, --help           this text\n";

const char* kExportHelp =
    "usage: notice export [options]\n"
    "\n"
    "The archive's records (notice/1), each notice's current version, oldest first; the filters\n"
    "of `notice list` apply.\n"
    "\n"
    "options:\n"
    "  --archive FILE|URL   the archive (default: $NOTICE_ARCHIVE, else notices.db here)\n"
    "  --format json|jsonl|csv  json (default): one array of records; jsonl: one record a\n"
    "                       line; csv: the key fields, one row a notice\n"
    "  -o FILE              write to FILE (through a temporary file) instead of stdout\n";

const char* kSeriesHelp =
    "usage: notice series [options]\n"
    "\n"
    "Notices in the archive that belong together across years and provinces:\n"
    "  activity  the same named activity in their records' themes or event periods\n"
    "            (职业教育活动周, 全民终身学习活动周, …宣传月, …大赛), whoever issued them;\n"
    "  title     the same issuer and the same title once years, editions (第N届) and counts of\n"
    "            bodies (等N部门) are set aside.\n"
    "Compare one with `notice compare --series NAME`.\n"
    "\n"
    "options:\n"
    "  --archive FILE|URL   the archive (default: $NOTICE_ARCHIVE, else notices.db here)\n"
    "  --format text|json   (default text)\n"
    "  --grammars DIR       rule files to use (default: the folder `notice --version` names)\n"
    "  -h, --help           this text\n";

// The options every query shares, read from the arguments; returns an exit code to stop with.
struct QueryOptions {
  std::string archive, format, out, original, grammars;
  archive::Filter filter;
  size_t limit = 20;
  std::vector<std::string> words;
};

std::optional<int> readOptions(const std::vector<std::string>& args, const char* name, const char* help, bool filters,
                               bool positional, QueryOptions* o) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "-h" || a == "--help") {
      std::fputs(help, stdout);
      if (filters) std::fputs(kFilterHelp, stdout);
      if (filters) std::fputs("  -h, --help           this text\n", stdout);
      return kOk;
    }
    std::string bad;
    if (filters && readFilterOption(args, &i, &o->filter, &bad)) {
      if (!bad.empty()) {
        std::fprintf(stderr, "notice %s: %s\n", name, bad.c_str());
        return kUsage;
      }
      continue;
    }
    if (a == "--all-versions") {
      o->filter.all_versions = true;
      continue;
    }
    if (a == "--archive" || a == "--format" || a == "-o" || a == "--original" || a == "--limit" || a == "--grammars") {
      if (i + 1 >= args.size()) {
        std::fprintf(stderr, "notice %s: %s needs a value\n", name, a.c_str());
        return kUsage;
      }
      const std::string& v = args[++i];
      if (a == "--archive") o->archive = v;
      else if (a == "--format") o->format = v;
      else if (a == "-o") o->out = v;
      else if (a == "--original") o->original = v;
      else if (a == "--grammars") o->grammars = v;
      else {
        if (v.empty() || v.size() > 6 || v.find_first_not_of("0123456789") != std::string::npos || std::stoul(v) == 0) {
          std::fprintf(stderr, "notice %s: --limit needs a number, not '%s'\n", name, v.c_str());
          return kUsage;
        }
        o->limit = std::stoul(v);
      }
      continue;
    }
    if (!positional || (a.size() > 1 && a[0] == '-')) {
      std::fprintf(stderr, "notice %s: unknown option or argument '%s'\n\n%s", name, a.c_str(), help);
      return kUsage;
    }
    o->words.push_back(a);
  }
  return std::nullopt;
}

bool formatIs(const std::string& format, std::initializer_list<const char*> allowed, const char* name) {
  for (const char* f : allowed) {
    if (format == f) return true;
  }
  std::string list;
  for (const char* f : allowed) list += (list.empty() ? "" : ", ") + std::string(f);
  std::fprintf(stderr, "notice %s: --format must be one of %s, not '%s'\n", name, list.c_str(), format.c_str());
  return false;
}

int emitTo(const std::string& out, const std::string& text) {
  if (out.empty()) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return kOk;
  }
  if (auto err = writeFileAtomic(out, text)) {
    std::fprintf(stderr, "notice: %s\n", err->c_str());
    return kFailed;
  }
  return kOk;
}

int failWith(const Error& e) {
  std::fprintf(stderr, "notice: %s\n", e.message.c_str());
  return e.code == ErrorCode::kBadArgument ? kUsage : kFailed;
}

}  // namespace

int runList(const std::vector<std::string>& args) {
  QueryOptions o;
  if (auto stop = readOptions(args, "list", kListHelp, true, false, &o)) return *stop;
  if (o.format.empty()) o.format = ::isatty(STDOUT_FILENO) ? "table" : "jsonl";
  if (!formatIs(o.format, {"table", "json", "jsonl", "csv"}, "list")) return kUsage;
  auto store = openArchiveOrReport(archivePath(o.archive), archive::OpenMode::kExisting);
  if (!store) return kFailed;
  auto rows = store->list(o.filter);
  if (!rows.ok()) return failWith(rows.error());
  if (o.format == "table") return emitTo("", archive::renderTable(rows.value()));
  if (o.format == "csv") return emitTo("", archive::renderCsv(rows.value()));
  json all = json::array();
  std::string lines;
  for (const auto& s : rows.value()) {
    all.push_back(archive::summaryJson(s));
    lines += all.back().dump() + "\n";
  }
  return emitTo("", o.format == "json" ? all.dump(1, ' ') + "\n" : lines);
}

int runShow(const std::vector<std::string>& args) {
  QueryOptions o;
  if (auto stop = readOptions(args, "show", kShowHelp, false, true, &o)) return *stop;
  if (o.words.size() != 1) {
    std::fprintf(stderr, "notice show: give one archive id or 发文字号\n\n%s", kShowHelp);
    return kUsage;
  }
  if (o.format.empty()) o.format = "text";
  if (!formatIs(o.format, {"text", "json"}, "show")) return kUsage;
  auto store = openArchiveOrReport(archivePath(o.archive), archive::OpenMode::kExisting);
  if (!store) return kFailed;
  auto id = store->resolve(o.words[0]);
  if (!id.ok()) return failWith(id.error());
  if (!id.value()) {
    std::fprintf(stderr, "notice show: no notice '%s' in %s (`notice list` shows what is there)\n", o.words[0].c_str(),
                 archive::shownLocation(archivePath(o.archive)).c_str());
    return kFailed;
  }
  auto v = store->version(*id.value());
  if (!v.ok()) return failWith(v.error());
  auto versions = store->versionsOf(v.value().summary.notice_id);
  if (!versions.ok()) return failWith(versions.error());
  if (!o.original.empty()) {
    auto bytes = store->original(v.value().sha256);
    if (!bytes.ok()) return failWith(bytes.error());
    if (auto err = writeFileAtomic(o.original, bytes.value())) {
      std::fprintf(stderr, "notice: %s\n", err->c_str());
      return kFailed;
    }
  }
  const archive::StoredVersion& s = v.value();
  json record = toJson(s.record);
  if (o.format == "json") {
    json list = json::array();
    for (const auto& x : versions.value()) list.push_back(archive::summaryJson(x));
    json out = {{"id", s.summary.id},
                {"file", {{"path", s.summary.file}, {"sha256", s.sha256}, {"format", s.format}, {"size", s.size},
                          {"ingested_at", s.ingested_at}}},
                {"versions", list},
                {"record", record}};
    return emitTo("", out.dump(1, ' ') + "\n");
  }
  std::string text = archive::renderTable({s.summary});
  text = text.substr(0, text.rfind('\n', text.size() - 2) + 1);  // without the count line
  text += "file: " + s.summary.file + " (" + s.format + ", " + std::to_string(s.size) + " bytes, sha256 " + s.sha256 +
          ", ingested " + s.ingested_at + ")\n";
  text += "versions (" + std::to_string(versions.value().size()) + "; * the one queries see):\n";
  for (const auto& x : versions.value()) {
    text += std::string(x.current ? "  * #" : "    #") + std::to_string(x.id) + "  " + x.issue_date.value_or("—") + "  " +
            x.file + (x.id == s.summary.id ? "  (shown)" : "") + "\n";
  }
  text += "record:\n" + record.dump(1, ' ') + "\n";
  return emitTo("", text);
}

int runSearch(const std::vector<std::string>& args) {
  QueryOptions o;
  if (auto stop = readOptions(args, "search", kSearchHelp, false, true, &o)) return *stop;
  if (o.words.empty()) {
    std::fprintf(stderr, "notice search: no words given\n\n%s", kSearchHelp);
    return kUsage;
  }
  if (o.format.empty()) o.format = "text";
  if (!formatIs(o.format, {"text", "json"}, "search")) return kUsage;
  std::string query;
  for (const auto& w : o.words) query += (query.empty() ? "" : " ") + w;
  auto store = openArchiveOrReport(archivePath(o.archive), archive::OpenMode::kExisting);
  if (!store) return kFailed;
  bool colour = o.format == "text" && ::isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
  auto hits = store->search(query, o.limit, colour ? "\x1b[1;31m" : "【", colour ? "\x1b[0m" : "】", o.filter.all_versions);
  if (!hits.ok()) return failWith(hits.error());
  if (o.format == "json") return emitTo("", archive::hitsJson(hits.value()).dump(1, ' ') + "\n");
  return emitTo("", archive::renderHits(hits.value()));
}

int runExport(const std::vector<std::string>& args) {
  QueryOptions o;
  if (auto stop = readOptions(args, "export", kExportHelp, true, false, &o)) return *stop;
  if (o.format.empty()) o.format = "json";
  if (!formatIs(o.format, {"json", "jsonl", "csv"}, "export")) return kUsage;
  auto store = openArchiveOrReport(archivePath(o.archive), archive::OpenMode::kExisting);
  if (!store) return kFailed;
  auto versions = store->records(o.filter);
  if (!versions.ok()) return failWith(versions.error());
  if (o.format == "csv") return emitTo(o.out, archive::renderRecordsCsv(versions.value()));
  std::string text;
  if (o.format == "jsonl") {
    for (const auto& v : versions.value()) text += toJson(v.record).dump() + "\n";
  } else {
    json all = json::array();
    for (const auto& v : versions.value()) all.push_back(toJson(v.record));
    text = all.dump(1, ' ') + "\n";
  }
  return emitTo(o.out, text);
}

int runSeries(const std::vector<std::string>& args) {
  QueryOptions o;
  if (auto stop = readOptions(args, "series", kSeriesHelp, false, false, &o)) return *stop;
  if (o.format.empty()) o.format = "text";
  if (!formatIs(o.format, {"text", "json"}, "series")) return kUsage;
  auto engine = createEngine(o.grammars);
  if (!engine.ok()) return failWith(engine.error());
  auto store = openArchiveOrReport(archivePath(o.archive), archive::OpenMode::kExisting);
  if (!store) return kFailed;
  auto versions = store->records(o.filter);
  if (!versions.ok()) return failWith(versions.error());
  auto series = archive::findSeries(versions.value(), engine.value().grammar());
  if (o.format == "json") return emitTo("", archive::seriesJson(series).dump(1, ' ') + "\n");
  return emitTo("", archive::renderSeriesList(series));
}

}  // namespace notice::cli
