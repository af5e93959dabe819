#include "vary.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdio>
#include <array>
#include <map>
#include <sstream>

#include "core/utf8.h"

namespace notice::scale {
namespace {

struct Province {
  const char* name;
  const char* abbreviation;  // the character 发文字号 of the province's bodies open with
};

constexpr std::array<Province, 22> kProvinces{{
    {"河北", "冀"}, {"山西", "晋"}, {"辽宁", "辽"}, {"吉林", "吉"}, {"黑龙江", "黑"}, {"江苏", "苏"},
    {"浙江", "浙"}, {"安徽", "皖"}, {"福建", "闽"}, {"江西", "赣"}, {"山东", "鲁"}, {"河南", "豫"},
    {"湖北", "鄂"}, {"湖南", "湘"}, {"广东", "粤"}, {"海南", "琼"}, {"四川", "川"}, {"贵州", "黔"},
    {"云南", "滇"}, {"陕西", "陕"}, {"甘肃", "甘"}, {"青海", "青"},
}};

constexpr std::array<const char*, 32> kSurnames{"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐",
                                                "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁",
                                                "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾"};
constexpr std::array<const char*, 40> kGivenNames{"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋",
                                                  "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平",
                                                  "刚", "桂", "英", "华", "玉", "兰", "红", "志", "新", "海",
                                                  "波", "宁", "斌", "建", "国", "俊", "峰", "琳", "晨", "毅"};

int uniform(std::mt19937_64& rng, int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }

// Replaces each match of `re` by what `replace` makes of its groups.
template <class Replace>
std::string replaceEach(const std::string& text, const RE2& re, Replace replace) {
  int groups = re.NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> match(static_cast<size_t>(groups));
  std::string out;
  size_t pos = 0;
  while (pos < text.size() && re.Match(text, pos, text.size(), RE2::UNANCHORED, match.data(), groups)) {
    size_t begin = static_cast<size_t>(match[0].data() - text.data());
    size_t end = begin + match[0].size();
    out.append(text, pos, begin - pos);
    out += replace(match);
    if (end == begin) {
      if (end < text.size()) out += text[end];
      ++end;
    }
    pos = end;
  }
  if (pos < text.size()) out.append(text, pos);
  return out;
}

int toInt(re2::StringPiece s) { return s.empty() ? 0 : std::stoi(std::string(s)); }

std::string chineseNumeral(int n) {  // 1..99
  static const char* digits[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n < 10) return digits[n];
  return std::string(n >= 20 ? digits[n / 10] : "") + "十" + digits[n % 10];
}

int parseChineseNumeral(const std::string& s) {
  static const std::map<std::string, int> values = [] {
    std::map<std::string, int> m;
    for (int i = 1; i < 100; ++i) m[chineseNumeral(i)] = i;
    return m;
  }();
  auto it = values.find(s);
  return it == values.end() ? 0 : it->second;
}

// The year a template is dated: its 发文字号's, else the first year it writes.
int templateYear(const std::string& text) {
  static const RE2 docNumberYear(R"([〔\[（(【]((?:19|20)\d\d)[〕\]）)】]\d{1,4}号)");
  static const RE2 yearWord(R"(((?:19|20)\d\d)年)");
  static const RE2 anyYear(R"((?:^|\D)((?:19|20)\d\d)(?:\D|$))");
  int year = 0;
  if (RE2::PartialMatch(text, docNumberYear, &year) || RE2::PartialMatch(text, yearWord, &year) ||
      RE2::PartialMatch(text, anyYear, &year))
    return year;
  return 0;
}

// The province the template names most often as X省.
const Province* templateProvince(const std::string& text) {
  const Province* best = nullptr;
  size_t bestCount = 0;
  for (const auto& p : kProvinces) {
    std::string word = std::string(p.name) + "省";
    size_t count = 0;
    for (size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + word.size())) ++count;
    if (count > bestCount) best = &p, bestCount = count;
  }
  return best;
}

std::string replaceAll(std::string text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

std::string moveProvince(const std::string& text, const std::string& to) {
  const Province* from = templateProvince(text);
  if (from == nullptr || to == from->name) return text;
  const Province* target = nullptr;
  for (const auto& p : kProvinces)
    if (to == p.name) target = &p;
  if (target == nullptr) return text;
  // The 发文字号's opening abbreviation first (晋教职成函〔…〕 → 苏教职成函〔…〕), then the name.
  static const RE2 docNumber(R"((\p{Han})(\p{Han}{1,8}[〔\[（(【](?:19|20)\d\d[〕\]）)】]\d{1,4}号))");
  std::string out = replaceEach(text, docNumber, [&](const std::vector<re2::StringPiece>& m) {
    std::string first(m[1]);
    return (first == from->abbreviation ? std::string(target->abbreviation) : first) + std::string(m[2]);
  });
  return replaceAll(out, from->name, target->name);
}

// Years shifted by `delta`; mobile and landline numbers given other digits.
std::string shiftYearsAndPhones(const std::string& text, int delta, std::mt19937_64& rng) {
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  auto isDigit = [&](size_t at) { return at < text.size() && text[at] >= '0' && text[at] <= '9'; };
  while (i < text.size()) {
    if (!isDigit(i)) {
      out += text[i++];
      continue;
    }
    size_t begin = i;
    while (isDigit(i)) ++i;
    std::string run = text.substr(begin, i - begin);
    bool afterDash = begin > 0 && text[begin - 1] == '-';
    if (run.size() == 4 && (run.rfind("19", 0) == 0 || run.rfind("20", 0) == 0) && !afterDash) {
      int year = std::stoi(run) + delta;
      out += std::to_string(std::clamp(year, 1990, 2035));
    } else if (run.size() == 11 && run[0] == '1' && run[1] >= '3') {
      out += run.substr(0, 3);
      for (int k = 0; k < 8; ++k) out += static_cast<char>('0' + uniform(rng, 0, 9));
    } else if ((run.size() == 7 || run.size() == 8) && afterDash) {
      out += static_cast<char>('0' + uniform(rng, 2, 8));
      for (size_t k = 1; k < run.size(); ++k) out += static_cast<char>('0' + uniform(rng, 0, 9));
    } else {
      out += run;
    }
  }
  return out;
}

std::string shiftDates(const std::string& text, std::mt19937_64& rng) {
  int months = uniform(rng, -1, 1), days = uniform(rng, -3, 3);
  if (months == 0 && days == 0) days = 1;
  static const RE2 date(R"((?:(\d{1,2})月)?(\d{1,2})日)");
  return replaceEach(text, date, [&](const std::vector<re2::StringPiece>& m) {
    std::string out;
    if (!m[1].empty()) out += std::to_string(std::clamp(toInt(m[1]) + months, 1, 12)) + "月";
    return out + std::to_string(std::clamp(toInt(m[2]) + days, 1, 28)) + "日";
  });
}

// The first 发文字号 (the notice's own) takes the variant's serial, any later one (documents it
// cites) another; a copy without any (a web page) gets the 索引号 its site's 信息公开 block would
// give it, so that no two variants are the same bytes.
std::string renumber(const std::string& text, const Variation& variation, std::mt19937_64& rng) {
  static const RE2 docNumber(R"(([〔\[（(【](?:19|20)\d\d[〕\]）)】])\d{1,4}号)");
  bool numbered = false;
  std::string out = replaceEach(text, docNumber, [&](const std::vector<re2::StringPiece>& m) {
    int serial = numbered ? uniform(rng, 1, 120) : variation.serial;
    numbered = true;
    return std::string(m[1]) + std::to_string(serial) + "号";
  });
  if (!numbered) {
    char index[64];
    std::snprintf(index, sizeof index, "\n索引号：A%02d-%d-%06d\n", variation.serial % 100, variation.year, variation.serial);
    out += index;
  }
  return out;
}

std::string randomName(size_t length, std::mt19937_64& rng) {
  std::string name = kSurnames[static_cast<size_t>(uniform(rng, 0, kSurnames.size() - 1))];
  for (size_t k = 1; k < length; ++k) name += kGivenNames[static_cast<size_t>(uniform(rng, 0, kGivenNames.size() - 1))];
  return name;
}

// The people after 联系人…： (names of two or three characters, separated by 、，or spaces).
std::string renameContacts(const std::string& text, std::mt19937_64& rng) {
  static const RE2 label(R"(联系人[^：:\n]{0,12}[：:][*\s]*)");
  std::string out;
  size_t pos = 0;
  re2::StringPiece match;
  while (pos < text.size() && label.Match(text, pos, text.size(), RE2::UNANCHORED, &match, 1)) {
    size_t end = static_cast<size_t>(match.data() - text.data()) + match.size();
    out.append(text, pos, end - pos);
    size_t i = end;
    while (i < text.size()) {
      size_t runEnd = i, chars = 0;
      while (runEnd < text.size()) {
        size_t next = runEnd;
        if (!utf8::isHan(utf8::next(text, next))) break;
        runEnd = next, ++chars;
      }
      size_t after = runEnd;
      char32_t next = runEnd < text.size() ? utf8::next(text, after) : 0;
      if (chars < 2 || chars > 3 || next == U'：' || next == ':') break;  // 电话：is a label
      out += randomName(chars, rng);
      i = runEnd;
      size_t sepEnd = i;
      while (sepEnd < text.size()) {
        size_t next = sepEnd;
        char32_t c = utf8::next(text, next);
        if (c != U'、' && c != U'，' && c != ',' && c != ' ') break;
        sepEnd = next;
      }
      out.append(text, i, sepEnd - i);
      if (sepEnd == i) break;
      i = sepEnd;
    }
    pos = i;
  }
  if (pos < text.size()) out.append(text, pos);
  return out;
}

// The top-level sections (一、 二、 …, the first run counting up from 一) but the first and the
// last, shuffled and numbered again.
std::string reorderSections(const std::string& text, std::mt19937_64& rng) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  static const RE2 heading(R"(\s*([一二三四五六七八九十]{1,3})、(.*))");
  std::vector<size_t> headings;
  std::vector<std::string> rest;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string numeral, after;
    if (!RE2::FullMatch(lines[i], heading, &numeral, &after)) continue;
    if (parseChineseNumeral(numeral) != static_cast<int>(headings.size()) + 1) {
      if (!headings.empty()) break;
      continue;
    }
    headings.push_back(i);
    rest.push_back(after);
  }
  if (headings.size() < 4) return text;
  std::vector<size_t> order;
  for (size_t k = 1; k + 1 < headings.size(); ++k) order.push_back(k);
  std::shuffle(order.begin(), order.end(), rng);
  std::vector<std::string> out(lines.begin(), lines.begin() + static_cast<long>(headings[1]));
  for (size_t slot = 0; slot < order.size(); ++slot) {
    size_t k = order[slot];
    out.push_back(chineseNumeral(static_cast<int>(slot + 2)) + "、" + rest[k]);
    out.insert(out.end(), lines.begin() + static_cast<long>(headings[k] + 1), lines.begin() + static_cast<long>(headings[k + 1]));
  }
  out.insert(out.end(), lines.begin() + static_cast<long>(headings.back()), lines.end());
  std::string joined;
  for (const auto& line : out) joined += line + "\n";
  return joined;
}

}  // namespace

const std::vector<std::string>& provinces() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const auto& p : kProvinces) out.emplace_back(p.name);
    return out;
  }();
  return names;
}

std::string vary(const std::string& text, const Variation& variation, std::mt19937_64& rng) {
  int from = templateYear(text);
  std::string out = moveProvince(text, variation.province);
  out = shiftYearsAndPhones(out, from == 0 ? 0 : variation.year - from, rng);
  out = shiftDates(out, rng);
  out = renumber(out, variation, rng);
  out = renameContacts(out, rng);
  if (uniform(rng, 0, 1) == 1) out = reorderSections(out, rng);
  return out;
}

}  // namespace notice::scale
