#include <cstdio>

#include "cli/commands.h"

namespace notice::cli {

int runCompare(const std::vector<std::string>&) {
  std::fputs("notice compare: not implemented yet\n", stderr);
  return kUsage;
}

}  // namespace notice::cli
