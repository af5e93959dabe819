#include "layout/flattened.h"

#include <optional>

#include "core/utf8.h"

namespace notice {
namespace {

// A line this long with this many paragraph-like spaces is a flattened page, not a paragraph.
constexpr size_t kFlattenedMinChars = 200;
constexpr size_t kFlattenedMinBreaks = 3;

// A single space where a paragraph (or a title's line) ended: after Chinese text or a closing
// mark. "2026 年" (a digit before it) is a converter's space, not a break.
bool isBreak(char32_t before, char32_t after) {
  bool endsText = utf8::isCjk(before) || before == '.' || before == ':' || before == ';' || before == ')' ||
                  before == '!' || before == '?';
  return endsText && after != ' ';
}

// The line cut at the spaces at `cuts` (byte offsets), each part a line of its own.
void cutAt(const Line& line, std::vector<size_t> cuts, std::vector<Line>& out) {
  const std::string& t = line.pieces[0].text;
  // Each part is the line without its text, then its own share of the text: copying the
  // whole line per part would make a long page quadratic.
  Line shell = line;
  shell.pieces[0].text.clear();
  size_t from = 0;
  cuts.push_back(t.size());
  for (size_t cut : cuts) {
    Line part = shell;
    part.pieces[0].text = t.substr(from, cut - from);
    part.source_offset = line.source_offset + from;
    part.source_length = cut - from;
    part.blank_before = from == 0 ? line.blank_before : true;
    if (!utf8::trim(part.pieces[0].text).empty()) out.push_back(std::move(part));
    from = cut + 1;
  }
}

// The space between a masthead ending in 文件 and a 发文字号 after it on the same line (the
// masthead holds no space, so only the first one can be it).
std::optional<size_t> mastheadNumberSpace(const std::string& t, const Grammar& g) {
  size_t at = t.find(' ');
  if (at == std::string::npos) return std::nullopt;
  std::string_view head(t.data(), at), tail(t.data() + at + 1, t.size() - at - 1);
  if (RE2::FullMatch(head, g.re("doc_number.masthead_lead")) && RE2::FullMatch(tail, g.re("doc_number.line"))) return at;
  return std::nullopt;
}

}  // namespace

void splitFlattenedLines(PageText& pages, const Grammar& g) {
  if (pages.has_geometry) return;
  for (Page& page : pages.pages) {
    std::vector<Line> out;
    for (Line& line : page.lines) {
      if (line.pieces.size() != 1 || line.table_row) {
        out.push_back(std::move(line));
        continue;
      }
      if (auto at = mastheadNumberSpace(line.pieces[0].text, g)) {
        cutAt(line, {*at}, out);
        continue;
      }
      if (utf8::codepointCount(line.pieces[0].text) < kFlattenedMinChars) {
        out.push_back(std::move(line));
        continue;
      }
      const std::string& t = line.pieces[0].text;
      std::vector<size_t> cuts;  // byte offsets of the breaking spaces
      size_t i = 0;
      char32_t before = 0;
      while (i < t.size()) {
        size_t at = i;
        char32_t c = utf8::next(t, i);
        if (c == ' ' && i < t.size()) {
          size_t j = i;
          char32_t after = utf8::next(t, j);
          if (isBreak(before, after)) cuts.push_back(at);
        }
        before = c;
      }
      if (cuts.size() < kFlattenedMinBreaks) {
        out.push_back(std::move(line));
      } else {
        cutAt(line, cuts, out);
      }
    }
    page.lines = std::move(out);
  }
}

}  // namespace notice
