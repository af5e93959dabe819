#include "fields/numerals.h"

#include <string>

#include "core/utf8.h"

namespace notice {
namespace {

int digitValue(char32_t c) {
  switch (c) {
    case U'〇': case U'○': case U'零': case U'O': case U'o': case U'Ο': return 0;
    case U'一': return 1;
    case U'二': case U'两': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
  }
}

}  // namespace

std::optional<int> chineseNumber(std::string_view text) {
  std::u32string s = utf8::decode(text);
  if (s.empty()) return std::nullopt;
  bool ascii = true;
  for (char32_t c : s) ascii = ascii && c >= '0' && c <= '9';
  if (ascii) return s.size() <= 9 ? std::optional<int>(std::stoi(std::string(text))) : std::nullopt;
  int total = 0, current = 0;
  bool any = false;
  for (char32_t c : s) {
    int d = digitValue(c);
    if (d >= 0) { current = d; any = true; continue; }
    int unit = c == U'十' ? 10 : c == U'百' ? 100 : c == U'千' ? 1000 : 0;
    if (unit == 0) return std::nullopt;
    total += (current == 0 && !any ? 1 : current) * unit;  // 十一: a leading 十 means 一十
    current = 0;
    any = true;
  }
  return total + current;
}

std::optional<int> chineseDigits(std::string_view text) {
  int value = 0;
  std::u32string s = utf8::decode(text);
  if (s.empty()) return std::nullopt;
  for (char32_t c : s) {
    int d = (c >= '0' && c <= '9') ? static_cast<int>(c - '0') : digitValue(c);
    if (d < 0 || c == U'两') return std::nullopt;
    value = value * 10 + d;
  }
  return value;
}

}  // namespace notice
