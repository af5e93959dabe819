// Where the rule files are when the caller names no folder. In this order:
//   1. $NOTICE_GRAMMARS, when it is set and not empty (even if it names no folder: a setting
//      that is wrong is an error, not a reason to read other rules);
//   2. the installed layout beside the running program: <its folder>/../share/notice/grammars
//      (the path from bin/ to share/notice/ is the install's, fixed when it is configured), found
//      from /proc/self/exe, so an installed tool reads its own grammars whatever the prefix, a
//      DESTDIR staging folder or a moved tree;
//   3. the grammars/ folder of the source tree the program was built from (programs run from the
//      build tree, and the tests).
// The first of 2 and 3 that is a folder is taken.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"

namespace notice {

struct GrammarLocation {
  std::string dir;
  std::string origin;  // "NOTICE_GRAMMARS", "installed" or "source tree"
};

// The folder to read, or kBadGrammar naming every place looked in.
Result<GrammarLocation> defaultGrammarLocation();

// The installed data folder beside the running program (<bin>/../share/notice), whether or not
// it exists; empty when the program's own path cannot be read.
std::string installedDataDir();

}  // namespace notice
