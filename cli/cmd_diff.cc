// notice diff A B / notice compare FILE...: comparisons of notices (files or records).
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "archive/series.h"
#include "cli/cli_io.h"
#include "cli/cmd_archive_common.h"
#include "cli/commands.h"
#include "cli/limit_options.h"
#include "core/json_text.h"
#include "core/record_bounds.h"
#include "diff/diff.h"
#include "diff/render.h"
#include "diff/record_shape.h"
#include "isolate/isolated_parser.h"
#include "notice.h"

namespace notice::cli {
namespace {

const std::string kDiffHelp = std::string(
    "usage: notice diff [options] A B\n"
    "\n"
    "What changed from notice A to notice B. Each is a PDF, a text/markdown export, a\n"
    "record written by `notice parse` (JSON), or a notice in the archive: its archive id or its\n"
    "发文字号 (that notice's current version), used when no file has that name.\n"
    "\n"
    "options:\n"
    "  --format text|json|html  text (default; coloured on a terminal), json (stable,\n"
    "                           schema notice-diff/1), html (one self-contained page)\n"
    "  -o FILE                  write to FILE instead of stdout\n"
    "  --password PW            password for encrypted PDFs\n"
    "  --archive FILE           the archive ids and 发文字号 are looked up in (default:\n"
    "                           $NOTICE_ARCHIVE, else notices.db here)\n"
    "  --grammars DIR           rule files to use (default: the folder `notice --version` names)\n") +
    limitsHelp(27) +
    "  -h, --help               this text\n"
    "\n"
    "A notice that is no record is read in a child process under these limits.\n";

const std::string kCompareHelp = std::string(
    "usage: notice compare [options] FILE...\n"
    "       notice compare [options] --series NAME\n"
    "\n"
    "Key fields of a series of notices side by side (year, province, 发文字号, themes, periods,\n"
    "issuing bodies and their roles, deadlines, attachments), with the changes against the\n"
    "notice before marked. Inputs as for `notice diff` (files, archive ids, 发文字号), in the\n"
    "order given; or --series NAME, a series of the archive (`notice series` lists them; a part\n"
    "of the name that only one series has will do), oldest first.\n"
    "\n"
    "options:\n"
    "  --format text|json|csv|html  (default text)\n"
    "  -o FILE                      write to FILE instead of stdout\n"
    "  --password PW                password for encrypted PDFs\n"
    "  --series NAME                the notices of a series in the archive\n"
    "  --archive FILE               the archive (default: $NOTICE_ARCHIVE, else notices.db here)\n"
    "  --grammars DIR               rule files to use (default: the folder `notice --version` names)\n") +
    limitsHelp(31) +
    "  -h, --help                   this text\n"
    "\n"
    "A notice that is no record is read in a child process under these limits.\n";

struct Options {
  std::string format = "text", out, password, grammars, archive, series;
  isolate::Limits limits;
  std::vector<std::string> inputs;
};

// Parses the shared options; returns an exit code when it should stop.
std::optional<int> parseOptions(const std::vector<std::string>& args, const std::string& help, const char* name,
                                Options* o) {
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (auto taken = takeLimitOption(args, i, name, &o->limits); taken != Taken::kNo) {
      if (taken == Taken::kBad) return kUsage;
      continue;
    }
    auto value = [&]() -> const std::string* { return i + 1 < args.size() ? &args[++i] : nullptr; };
    if (a == "-h" || a == "--help") { std::fputs(help.c_str(), stdout); return kOk; }
    const std::string* v = nullptr;
    bool seriesOption = a == "--series" && std::string(name) == "compare";
    if (a == "--format" || a == "-o" || a == "--password" || a == "--grammars" || a == "--archive" || seriesOption) {
      if (!(v = value())) { std::fprintf(stderr, "notice %s: %s needs a value\n", name, a.c_str()); return kUsage; }
      (a == "--format" ? o->format : a == "-o" ? o->out : a == "--password" ? o->password
       : a == "--archive" ? o->archive : a == "--series" ? o->series : o->grammars) = *v;
    } else if (a.size() > 1 && a[0] == '-') {
      std::fprintf(stderr, "notice %s: unknown option '%s'\n\n%s", name, a.c_str(), help.c_str());
      return kUsage;
    } else {
      o->inputs.push_back(a);
    }
  }
  return std::nullopt;
}

// The engine and its parse server, started for the first input that is no record: comparing
// stored records needs the diff's rules alone, so it does not pay for compiling every rule of
// the parse. Inputs are parsed in child processes under the limits (isolate/), as by `parse`;
// the server is started while this process still has one thread, as the comparison never has
// more.
class LazyParser {
 public:
  LazyParser(std::string grammars, const isolate::Limits& limits) : grammars_(std::move(grammars)), limits_(limits) {}
  Result<nlohmann::json> parse(const std::string& bytes, const std::string& path, const ParseOptions& options) {
    if (!parser_) {
      auto engine = createEngine(grammars_);
      if (!engine.ok()) return engine.error();
      auto started = isolate::IsolatedParser::start(engine.value(), limits_);
      if (!started.ok()) return started.error();
      parser_ = std::move(started).value();
    }
    return parser_->parseBytes(bytes, path == "-" ? "<stdin>" : path, options);
  }

 private:
  std::string grammars_;
  isolate::Limits limits_;
  std::unique_ptr<isolate::IsolatedParser> parser_;
};

// A record from a file: JSON written by `notice parse` as it is, anything else parsed.
Result<nlohmann::json> loadRecord(LazyParser& lazy, const std::string& path, const std::string& password) {
  auto bytes = readInput(path);
  if (!bytes.ok()) return bytes.error();
  std::string& b = bytes.value();
  size_t first = b.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && b[first] == '{') {
    if (auto big = recordSizeError(b.size())) return Error{ErrorCode::kTooLarge, "a record of " + *big};
    auto json = parseJson(b, kKeysNotCompared);
    if (json.is_discarded() || !json.is_object()) return Error{ErrorCode::kNotText, "not valid JSON"};
    if (!json.contains("schema") || json["schema"] != "notice/1") {
      return Error{ErrorCode::kNotText, "JSON, but not a notice/1 record (written by `notice parse`)"};
    }
    return json;
  }
  return lazy.parse(b, path, {password});
}

// The record of an input, checked once for the comparison: a record file out of shape is named
// as such; a record the engine made (parsed, or from the archive) fails the check only by a fault.
Result<ShapedRecord> shaped(Result<nlohmann::json> record) {
  if (!record.ok()) return record.error();
  auto checked = ShapedRecord::of(std::move(record).value());
  if (!checked.ok()) return Error{ErrorCode::kBadRecord, "a notice/1 record with a value out of shape at " + checked.error().message};
  return checked;
}

int emit(const std::string& text, const Options& o) {
  if (o.out.empty()) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return kOk;
  }
  if (auto err = writeFileAtomic(o.out, text)) {
    std::fprintf(stderr, "notice: %s\n", err->c_str());
    return kFailed;
  }
  return kOk;
}

bool colourWanted(const Options& o) { return o.out.empty() && ::isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR"); }

// The grammar of the comparison and the records of every input, or nullopt after saying on
// stderr what went wrong.
struct Loaded {
  std::shared_ptr<const Grammar> grammar;
  std::vector<ShapedRecord> records;
};

// The archive, opened when an input is no file (or for --series); nullptr after saying why not.
class LazyArchive {
 public:
  explicit LazyArchive(std::string path) : path_(std::move(path)) {}
  archive::Archive* get() {
    if (!tried_) {
      tried_ = true;
      store_ = openArchiveOrReport(path_, archive::OpenMode::kExisting);
    }
    return store_.get();
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  bool tried_ = false;
  std::unique_ptr<archive::Archive> store_;
};

// An input that names no file: an archive id or a 发文字号 in the archive.
Result<nlohmann::json> loadFromArchive(LazyArchive& lazy, const std::string& key) {
  archive::Archive* store = lazy.get();
  if (!store) {
    return Error{ErrorCode::kIoError, "no such file, and the archive " + archive::shownLocation(lazy.path()) + " cannot be read"};
  }
  auto id = store->resolve(key);
  if (!id.ok()) return id.error();
  if (!id.value()) {
    return Error{ErrorCode::kIoError, "no such file, nor an archive id or 发文字号 in " + archive::shownLocation(lazy.path())};
  }
  auto v = store->version(*id.value());
  if (!v.ok()) return v.error();
  return toJson(v.value().record);
}

std::optional<Loaded> loadAll(const Options& o, int* exitCode) {
  // The comparison's rules, and the archive's for finding a series.
  auto grammar = loadGrammar(o.grammars, o.series.empty() ? "diff" : "diff, archive");
  if (!grammar.ok()) {
    std::fprintf(stderr, "notice: %s\n", grammar.error().message.c_str());
    *exitCode = kFailed;
    return std::nullopt;
  }
  Loaded loaded{grammar.value(), {}};
  LazyParser parser(o.grammars, o.limits);
  LazyArchive lazy(archivePath(o.archive));
  std::vector<std::string> inputs = o.inputs;
  if (!o.series.empty()) {
    archive::Archive* store = lazy.get();
    if (!store) {
      *exitCode = kFailed;
      return std::nullopt;
    }
    auto versions = store->records({});
    if (!versions.ok()) {
      std::fprintf(stderr, "notice: %s\n", versions.error().message.c_str());
      *exitCode = kFailed;
      return std::nullopt;
    }
    auto picked = archive::pickSeries(archive::findSeries(versions.value(), *loaded.grammar), o.series);
    if (!picked.ok()) {
      std::fprintf(stderr, "notice compare: %s\n", picked.error().message.c_str());
      *exitCode = kUsage;
      return std::nullopt;
    }
    std::fprintf(stderr, "series %s: %zu notices\n", picked.value().name.c_str(), picked.value().members.size());
    for (const auto& m : picked.value().members) inputs.push_back(std::to_string(m.id));
  }
  for (const auto& in : inputs) {
    // An archive id or 发文字号 is looked up only where no file has that name, the name is no
    // path, and there is an archive to look in (a server, or a file that is there); else it is a
    // file (and its error is a file's).
    std::error_code ec;
    bool isFile = in == "-" || in.find('/') != std::string::npos || std::filesystem::exists(in, ec) ||
                  (!archive::isServerLocation(lazy.path()) && !std::filesystem::exists(lazy.path(), ec));
    auto r = shaped(isFile ? loadRecord(parser, in, o.password) : loadFromArchive(lazy, in));
    if (!r.ok()) {
      std::fprintf(stderr, "notice: %s: %s\n", in.c_str(), withLimitHint(r.error(), {o.password}).c_str());
      *exitCode = exitCodeFor(r.error().code);
      return std::nullopt;
    }
    loaded.records.push_back(std::move(r).value());
  }
  return loaded;
}

}  // namespace

int runDiff(const std::vector<std::string>& args) {
  Options o;
  if (auto stop = parseOptions(args, kDiffHelp, "diff", &o)) return *stop;
  if (o.inputs.size() != 2) {
    std::fprintf(stderr, "notice diff: give two notices, A and B\n\n%s", kDiffHelp.c_str());
    return kUsage;
  }
  if (o.format != "text" && o.format != "json" && o.format != "html") {
    std::fprintf(stderr, "notice diff: --format must be text, json or html\n");
    return kUsage;
  }
  int code = kOk;
  auto loaded = loadAll(o, &code);
  if (!loaded) return code;
  auto compared = diffRecords(loaded->records[0], loaded->records[1], *loaded->grammar);
  if (!compared.ok()) {
    std::fprintf(stderr, "notice: %s\n", compared.error().message.c_str());
    return kFailed;
  }
  const nlohmann::json& diff = compared.value();
  if (o.format == "json") exitWithoutTeardown(emit(diff.dump(1, ' ') + "\n", o));
  if (o.format == "html") exitWithoutTeardown(emit(renderDiffHtml(diff), o));
  exitWithoutTeardown(emit(renderDiffText(diff, colourWanted(o)), o));
}

int runCompare(const std::vector<std::string>& args) {
  Options o;
  if (auto stop = parseOptions(args, kCompareHelp, "compare", &o)) return *stop;
  if (o.inputs.empty() && o.series.empty()) {
    std::fprintf(stderr, "notice compare: no input files\n\n%s", kCompareHelp.c_str());
    return kUsage;
  }
  if (o.format != "text" && o.format != "json" && o.format != "csv" && o.format != "html") {
    std::fprintf(stderr, "notice compare: --format must be text, json, csv or html\n");
    return kUsage;
  }
  int code = kOk;
  auto loaded = loadAll(o, &code);
  if (!loaded) return code;
  auto compared = compareSeries(loaded->records, *loaded->grammar);
  if (!compared.ok()) {
    std::fprintf(stderr, "notice: %s\n", compared.error().message.c_str());
    return kFailed;
  }
  const nlohmann::json& series = compared.value();
  if (o.format == "json") exitWithoutTeardown(emit(series.dump(1, ' ') + "\n", o));
  if (o.format == "csv") exitWithoutTeardown(emit(renderSeriesCsv(series), o));
  if (o.format == "html") exitWithoutTeardown(emit(renderSeriesHtml(series), o));
  exitWithoutTeardown(emit(renderSeriesText(series, colourWanted(o)), o));
}

}  // namespace notice::cli
