#include "grammar/grammar_location.h"

#include <cstdlib>
#include <filesystem>

namespace notice {
namespace fs = std::filesystem;

// Set by cmake/install.cmake from the install's bin and data folders; the source tree's
// folder by engine/CMakeLists.txt.
#ifndef NOTICE_DATA_FROM_BIN
#define NOTICE_DATA_FROM_BIN "../share/notice"
#endif

std::string installedDataDir() {
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (ec || self.empty()) return "";
  return (self.parent_path() / NOTICE_DATA_FROM_BIN).lexically_normal().string();
}

Result<GrammarLocation> defaultGrammarLocation() {
  if (const char* env = std::getenv("NOTICE_GRAMMARS"); env && *env) return GrammarLocation{env, "NOTICE_GRAMMARS"};
  std::error_code ec;
  std::string installed = installedDataDir();
  if (!installed.empty()) {
    std::string dir = (fs::path(installed) / "grammars").string();
    if (fs::is_directory(dir, ec)) return GrammarLocation{dir, "installed"};
    installed = dir;
  }
  if (fs::is_directory(NOTICE_GRAMMAR_DIR, ec)) return GrammarLocation{NOTICE_GRAMMAR_DIR, "source tree"};
  return Error{ErrorCode::kBadGrammar, "no grammar folder: NOTICE_GRAMMARS is not set, and neither " +
                                           (installed.empty() ? std::string("the installed one") : installed) +
                                           " (installed beside the program) nor " NOTICE_GRAMMAR_DIR
                                           " (the source tree it was built from) is a folder"};
}

}  // namespace notice
