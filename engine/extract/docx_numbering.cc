#include "extract/docx_numbering.h"

#include <algorithm>

#include "core/utf8.h"
#include "extract/xml_part.h"

namespace notice {
namespace {

constexpr int kLevels = 9;
constexpr int kUnused = -1;  // a level not counted yet (numbers are never negative)

std::string chineseCount(int n) {
  static const char* kDigits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n <= 0 || n >= 1000) return std::to_string(n);
  std::string out;
  int hundreds = n / 100, tens = n / 10 % 10, ones = n % 10;
  if (hundreds) out += std::string(kDigits[hundreds]) + "百";
  if (tens) out += (tens == 1 && !hundreds ? "" : kDigits[tens]) + std::string("十");
  else if (hundreds && ones) out += "零";
  if (ones) out += kDigits[ones];
  return out;
}

std::string letters(int n, char first) {
  if (n <= 0) return std::to_string(n);
  // Word repeats the letter: 27 → "aa".
  return std::string(static_cast<size_t>((n - 1) / 26 + 1), static_cast<char>(first + (n - 1) % 26));
}

std::string roman(int n, bool upper) {
  if (n <= 0 || n >= 4000) return std::to_string(n);
  static const std::pair<int, const char*> kParts[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
                                                       {90, "xc"},  {50, "l"},   {40, "xl"},  {10, "x"},   {9, "ix"},
                                                       {5, "v"},    {4, "iv"},   {1, "i"}};
  std::string out;
  for (const auto& [value, text] : kParts) {
    for (; n >= value; n -= value) out += text;
  }
  if (upper) std::transform(out.begin(), out.end(), out.begin(), [](char c) { return static_cast<char>(c - 'a' + 'A'); });
  return out;
}

}  // namespace

std::string formatListNumber(int n, const std::string& f) {
  if (f == "chineseCounting" || f == "chineseCountingThousand" || f == "japaneseCounting" ||
      f == "chineseLegalSimplified" || f == "taiwaneseCounting") {
    return chineseCount(n);
  }
  if (f == "ideographTraditional" && n >= 1 && n <= 10) {
    static const char* kStems[] = {"甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"};
    return kStems[n - 1];
  }
  if (f == "ideographDigital" || f == "taiwaneseDigital" || f == "japaneseDigitalTenThousand") {
    static const char* kDigits[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    std::string out;
    for (char c : std::to_string(n)) out += kDigits[c - '0'];
    return out;
  }
  std::string out;
  if ((f == "decimalEnclosedCircle" || f == "decimalEnclosedCircleChinese") && n >= 1 && n <= 20) {
    utf8::append(out, static_cast<char32_t>(0x2460 + n - 1));
    return out;
  }
  if (f == "decimalEnclosedParen" && n >= 1 && n <= 20) {
    utf8::append(out, static_cast<char32_t>(0x2474 + n - 1));
    return out;
  }
  if (f == "decimalFullWidth" || f == "decimalFullWidth2") {
    for (char c : std::to_string(n)) utf8::append(out, static_cast<char32_t>(0xFF10 + (c - '0')));
    return out;
  }
  if (f == "lowerLetter") return letters(n, 'a');
  if (f == "upperLetter") return letters(n, 'A');
  if (f == "lowerRoman") return roman(n, false);
  if (f == "upperRoman") return roman(n, true);
  if (f == "decimalZero") return n < 10 ? "0" + std::to_string(n) : std::to_string(n);
  return std::to_string(n);  // decimal, and formats not drawn with characters of their own
}

ListNumbers::ListNumbers(pugi::xml_node numbering) {
  for (pugi::xml_node a : children(numbering, "abstractNum")) {
    std::vector<Level> levels(kLevels);
    for (pugi::xml_node l : children(a, "lvl")) {
      int i = attribute(l, "ilvl").as_int(-1);
      if (i < 0 || i >= kLevels) continue;
      levels[i].start = attribute(child(l, "start"), "val").as_int(1);
      if (pugi::xml_node f = child(l, "numFmt")) levels[i].format = attribute(f, "val").value();
      levels[i].text = attribute(child(l, "lvlText"), "val").value();
    }
    abstracts_[attribute(a, "abstractNumId").value()] = std::move(levels);
  }
  for (pugi::xml_node n : children(numbering, "num")) {
    Num num;
    num.abstract = attribute(child(n, "abstractNumId"), "val").value();
    for (pugi::xml_node o : children(n, "lvlOverride")) {
      if (pugi::xml_node s = child(o, "startOverride")) num.start_overrides[attribute(o, "ilvl").as_int()] = attribute(s, "val").as_int(1);
    }
    nums_[attribute(n, "numId").value()] = std::move(num);
  }
}

std::string ListNumbers::next(const std::string& numId, int level) {
  auto num = nums_.find(numId);
  if (num == nums_.end() || level < 0 || level >= kLevels) return "";
  auto abstract = abstracts_.find(num->second.abstract);
  if (abstract == abstracts_.end()) return "";
  const std::vector<Level>& levels = abstract->second;
  std::vector<int>& counters = counters_[num->second.abstract];
  if (counters.empty()) counters.assign(kLevels, kUnused);
  // A list instance that overrides its start restarts the shared counters the first time.
  if (!num->second.started) {
    num->second.started = true;
    for (const auto& [l, start] : num->second.start_overrides) {
      if (l >= 0 && l < kLevels) counters[l] = std::max(start - 1, 0);
    }
  }
  counters[level] = counters[level] == kUnused ? levels[level].start : counters[level] + 1;
  for (int deeper = level + 1; deeper < kLevels; ++deeper) counters[deeper] = kUnused;
  const Level& l = levels[level];
  if (l.format == "bullet" || l.format == "none") return "";
  // lvlText names the levels' numbers as %1…%9, each in its own level's format.
  std::string out;
  for (size_t i = 0; i < l.text.size(); ++i) {
    if (l.text[i] == '%' && i + 1 < l.text.size() && l.text[i + 1] >= '1' && l.text[i + 1] <= '9') {
      int which = l.text[i + 1] - '1';
      int value = counters[which] == kUnused ? levels[which].start : counters[which];
      out += formatListNumber(value, levels[which].format);
      ++i;
    } else {
      out += l.text[i];
    }
  }
  return out;
}

}  // namespace notice
