#include "core/file_name.h"

#include "core/utf8.h"

namespace notice {

std::string displayFileName(std::string_view raw) {
  size_t bad = 0;
  std::string checked = utf8::repaired(raw, &bad);
  if (bad == 0) return checked;
  size_t undecodable = 0;
  std::string gb = utf8::fromGb18030(raw, &undecodable);
  return undecodable == 0 && !gb.empty() ? gb : checked;
}

}  // namespace notice
