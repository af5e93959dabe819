// The notice command's subcommands. Each takes its own arguments (after the subcommand name)
// and returns the process exit code. They parse arguments and call the library; nothing more.
#pragma once

#include <string>
#include <vector>

namespace notice::cli {

// Exit codes shared by every subcommand.
enum Exit : int {
  kOk = 0,
  kFailed = 1,        // some input could not be read (the batch went on)
  kUsage = 2,         // bad arguments
  kNoTextLayer = 3,   // image-only PDF: needs OCR (refused with --ocr never, or Tesseract missing)
  kEncrypted = 4,     // password missing or wrong
  kLimit = 5,         // an input took longer or needed more memory than --timeout/--memory allow
};

int runParse(const std::vector<std::string>& args);
int runDiff(const std::vector<std::string>& args);
int runCompare(const std::vector<std::string>& args);
// The archive (cmd_archive_*.cc).
int runIngest(const std::vector<std::string>& args);
int runList(const std::vector<std::string>& args);
int runShow(const std::vector<std::string>& args);
int runSearch(const std::vector<std::string>& args);
int runExport(const std::vector<std::string>& args);
int runSeries(const std::vector<std::string>& args);

}  // namespace notice::cli
