// notice ingest PATH... / notice ingest --watch DIR: files into the archive.
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "archive/batch_ingest.h"
#include "archive/folder_watch.h"
#include "cli/cli_io.h"
#include "cli/cmd_archive_common.h"
#include "cli/commands.h"
#include "cli/limit_options.h"
#include "isolate/isolated_parser.h"
#include "notice.h"

namespace notice::cli {
namespace {

const char* kHelp =
    "usage: notice ingest [options] PATH...\n"
    "       notice ingest [options] --watch DIR\n"
    "\n"
    "Parses notices and stores them in the archive with their original files. PATH is a file or\n"
    "a folder (read recursively; names starting with . skipped); `-` reads paths from standard\n"
    "input, one a line. The same bytes again are counted as a duplicate and not stored; the same\n"
    "发文字号 from other bytes is kept as another version of that notice.\n"
    "\n"
    "options:\n"
    "  --archive FILE|URL   the archive (default: $NOTICE_ARCHIVE, else notices.db here);\n"
    "                       created when missing\n"
    "  -j, --jobs N         parse N files at once (default: the number of cores); one writer\n"
    "  --watch DIR          ingest files as they appear in DIR (each once it stops changing),\n"
    "                       until interrupted (Ctrl-C, SIGTERM)\n"
    "  --quiet              no progress line (there is none when stderr is not a terminal)\n"
    "  --password PW        password for encrypted PDFs\n"
    "  --ocr auto|always|never  as for `notice parse`\n"
    "  --timeout SECONDS    the time one file may take to read, as for `notice parse`; a file\n"
    "                       past it counts as failed\n"
    "  --memory MIB         the memory one file may take to read, likewise\n"
    "  --grammars DIR       rule files to use (default: the folder `notice --version` names)\n"
    "  -h, --help           this text\n"
    "\n"
    "Each file is its own transaction: a batch stopped at any point keeps every file it\n"
    "finished, and running it again ingests the rest. A file that cannot be read or parsed is\n"
    "reported and skipped. Prints: ingested, versions, duplicates, failed (with the reasons on\n"
    "stderr); exits 1 when any file failed.\n";

volatile std::sig_atomic_t stopRequested = 0;
void requestStop(int) { stopRequested = 1; }

struct Totals {
  archive::BatchSummary all;
  void add(const archive::BatchSummary& s) {
    all.ingested += s.ingested;
    all.versions += s.versions;
    all.duplicates += s.duplicates;
    all.failed.insert(all.failed.end(), s.failed.begin(), s.failed.end());
  }
};

void report(const archive::BatchSummary& s, const std::string& path, bool reasons = true) {
  if (reasons) {
    for (const auto& f : s.failed) std::fprintf(stderr, "notice: %s: %s\n", f.file.c_str(), f.reason.c_str());
  }
  std::printf("%zu ingested, %zu versions, %zu duplicates, %zu failed → %s\n", s.ingested, s.versions, s.duplicates,
              s.failed.size(), archive::shownLocation(path).c_str());
  std::fflush(stdout);
}

}  // namespace

int runIngest(const std::vector<std::string>& args) {
  std::string archiveOption, watch, grammars;
  ParseOptions parse;
  isolate::Limits limits;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  bool quiet = false;
  std::vector<std::string> paths;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> const std::string* {
      if (i + 1 >= args.size()) {
        std::fprintf(stderr, "notice ingest: %s needs a value\n", a.c_str());
        return nullptr;
      }
      return &args[++i];
    };
    if (a == "-h" || a == "--help") { std::fputs(kHelp, stdout); return kOk; }
    if (a == "--quiet" || a == "-q") { quiet = true; continue; }
    if (auto taken = takeLimitOption(args, i, "ingest", &limits); taken != Taken::kNo) {
      if (taken == Taken::kBad) return kUsage;
      continue;
    }
    if (a == "--archive" || a == "--watch" || a == "--grammars" || a == "--password" || a == "--ocr" || a == "-j" || a == "--jobs") {
      const std::string* v = value();
      if (!v) return kUsage;
      if (a == "--archive") archiveOption = *v;
      else if (a == "--watch") watch = *v;
      else if (a == "--grammars") grammars = *v;
      else if (a == "--password") parse.password = *v;
      else if (a == "--ocr") {
        auto mode = parseOcrMode(*v);
        if (!mode) { std::fprintf(stderr, "notice ingest: --ocr must be auto, always or never\n"); return kUsage; }
        parse.ocr = *mode;
      } else {
        if (v->empty() || v->size() > 4 || v->find_first_not_of("0123456789") != std::string::npos || std::stoi(*v) < 1) {
          std::fprintf(stderr, "notice ingest: -j needs a number of threads (1 or more), not '%s'\n", v->c_str());
          return kUsage;
        }
        jobs = static_cast<unsigned>(std::stoi(*v));
      }
      continue;
    }
    if (a.size() > 1 && a[0] == '-') {
      std::fprintf(stderr, "notice ingest: unknown option '%s'\n\n%s", a.c_str(), kHelp);
      return kUsage;
    }
    if (a == "-") {
      for (const std::string& line : linesOfStdin()) {
        if (!line.empty()) paths.push_back(line);
      }
    } else {
      paths.push_back(a);
    }
  }
  if (paths.empty() && watch.empty()) {
    std::fprintf(stderr, "notice ingest: no files or folders given\n\n%s", kHelp);
    return kUsage;
  }
  const std::string path = archivePath(archiveOption);
  auto engine = createEngine(grammars);
  if (!engine.ok()) {
    std::fprintf(stderr, "notice: %s\n", engine.error().message.c_str());
    return kFailed;
  }
  // Started while this process has one thread, before the parser threads (isolate/).
  auto parser = isolate::IsolatedParser::start(engine.value(), limits);
  if (!parser.ok()) {
    std::fprintf(stderr, "notice: %s\n", parser.error().message.c_str());
    return kFailed;
  }
  auto store = openArchiveOrReport(path, archive::OpenMode::kCreate);
  if (!store) return kFailed;

  archive::BatchOptions options;
  options.jobs = jobs;
  options.parse = parse;
  options.parser = [&isolated = *parser.value()](std::string_view bytes, const std::string& file, const ParseOptions& o) {
    auto record = isolated.parseBytes(bytes, file, o);
    return record.ok() ? record : Result<nlohmann::json>(Error{record.error().code, withLimitHint(record.error(), o)});
  };
  if (!quiet && ::isatty(STDERR_FILENO)) {
    options.progress = [](const archive::BatchProgress& p) {
      double rate = p.seconds > 0 ? static_cast<double>(p.done) / p.seconds : 0;
      std::fprintf(stderr, "\r\x1b[K%zu/%zu  %.1f/s  %s", p.done, p.total, rate, p.current.c_str());
      if (p.done == p.total) std::fputc('\n', stderr);
      std::fflush(stderr);
    };
  }
  // The archive and its journal files are never ingested, even inside a folder given.
  const std::vector<std::string> skip = {path, path + "-wal", path + "-shm", path + "-journal"};
  Totals totals;

  if (!paths.empty()) {
    std::vector<archive::FileFailure> unreadable;
    auto files = archive::expandPaths(paths, skip, &unreadable);
    archive::BatchSummary s = archive::ingestFiles(*store, engine.value(), files, options);
    s.failed.insert(s.failed.begin(), unreadable.begin(), unreadable.end());
    totals.add(s);
    if (watch.empty()) report(s, path);
  }
  if (!watch.empty()) {
    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    archive::FolderWatch folder(watch, skip);
    std::fprintf(stderr, "notice: watching %s (Ctrl-C to stop)\n", watch.c_str());
    while (!stopRequested) {
      std::vector<archive::FileFailure> unreadable;
      auto ready = folder.poll(&unreadable);
      if (!ready.empty() || !unreadable.empty()) {
        archive::BatchSummary s = archive::ingestFiles(*store, engine.value(), ready, options);
        s.failed.insert(s.failed.begin(), unreadable.begin(), unreadable.end());
        totals.add(s);
        report(s, path);
      }
      for (int t = 0; t < 10 && !stopRequested; ++t) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    std::printf("stopped; in all: ");
    report(totals.all, path, false);
  }
  return totals.all.failed.empty() ? kOk : kFailed;
}

}  // namespace notice::cli
