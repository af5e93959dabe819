#include <cstdio>

#include "cli/commands.h"

namespace notice::cli {

int runDiff(const std::vector<std::string>&) {
  std::fputs("notice diff: not implemented yet\n", stderr);
  return kUsage;
}

}  // namespace notice::cli
