#include "diff/duties.h"

#include <algorithm>

#include "diff/words.h"

namespace notice {

double DutyKinds::likeness(const std::string& actionA, const std::string& actionB) const {
  double wording = similarity(actionA, actionB);
  auto a = of(actionA), b = of(actionB);
  if (a.empty() || b.empty()) return wording;
  size_t shared = 0;
  for (const auto& k : a) shared += b.count(k);
  // Overlap against the smaller set: "总结" is the same duty as "统计表及总结".
  double overlap = static_cast<double>(shared) / static_cast<double>(std::min(a.size(), b.size()));
  return 0.7 * overlap + 0.3 * wording;
}

}  // namespace notice
