// notice parse: one record per input.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "cli/cli_io.h"
#include "cli/commands.h"
#include "cli/limit_options.h"
#include "core/record_bounds.h"
#include "isolate/isolated_parser.h"
#include "model/duplicates.h"
#include "model/notice_record.h"
#include "notice.h"

namespace notice::cli {
namespace {

const std::string kHelp = std::string(
    "usage: notice parse [options] FILE...\n"
    "\n"
    "Writes one `notice/1` record per input. Inputs are PDFs, web pages, OFD, Word .docx or\n"
    "text/markdown exports, told apart by content; `-` reads standard input.\n"
    "\n"
    "options:\n"
    "  --format json|jsonl  json (default): one pretty JSON object per input on stdout;\n"
    "                       jsonl: one record per line\n"
    "  -o, --out DIR        write DIR/NAME.json per input instead, and print a one-line\n"
    "                       summary per notice (the folder is created if missing)\n"
    "  --password PW        password for encrypted PDFs\n"
    "  --ocr auto|always|never  when pages are read by OCR: auto (default) for pages with\n"
    "                       no usable text layer; always; never (refuse such pages)\n"
    "  --grammars DIR       rule files to use (default: the folder `notice --version` names)\n"
    "  --timings            print the time spent in each stage per input on stderr\n") +
    limitsHelp(23) +
    "  -h, --help           this text\n"
    "\n"
    "Each input is read in a child process under these limits: a batch goes on past an input\n"
    "that cannot be read, is too complex or crashes a reader, reports it on stderr and exits\n"
    "non-zero.\n"
    "Duplicates are reported on stderr: the same file twice (not written again), or two files\n"
    "with one 发文字号 (both written; say which to keep). With -o, records already in DIR count.\n";
const char* const kHelpText = kHelp.c_str();

std::string summaryLine(const nlohmann::json& r) {
  auto str = [](const nlohmann::json& v) { return v.is_string() ? v.get<std::string>() : std::string("—"); };
  std::string doc = r["doc_number"].is_object() ? str(r["doc_number"]["text"]) : "—";
  std::string out = doc + "  " + str(r["province"]) + "  " +
                    (r["year"].is_number() ? std::to_string(r["year"].get<int>()) : "—") + "  " +
                    str(r["title"]);
  out += "\n    issuers " + std::to_string(r["issuers"].size()) +
         (r["issuer_count"].is_number() ? "/" + std::to_string(r["issuer_count"].get<int>()) : "") +
         ", themes " + std::to_string(r["themes"].size()) + ", periods " +
         std::to_string(r["event_periods"].size()) + ", deadlines " +
         std::to_string(r["deadlines"].size()) + ", contacts " + std::to_string(r["contacts"].size()) +
         ", attachments " + std::to_string(r["attachments"].size()) + ", sections " +
         std::to_string(r["sections"].size()) + ", embedded " + std::to_string(r["embedded"].size());
  for (const auto& w : r["warnings"]) out += "\n    warning: " + str(w["code"]) + ": " + str(w["message"]);
  return out;
}

// The record's file in DIR for an input: NAME.json after the input's stem. Two inputs of one
// stem (a/x.txt and b/x.txt, or x.txt and x.pdf) must not write one file: a name already taken
// in this run, or held by the record of another input from an earlier run, gives way to
// NAME.EXT.json, then NAME-2.json, NAME-3.json …
std::string recordPath(const std::string& outDir, const std::string& input, const std::string& sourceFile,
                       std::set<std::string>* taken) {
  namespace fs = std::filesystem;
  fs::path in(input == "-" ? "stdin" : input);
  auto free = [&](const std::string& name) {
    std::string path = (fs::path(outDir) / name).string();
    if (taken->count(path)) return std::string();
    auto stored = readInput(path);
    if (stored.ok()) {
      auto json = nlohmann::json::parse(stored.value(), nullptr, false);
      // Another input's record stays; this input's own earlier record is replaced.
      const nlohmann::json* file = json.is_object() && json.contains("source") && json["source"].is_object() &&
                                           json["source"].contains("file")
                                       ? &json["source"]["file"]
                                       : nullptr;
      if (!file || !file->is_string() || file->get<std::string>() != sourceFile) return std::string();
    }
    return path;
  };
  std::string stem = in.stem().string();
  std::vector<std::string> names{stem + ".json"};
  if (in.has_extension()) names.push_back(in.filename().string() + ".json");
  for (int n = 2; n < 10000; ++n) names.push_back(stem + "-" + std::to_string(n) + ".json");
  for (const auto& name : names) {
    std::string path = free(name);
    if (!path.empty()) {
      taken->insert(path);
      return path;
    }
  }
  return "";
}

}  // namespace

int runParse(const std::vector<std::string>& args) {
  std::string format = "json", outDir, grammars;
  ParseOptions options;
  bool timings = false;
  isolate::Limits limits;
  std::vector<std::string> inputs;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (auto taken = takeLimitOption(args, i, "parse", &limits); taken != Taken::kNo) {
      if (taken == Taken::kBad) return kUsage;
      continue;
    }
    auto value = [&](const char* name) -> const std::string* {
      if (i + 1 >= args.size()) {
        std::fprintf(stderr, "notice parse: %s needs a value\n", name);
        return nullptr;
      }
      return &args[++i];
    };
    if (a == "--") {  // the end of options: what follows are inputs, even "-x.txt"
      inputs.insert(inputs.end(), args.begin() + static_cast<long>(i) + 1, args.end());
      break;
    }
    if (a == "-h" || a == "--help") { std::fputs(kHelpText, stdout); return kOk; }
    if (a == "--format") { auto v = value("--format"); if (!v) return kUsage; format = *v; }
    else if (a == "-o" || a == "--out") { auto v = value("-o"); if (!v) return kUsage; outDir = *v; }
    else if (a == "--password") { auto v = value("--password"); if (!v) return kUsage; options.password = *v; }
    else if (a == "--ocr") {
      auto v = value("--ocr");
      if (!v) return kUsage;
      auto mode = parseOcrMode(*v);
      if (!mode) { std::fprintf(stderr, "notice parse: --ocr must be auto, always or never, not '%s'\n", v->c_str()); return kUsage; }
      options.ocr = *mode;
    }
    else if (a == "--timings") timings = true;
    else if (a == "--grammars") { auto v = value("--grammars"); if (!v) return kUsage; grammars = *v; }
    else if (a.size() > 1 && a[0] == '-') {
      std::fprintf(stderr, "notice parse: unknown option '%s'\n\n%s", a.c_str(), kHelpText);
      return kUsage;
    } else inputs.push_back(a);
  }
  if (format != "json" && format != "jsonl") {
    std::fprintf(stderr, "notice parse: --format must be json or jsonl, not '%s'\n", format.c_str());
    return kUsage;
  }
  if (inputs.empty()) {
    std::fprintf(stderr, "notice parse: no input files\n\n%s", kHelpText);
    return kUsage;
  }
  if (std::count(inputs.begin(), inputs.end(), "-") > 1) {
    std::fprintf(stderr, "notice parse: - (standard input) can be given once only\n");
    return kUsage;
  }
  auto engine = createEngine(grammars);
  if (!engine.ok()) {
    std::fprintf(stderr, "notice: %s\n", engine.error().message.c_str());
    return kFailed;
  }
  // Started while this process has one thread (isolate/child_process.h).
  auto parser = isolate::IsolatedParser::start(engine.value(), limits);
  if (!parser.ok()) {
    std::fprintf(stderr, "notice: %s\n", parser.error().message.c_str());
    return kFailed;
  }
  if (!outDir.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(outDir, ec);
    if (ec) {
      std::fprintf(stderr, "notice parse: cannot create %s: %s\n", outDir.c_str(), ec.message().c_str());
      return kFailed;
    }
  }
  int exitCode = kOk;
  int failures = 0;
  DuplicateIndex seen;
  std::set<std::string> taken;  // record files written by this run
  if (!outDir.empty()) {
    removeStaleTempFiles(outDir);
    // Records stored by earlier runs take part in duplicate detection.
    for (const auto& entry : std::filesystem::directory_iterator(outDir)) {
      if (entry.path().extension() != ".json") continue;
      std::error_code sizeError;
      if (auto size = entry.file_size(sizeError); sizeError || recordSizeError(size)) continue;
      auto stored = readInput(entry.path().string());
      if (!stored.ok()) continue;
      auto json = nlohmann::json::parse(stored.value(), nullptr, false);
      if (json.is_discarded()) continue;
      if (auto notice = noticeFromJson(json); notice.ok()) seen.add(notice.value(), entry.path().string());
    }
  }
  for (const auto& input : inputs) {
    auto bytes = readInput(input);
    StageTimings stages;
    Result<nlohmann::json> record = bytes.ok()
        ? parser.value()->parseBytes(bytes.value(), input == "-" ? "<stdin>" : input, options, &stages)
        : Result<nlohmann::json>(bytes.error());
    if (timings && record.ok()) {
      std::fprintf(stderr, "%s: extract %.2f ms, normalize %.2f ms, segment %.2f ms, fields %.2f ms\n", input.c_str(),
                   stages.extract_ms, stages.normalize_ms, stages.segment_ms, stages.fields_ms);
    }
    if (!record.ok()) {
      std::fprintf(stderr, "notice: %s: %s\n", input.c_str(), withLimitHint(record.error(), options).c_str());
      int code = exitCodeFor(record.error().code);
      exitCode = (failures++ == 0 || code == exitCode) ? code : kFailed;
      continue;
    }
    const auto& r = record.value();
    std::string path = outDir.empty() ? "" : recordPath(outDir, input, r["source"]["file"].get<std::string>(), &taken);
    if (!outDir.empty() && path.empty()) {
      std::fprintf(stderr, "notice: %s: no free record name in %s\n", input.c_str(), outDir.c_str());
      exitCode = failures++ == 0 ? kFailed : exitCode;
      continue;
    }
    auto typed = noticeFromJson(r);
    if (!typed.ok()) {  // the engine's own record out of shape: a bug, reported, not written
      std::fprintf(stderr, "notice: %s: %s\n", input.c_str(), typed.error().message.c_str());
      exitCode = failures++ == 0 ? kFailed : exitCode;
      continue;
    }
    if (auto dup = seen.add(typed.value(), outDir.empty() ? input : path)) {
      bool sameFile = dup->kind == Duplicate::Kind::kSameFile;
      if (!(sameFile && dup->other == path)) {
        std::fprintf(stderr, "notice: %s: %s %s\n", input.c_str(),
                     sameFile ? "the same file as" : "the same 发文字号 as", dup->other.c_str());
        if (sameFile) continue;
      }
    }
    if (!outDir.empty()) {
      if (auto err = writeFileAtomic(path, r.dump(1, ' ') + "\n")) {
        std::fprintf(stderr, "notice: %s\n", err->c_str());
        exitCode = failures++ == 0 ? kFailed : exitCode;
        continue;
      }
      std::printf("%s → %s\n    %s\n", input.c_str(), path.c_str(), summaryLine(r).c_str());
    } else {
      const std::string line = (format == "jsonl" ? r.dump() : r.dump(1, ' ')) + "\n";
      std::fwrite(line.data(), 1, line.size(), stdout);
    }
  }
  if (!outDir.empty()) {
    std::printf("%zu parsed, %d failed\n", inputs.size() - failures, failures);
  }
  return exitCode;
}

}  // namespace notice::cli
