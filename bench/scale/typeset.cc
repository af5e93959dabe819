#include "typeset.h"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <string_view>
#include <sstream>
#include <vector>

#include "core/utf8.h"
#include "support/pdf_writer.h"

namespace notice::scale {
namespace {

constexpr double kLeft = 79.5, kTextWidth = 448, kTop = 104.9, kBottom = 104.9 + 637.8;
constexpr double kBodySize = 16, kPitch = 28.95, kTitleSize = 22, kTableSize = 12;

// Every character is one em: the PDF writer's font gives Latin letters and digits the width
// of a Han character too.
double ems(const std::string& text) { return static_cast<double>(utf8::codepointCount(text)); }

// kChrome: what a web copy prints above the title (site name, date, counters), set small as a
// browser prints a page's header.
enum class Role { kChrome, kMasthead, kDocNumber, kTitle, kRecipients, kBody, kTableRow, kSignature };

struct Line {
  std::string text;
  Role role;
};

// A line of a text export without its markdown (**bold**, "- " items, "# " headings) and spaces
// at either end.
std::string plain(std::string line) {
  for (size_t at = line.find("**"); at != std::string::npos; at = line.find("**", at)) line.erase(at, 2);
  if (line.rfind("- ", 0) == 0) line.erase(0, 2);
  while (!line.empty() && line[0] == '#') line.erase(0, 1);
  std::string trimmed = utf8::trim(line);
  while (!trimmed.empty() && (trimmed.back() == '\t' || trimmed.back() == '\r')) trimmed.pop_back();
  return trimmed;
}

std::vector<Line> classify(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    std::string p = plain(line);
    if (!p.empty()) lines.push_back(p);
  }
  static const RE2 docNumber(R"(.{0,24}[〔\[（(【]\d{4}[〕\]）)】]\d{1,4}号)");
  static const RE2 date(R"(\d{4}年\d{1,2}月\d{1,2}日)");
  size_t numberAt = lines.size();
  for (size_t i = 0; i < std::min<size_t>(lines.size(), 20); ++i)
    if (RE2::FullMatch(lines[i], docNumber)) {
      numberAt = i;
      break;
    }
  // A web copy may carry masthead and 发文字号 on one line (…办公室文件 苏教办职[2011]3号).
  if (numberAt < lines.size()) {
    size_t space = lines[numberAt].rfind(' ');
    if (space != std::string::npos) {
      lines.insert(lines.begin() + static_cast<long>(numberAt), utf8::trim(lines[numberAt].substr(0, space)));
      lines[numberAt + 1] = lines[numberAt + 1].substr(space + 1);
      ++numberAt;
    }
  }
  std::vector<Line> out;
  for (const auto& l : lines) out.push_back({l, l.find('\t') != std::string::npos ? Role::kTableRow : Role::kBody});
  size_t titleAt = 0;
  if (numberAt < lines.size()) {
    for (size_t i = 0; i < numberAt; ++i) out[i].role = Role::kMasthead;
    out[numberAt].role = Role::kDocNumber;
    titleAt = numberAt + 1;
  }
  static const RE2 title(R"(.{2,80}(?:通知|通告|公告|决定|意见|批复|函|方案|报告))");
  for (size_t i = titleAt; i < std::min(out.size(), titleAt + 8); ++i) {
    if (!RE2::FullMatch(out[i].text, title)) continue;
    for (size_t j = titleAt; j < i; ++j) out[j].role = Role::kChrome;
    titleAt = i;
    break;
  }
  if (titleAt < out.size()) {
    out[titleAt].role = Role::kTitle;
    out[titleAt].text.erase(std::remove(out[titleAt].text.begin(), out[titleAt].text.end(), ' '), out[titleAt].text.end());
    // The 主送 line: the first ending in a colon, a web copy's chrome (发布时间…) between.
    for (size_t i = titleAt + 1; i < std::min(out.size(), titleAt + 4); ++i) {
      char32_t end = utf8::last(out[i].text);
      if (end != U'：' && end != ':') continue;
      out[i].role = Role::kRecipients;
      for (size_t j = titleAt + 1; j < i; ++j) out[j].role = Role::kChrome;
      break;
    }
  }
  // Chrome goes to the top of the first page, as a browser prints a page's header.
  std::stable_partition(out.begin(), out.begin() + static_cast<long>(std::min(out.size(), titleAt + 4)),
                        [](const Line& l) { return l.role == Role::kChrome; });
  // The signature: the last date line and the short lines naming issuers just above it.
  for (size_t i = out.size(); i-- > titleAt + 1;) {
    if (!RE2::FullMatch(out[i].text, date)) continue;
    out[i].role = Role::kSignature;
    for (size_t j = i; j-- > titleAt + 1 && i - j <= 12;) {
      const std::string& t = out[j].text;
      char32_t end = utf8::last(t);
      if (ems(t) > 24 || t.find("：") != std::string::npos || utf8::isCjkPunct(end) || end == ':') break;
      out[j].role = Role::kSignature;
    }
    break;
  }
  return out;
}

// Cuts `text` into lines of at most `width` characters.
std::vector<std::string> wrap(const std::string& text, double width, double firstIndent = 0) {
  std::vector<std::string> out(1);
  double used = firstIndent;
  size_t i = 0;
  while (i < text.size()) {
    size_t begin = i;
    char32_t c = utf8::next(text, i);
    double w = 1;
    // Closing punctuation never opens a line (it hangs in the margin instead).
    bool closing = std::u32string_view(U"、。，；：）》”’！？〕】").find(c) != std::u32string_view::npos;
    if (used + w > width && !out.back().empty() && !closing) out.emplace_back(), used = 0;
    out.back().append(text, begin, i - begin);
    used += w;
  }
  return out;
}

std::vector<std::string> splitCells(const std::string& row) {
  std::vector<std::string> cells;
  std::string cell;
  std::istringstream in(row);
  while (std::getline(in, cell, '\t')) cells.push_back(utf8::trim(cell));
  return cells;
}

class Typesetter {
 public:
  void line(const std::string& text, double size, double x, double pitch) {
    if (y_ + pitch > kBottom) newPage();
    if (!text.empty()) pages_.back().items.push_back({x, y_, size, text});
    y_ += pitch;
  }
  void gap(double points) { y_ += points; }
  void tableRow(const std::vector<std::string>& cells) {
    double column = kTextWidth / static_cast<double>(std::max<size_t>(cells.size(), 1));
    std::vector<std::vector<std::string>> wrapped;
    size_t height = 1;
    for (const auto& cell : cells) {
      wrapped.push_back(wrap(cell, column / kTableSize - 1));
      height = std::max(height, wrapped.back().size());
    }
    double pitch = kTableSize * 1.6;
    if (y_ + pitch * static_cast<double>(height) > kBottom) newPage();
    for (size_t c = 0; c < wrapped.size(); ++c)
      for (size_t k = 0; k < wrapped[c].size(); ++k)
        if (!wrapped[c][k].empty())
          pages_.back().items.push_back({kLeft + column * static_cast<double>(c) + 2, y_ + pitch * static_cast<double>(k), kTableSize, wrapped[c][k]});
    y_ += pitch * static_cast<double>(height);
  }
  std::vector<testing::PdfPage> finish() {
    if (pages_.empty()) newPage();
    for (size_t n = 0; n < pages_.size(); ++n) {
      std::string number = "— " + std::to_string(n + 1) + " —";
      double width = ems(number) * 14;
      double x = n % 2 == 0 ? kLeft + kTextWidth - width - 14 : kLeft + 14;
      pages_[n].items.push_back({x, kBottom + 40, 14, number});
    }
    return std::move(pages_);
  }

 private:
  void newPage() {
    pages_.emplace_back();
    y_ = kTop;
  }
  std::vector<testing::PdfPage> pages_;
  double y_ = kBottom;  // no page yet: the first line opens one
};

// The width that cuts `text` into lines of about equal length, none over `most`.
double balanced(const std::string& text, double most) {
  double lines = std::ceil(ems(text) / most);
  return lines <= 1 ? most : std::ceil(ems(text) / lines);
}

double centred(const std::string& text, double size) { return kLeft + (kTextWidth - ems(text) * size) / 2; }

}  // namespace

std::string typesetPdf(const std::string& text) {
  Typesetter out;
  auto lines = classify(text);
  for (size_t i = 0; i < lines.size(); ++i) {
    const Line& l = lines[i];
    switch (l.role) {
      case Role::kChrome:
        for (const auto& part : wrap(l.text, 40)) out.line(part, 10.5, kLeft, 16);
        break;
      case Role::kMasthead:
        out.line(l.text, kTitleSize + 4, centred(l.text, kTitleSize + 4), 40);
        break;
      case Role::kDocNumber:
        out.gap(kPitch);
        out.line(l.text, kBodySize, centred(l.text, kBodySize), kPitch);
        out.gap(kPitch);
        break;
      case Role::kTitle:
        for (const auto& part : wrap(l.text, balanced(l.text, 20))) out.line(part, kTitleSize, centred(part, kTitleSize), 29);
        out.gap(kPitch / 2);
        break;
      case Role::kRecipients:
        for (const auto& part : wrap(l.text, 28)) out.line(part, kBodySize, kLeft, kPitch);
        break;
      case Role::kBody: {
        auto parts = wrap(l.text, 28, 2);
        for (size_t k = 0; k < parts.size(); ++k) out.line(parts[k], kBodySize, kLeft + (k == 0 ? 2 * kBodySize : 0), kPitch);
        break;
      }
      case Role::kTableRow:
        out.tableRow(splitCells(l.text));
        break;
      case Role::kSignature:
        if (i > 0 && lines[i - 1].role != Role::kSignature) out.gap(kPitch);
        out.line(l.text, kBodySize, kLeft + kTextWidth - (ems(l.text) + 4) * kBodySize, kPitch);
        break;
    }
  }
  return testing::makePdf(out.finish());
}

}  // namespace notice::scale
