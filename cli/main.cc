// notice: a thin command over the engine. Subcommands live in cmd_*.cc.
#include <csignal>
#include <cstdio>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "grammar/grammar_location.h"
#include "model/schema.h"

namespace {

const char* kUsage =
    "usage: notice <command> [options] FILE...\n"
    "\n"
    "Turns Chinese official notices (公文) into `notice/1` records and compares them.\n"
    "\n"
    "commands:\n"
    "  parse FILE...        one record per input (PDF, text or markdown export; - for stdin)\n"
    "  diff A B             what changed between two notices (files or record JSON)\n"
    "  compare FILE...      key fields of a series side by side (--series NAME: from the archive)\n"
    "\n"
    "the archive (a SQLite file or a postgresql://URL: --archive, $NOTICE_ARCHIVE, else notices.db):\n"
    "  ingest PATH...       parse files and folders into the archive (--watch DIR: as they come)\n"
    "  list                 the notices in it, with filters (province, year, issuer, dates …)\n"
    "  show ID|发文字号     one notice: record, versions, stored file\n"
    "  search WORDS...      full-text search, ranked, with the hits marked\n"
    "  export               the records as json, jsonl or csv\n"
    "  series               notices that belong together across years and provinces\n"
    "\n"
    "Run `notice <command> --help` for a command's options, `notice --version` for the version,\n"
    "the record schema and the grammar folder in use (man notice: the whole manual).\n"
    "Exit codes: 0 ok, 1 some input failed, 2 usage, 3 no text layer (needs OCR),\n"
    "            4 encrypted (password missing or wrong), 5 an input past the limits it is\n"
    "            read under (--timeout, --memory).\n";

// The version (CMake's project(VERSION)), the record schema, and where the rules are read
// from when no --grammars is given, so that an installation can be checked at a glance.
int printVersion() {
  std::printf("notice %s\nrecord schema %s\n", NOTICE_VERSION, notice::kRecordSchema);
  auto grammars = notice::defaultGrammarLocation();
  if (grammars.ok()) {
    std::printf("grammars %s (%s)\n", grammars.value().dir.c_str(), grammars.value().origin.c_str());
  } else {
    std::printf("grammars none: %s\n", grammars.error().message.c_str());
  }
  return notice::cli::kOk;
}

}  // namespace

int main(int argc, char** argv) {
  // Over `ulimit -f` a write fails with EFBIG and is reported, instead of killing the run.
  std::signal(SIGXFSZ, SIG_IGN);
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::fputs(kUsage, args.empty() ? stderr : stdout);
    return args.empty() ? notice::cli::kUsage : notice::cli::kOk;
  }
  if (args[0] == "--version" || args[0] == "-V") return printVersion();
  std::string command = args[0];
  args.erase(args.begin());
  if (command == "parse") return notice::cli::runParse(args);
  if (command == "diff") return notice::cli::runDiff(args);
  if (command == "compare") return notice::cli::runCompare(args);
  if (command == "ingest") return notice::cli::runIngest(args);
  if (command == "list") return notice::cli::runList(args);
  if (command == "show") return notice::cli::runShow(args);
  if (command == "search") return notice::cli::runSearch(args);
  if (command == "export") return notice::cli::runExport(args);
  if (command == "series") return notice::cli::runSeries(args);
  std::fprintf(stderr, "notice: unknown command '%s'\n\n%s", command.c_str(), kUsage);
  return notice::cli::kUsage;
}
