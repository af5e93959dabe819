#include "normalize/normalizer.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "core/utf8.h"
#include "grammar/doc_types.h"

namespace notice {
namespace {

using utf8::isAsciiAlnum;
using utf8::isCjk;
using utf8::isHan;

std::string toNfc(const std::string& s) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(err);
  if (U_FAILURE(err)) return s;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  if (nfc->isNormalized(u, err)) return s;
  err = U_ZERO_ERROR;
  icu::UnicodeString n = nfc->normalize(u, err);
  if (U_FAILURE(err)) return s;
  std::string out;
  n.toUTF8String(out);
  return out;
}

bool isSpace(char32_t c) { return c == ' ' || c == 0x3000 || c == 0xA0 || c == '\t'; }
bool isLatinLetter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// A code point with the index of the source code point it came from (-1: none).
struct Tracked {
  std::u32string text;
  std::vector<int> origin;
  void push(char32_t c, int o) { text.push_back(c); origin.push_back(o); }
};

Tracked foldFullWidth(const Tracked& in) {
  Tracked out;
  for (size_t i = 0; i < in.text.size(); ++i) {
    char32_t c = in.text[i];
    if ((c >= U'０' && c <= U'９') || (c >= U'Ａ' && c <= U'Ｚ') || (c >= U'ａ' && c <= U'ｚ')) c -= 0xFEE0;
    out.push(c, in.origin[i]);
  }
  // Full-width connectors inside numbers, phones and e-mail addresses.
  for (size_t i = 1; i + 1 < out.text.size(); ++i) {
    char32_t c = out.text[i];
    if ((c == U'＠' || c == U'．' || c == U'－' || c == U'＿' || c == U'／') &&
        isAsciiAlnum(out.text[i - 1]) && isAsciiAlnum(out.text[i + 1])) {
      out.text[i] = c - 0xFEE0;
    }
  }
  return out;
}

Tracked removeWatermarks(const Tracked& in, const std::vector<std::u32string>& words) {
  Tracked out;
  size_t i = 0;
  while (i < in.text.size()) {
    bool removed = false;
    for (const auto& w : words) {
      if (in.text.compare(i, w.size(), w) != 0) continue;
      bool leftOk = i == 0 || !isLatinLetter(in.text[i - 1]);
      size_t e = i + w.size();
      bool rightOk = e >= in.text.size() || !isLatinLetter(in.text[e]);
      if (leftOk && rightOk) {
        i = e;
        removed = true;
        break;
      }
    }
    if (!removed) {
      out.push(in.text[i], in.origin[i]);
      ++i;
    }
  }
  return out;
}

// Length of the run of Han characters ending before `end` (going left) or starting at
// `begin` (going right), and whether the run is bounded by punctuation or the end of the text
// (a "hard" boundary: the run is a whole phrase).
struct Run { size_t length; bool hard; };
Run hanRunLeft(const std::u32string& s, size_t end) {
  size_t n = 0, i = end;
  while (i > 0 && isHan(s[i - 1])) { --i; ++n; }
  bool hard = i == 0 || (utf8::isCjkPunct(s[i - 1]) && !isSpace(s[i - 1]));
  return {n, hard};
}
Run hanRunRight(const std::u32string& s, size_t begin) {
  size_t n = 0, i = begin;
  while (i < s.size() && isHan(s[i])) { ++i; ++n; }
  bool hard = i == s.size() || (utf8::isCjkPunct(s[i]) && !isSpace(s[i]));
  return {n, hard};
}

// A two-phrase slogan keeps its space: "庆建党百年华诞 谱终身学习新篇", "“人人持证 技能社会”".
bool isSloganSpace(const std::u32string& s, size_t space) {
  Run l = hanRunLeft(s, space), r = hanRunRight(s, space + 1);
  return l.hard && r.hard && l.length >= 3 && l.length <= 9 && r.length >= 3 && r.length <= 9;
}

Tracked fixSpaces(const Tracked& in, std::vector<size_t>* softBreaks) {
  // Collapse runs of white space to one ASCII space, trim the ends.
  Tracked collapsed;
  for (size_t i = 0; i < in.text.size(); ++i) {
    char32_t c = in.text[i];
    if (isSpace(c)) {
      if (collapsed.text.empty() || collapsed.text.back() == ' ') continue;
      collapsed.push(' ', in.origin[i]);
    } else {
      collapsed.push(c, in.origin[i]);
    }
  }
  while (!collapsed.text.empty() && collapsed.text.back() == ' ') {
    collapsed.text.pop_back();
    collapsed.origin.pop_back();
  }
  Tracked out;
  for (size_t i = 0; i < collapsed.text.size(); ++i) {
    char32_t c = collapsed.text[i];
    if (c == ' ' && i > 0 && i + 1 < collapsed.text.size()) {
      char32_t l = collapsed.text[i - 1], r = collapsed.text[i + 1];
      if ((isCjk(l) || isCjk(r)) && !isSloganSpace(collapsed.text, i)) {
        if (softBreaks) softBreaks->push_back(out.text.size());  // in code points for now
        continue;
      }
    }
    out.push(c, collapsed.origin[i]);
  }
  return out;
}

std::vector<std::u32string> watermarkWords(const Grammar& g) {
  std::vector<std::u32string> words;
  for (const auto& w : g.list("watermarks")) words.push_back(utf8::decode(w));
  // Longest first, so "Trail Version" wins over a shorter word inside it.
  std::sort(words.begin(), words.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  return words;
}

// Normalises one run; soft breaks come back as code-point offsets in the result.
Tracked normalizeTracked(const std::string& raw, const std::vector<std::u32string>& watermarks,
                         std::vector<size_t>* softBreaks) {
  std::string nfc = toNfc(raw);
  Tracked t;
  std::u32string decoded = utf8::decode(nfc);
  bool aligned = nfc == raw;  // NFC changed nothing: code points map one to one
  for (size_t i = 0; i < decoded.size(); ++i) t.push(decoded[i], aligned ? static_cast<int>(i) : -1);
  t = foldFullWidth(t);
  t = removeWatermarks(t, watermarks);
  return fixSpaces(t, softBreaks);
}

size_t byteOffsetOfCodepoint(const std::u32string& s, size_t cp) {
  size_t bytes = 0;
  for (size_t i = 0; i < cp && i < s.size(); ++i) {
    char32_t c = s[i];
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return bytes;
}

// Builds a CleanLine from a source line; a line with nothing left has no pieces.
CleanLine cleanLine(const Line& line, int page, const std::vector<std::u32string>& watermarks,
                    bool geometry) {
  CleanLine out;
  out.page = page;
  out.bbox = line.bbox;
  out.tail_bbox = line.bbox;
  out.tail_page = page;
  out.blank_before = line.blank_before;
  out.table_row = line.table_row;
  out.markup_heading = line.markup_heading;
  out.font_size = line.font_size;
  out.bold = line.bold;
  out.align = line.align;
  bool any = false;
  for (const auto& piece : line.pieces) {
    std::vector<size_t> soft;
    Tracked t = normalizeTracked(piece.text, watermarks, &soft);
    if (t.text.empty() && !line.table_row) continue;
    if (!out.text.empty() || (line.table_row && any)) {
      out.text += line.table_row ? '\t' : ' ';
      if (geometry) out.char_boxes.push_back(std::nullopt);
    }
    any = true;
    size_t begin = out.text.size();
    for (size_t cp : soft) out.soft_breaks.push_back(begin + byteOffsetOfCodepoint(t.text, cp));
    out.text += utf8::encode(t.text);
    out.pieces.push_back({begin, out.text.size()});
    if (geometry) {
      for (int o : t.origin) {
        bool has = o >= 0 && static_cast<size_t>(o) < piece.char_boxes.size();
        std::optional<Box> box = has ? std::optional<Box>(piece.char_boxes[o]) : piece.bbox;
        out.char_boxes.push_back(box ? std::optional<CleanLine::Placed>({page, *box}) : std::nullopt);
      }
    }
  }
  bool allEmpty = true;
  for (const auto& r : out.pieces) allEmpty = allEmpty && r.end == r.begin;
  if (allEmpty) out.pieces.clear();
  return out;
}

// The left and right edges of the text column of pages of one size: where most lines start and
// end (the 10th percentile of left edges, the 90th of right edges, so centred and short lines
// do not count). Measured over every page of that size, since a notice keeps its margins and a
// page holding only a signature block says little about them.
std::map<long, std::pair<double, double>> textColumns(const PageText& doc) {
  std::map<long, std::pair<std::vector<double>, std::vector<double>>> edges;
  for (const auto& page : doc.pages) {
    auto& [lefts, rights] = edges[std::lround(page.width)];
    for (const auto& line : page.lines) {
      if (!line.bbox) continue;
      lefts.push_back(line.bbox->x0);
      rights.push_back(line.bbox->x1);
    }
  }
  std::map<long, std::pair<double, double>> columns;
  for (auto& [width, e] : edges) {
    auto& [lefts, rights] = e;
    if (lefts.empty()) continue;
    std::sort(lefts.begin(), lefts.end());
    std::sort(rights.begin(), rights.end());
    columns[width] = {lefts[lefts.size() / 10], rights[rights.size() * 9 / 10]};
  }
  return columns;
}

bool startsStructure(const std::string& text, const Grammar& g) {
  return RE2::PartialMatch(text, g.re("structure.line_start"));
}

bool startsNewElement(const std::string& text, const Grammar& g) {
  return RE2::PartialMatch(text, g.re("structure.new_element"));
}

// Appends `next` to `prev` with no separator (the two are one run of text).
void appendLine(CleanLine& prev, const CleanLine& next) {
  size_t shift = prev.text.size();
  if (prev.bbox && next.bbox && prev.page == next.page) {
    prev.bbox = unite(*prev.bbox, *next.bbox);
  }
  prev.tail_bbox = next.tail_bbox;
  prev.tail_page = next.tail_page;
  prev.text += next.text;
  if (!prev.pieces.empty() && !next.pieces.empty()) {
    prev.pieces.back().end = shift + next.pieces.front().end;
    for (size_t i = 1; i < next.pieces.size(); ++i) {
      prev.pieces.push_back({shift + next.pieces[i].begin, shift + next.pieces[i].end});
    }
  }
  for (size_t b : next.soft_breaks) prev.soft_breaks.push_back(shift + b);
  prev.char_boxes.insert(prev.char_boxes.end(), next.char_boxes.begin(), next.char_boxes.end());
}

// A line of items set apart by spaces, with no punctuation: a signature row
// "山西省教育厅 中共山西省委网信办", a row of names. It is not prose and joins nothing.
bool isSpacedList(const CleanLine& line) {
  std::u32string text = utf8::decode(line.text);
  for (char32_t c : text) {
    if (utf8::isCjkPunct(c) && c != U'（' && c != U'）') return false;
  }
  for (size_t b : line.soft_breaks) {
    std::string_view left = std::string_view(line.text).substr(0, b);
    std::string_view right = std::string_view(line.text).substr(b);
    std::u32string l = utf8::decode(left), r = utf8::decode(right);
    if (l.size() >= 2 && r.size() >= 2 && isHan(l[l.size() - 1]) && isHan(l[l.size() - 2]) && isHan(r[0]) &&
        isHan(r[1])) {
      return true;
    }
  }
  return false;
}

// With geometry: `prev` runs to the right edge of the text column and `next` starts at its left
// edge without the indent of a new paragraph (2 characters in GB/T 9704), in the same size (a
// title in 二号 does not wrap onto the 主送 line in 三号 under it).
// The width of the run of Latin letters, digits and address marks `line` starts with (an e-mail
// address, a URL, a number): a word processor does not break it, so it goes whole to the next
// line when it does not fit.
double leadingUnbreakableWidth(const CleanLine& line, double em) {
  size_t n = 0, i = 0;
  while (i < line.text.size()) {
    size_t at = i;
    char32_t c = utf8::next(line.text, i);
    if (!(isAsciiAlnum(c) || c == '@' || c == '.' || c == '_' || c == '-' || c == '%' || c == '+' || c == ':' ||
          c == '/')) {
      i = at;
      break;
    }
    ++n;
  }
  if (n == 0) return 0;
  if (line.char_boxes.size() >= n && line.char_boxes[0] && line.char_boxes[n - 1]) {
    return line.char_boxes[n - 1]->box.x1 - line.char_boxes[0]->box.x0;
  }
  return 0.5 * em * static_cast<double>(n);
}

bool wrapsOnto(const CleanLine& prev, const CleanLine& next) {
  if (prev.font_size > 0 && next.font_size > 0 && std::fabs(prev.font_size - next.font_size) > 1.0) return false;
  double em = prev.font_size > 0 ? prev.font_size : 16;
  double room = prev.column_right - prev.tail_bbox->x1;
  // Full: it reaches the right edge, or what starts the next line could not have fitted.
  bool full = prev.column_right > 0 && (room <= 2.0 * em || leadingUnbreakableWidth(next, em) > room - 0.5 * em);
  bool flush = next.column_left > 0 && next.bbox->x0 <= next.column_left + 0.8 * em;
  return full && flush;
}

// A paragraph line whose lead-in is set apart by a gap ("第一条   新出让的…", a bold label
// and its text): two pieces, the last holding most of the column and wrapping onto a next line
// flush left. A signature row or a 版记 line has items of like width, not one filling the column.
bool isProseWithLeadIn(const CleanLine& prev, const CleanLine& next) {
  if (prev.pieces.size() != 2 || !prev.bbox || !prev.tail_bbox || !next.bbox) return false;
  if (prev.column_right <= prev.column_left) return false;
  size_t at = utf8::codepointCount(prev.text.substr(0, prev.pieces[1].begin));
  if (at >= prev.char_boxes.size() || !prev.char_boxes[at]) return false;
  double width = prev.bbox->x1 - prev.char_boxes[at]->box.x0;
  return width >= 0.6 * (prev.column_right - prev.column_left) && wrapsOnto(prev, next);
}

// Whether `text` ends inside a 《…》 opened at most a long title's length before its end, and
// whether `text` goes on with that title: it closes one before it opens any, or it holds
// neither mark and no full stop (the title wraps on again).
bool leavesTitleOpen(const std::string& text) {
  size_t open = text.rfind("《");
  return open != std::string::npos && text.find("》", open) == std::string::npos &&
         utf8::codepointCount(text.substr(open)) <= 60;
}
bool goesOnWithTitle(const std::string& text) {
  size_t close = text.find("》"), open = text.find("《");
  if (close != std::string::npos) return close < open;
  return open == std::string::npos && text.find("。") == std::string::npos;
}

// A line holding only a value with no CJK in it: an e-mail address, a URL, a number.
bool isBareValue(const std::string& text) {
  if (text.empty() || !isAsciiAlnum(utf8::first(text))) return false;
  size_t i = 0;
  while (i < text.size()) {
    char32_t c = utf8::next(text, i);
    if (c == ' ' || isHan(c)) return false;
  }
  return true;
}

// A text export that puts no blank line between paragraphs writes each paragraph as one line
// (LibreOffice's "Text" export does): then a line that follows another without a blank line is
// no wrap. Converters that wrap lines separate paragraphs with blank lines.
bool writesParagraphPerLine(const PageText& pages) {
  size_t lines = 0, afterBlank = 0, long_ = 0;
  for (const auto& page : pages.pages) {
    for (const auto& line : page.lines) {
      ++lines;
      afterBlank += line.blank_before;
      std::string text;
      for (const auto& p : line.pieces) text += p.text;
      long_ += utf8::width(text) > 36;
    }
  }
  return lines >= 10 && afterBlank * 10 < lines && long_ > 0;
}

// Whether `next` continues the sentence that `prev` leaves open.
//  - within a paragraph (no break before next): prev is a full-width line (≥ 20 cells; a
//    masthead or signature line naming one body is shorter) that does not end a sentence;
//  - across a paragraph or page break: prev is a body line (≥ 24 cells, the width of a GB/T
//    9704 line less its indent, or it ends on ，、 where no sentence can end), not a heading,
//    ends inside a word, and next starts with text rather than a new element.
bool continues(const CleanLine& prev, const CleanLine& next, const Grammar& g, bool paragraphPerLine) {
  if (prev.table_row || next.table_row || prev.markup_heading || next.markup_heading) return false;
  if (prev.pieces.empty() || next.pieces.empty()) return false;
  // A row of items (signature, 版记) joins nothing, except an orphan of one or two characters
  // its last item wrapped onto the next line ("…2025年4月26日印" / "发").
  if (prev.pieces.size() > 1 && prev.bbox && next.bbox && next.pieces.size() == 1 &&
      utf8::codepointCount(next.text) <= 2 && isHan(utf8::first(next.text)) && wrapsOnto(prev, next)) {
    return true;
  }
  if ((prev.pieces.size() > 1 && !isProseWithLeadIn(prev, next)) || isSpacedList(prev) || isSpacedList(next)) return false;
  char32_t last = utf8::last(prev.text);
  char32_t first = utf8::first(next.text);
  // With geometry, a line that fills the column and a next one flush left (no paragraph
  // indent) are one paragraph whatever the last mark is ("…报送至邮箱：" / "x@y.com，…").
  bool sameBlock = !next.blank_before && prev.tail_page == next.page;
  bool pageBreak = prev.tail_page != next.page;
  // The 印发 line of the 版记 starts flush left under the 抄送 line: never its continuation.
  if (RE2::FullMatch(next.text, g.re("structure.printed"))) return false;
  // A label and its value wrapped apart because the value (an address, a number) could not be
  // broken: "邮箱：" / "liuxiaomei@enaed.edu.cn".
  if ((sameBlock || pageBreak) && (last == U'：' || last == ':') && isBareValue(next.text)) return true;
  // A document's name in 《》 is never broken over paragraphs: a line that leaves one open
  // goes on in the line that closes it, whatever the layout shows between them.
  if (leavesTitleOpen(prev.text) && goesOnWithTitle(next.text) && !startsNewElement(next.text, g)) return true;
  if ((sameBlock || pageBreak) && prev.tail_bbox && next.bbox) {
    return wrapsOnto(prev, next) && !startsNewElement(next.text, g);
  }
  // An export that writes each paragraph as one line (no blank lines between them) wrapped
  // nothing: only the label/value rule above applies.
  if (paragraphPerLine) return false;
  if (utf8::isTerminalPunct(last)) return false;
  double w = utf8::width(prev.text);
  if (endsLikeATitle(prev.text, g)) return false;  // a title ends with its 文种
  if (sameBlock) return w >= 20 && !startsNewElement(next.text, g);
  bool openClause = last == U'，' || last == U'、';
  if (!(isHan(last) || openClause)) return false;
  if (!(w >= 24 || openClause)) return false;
  if (startsStructure(next.text, g)) return false;
  // A heading or another structural line (附件：…) stands alone unless a sentence ends inside it.
  if (startsStructure(prev.text, g) && prev.text.find("。") == std::string::npos) return false;

  return isHan(first) || first == U'“' || first == U'《';
}

}  // namespace

std::string normalizeRun(const std::string& raw, const Grammar& grammar, std::vector<size_t>* softBreaks) {
  std::vector<size_t> cps;
  Tracked t = normalizeTracked(raw, watermarkWords(grammar), &cps);
  if (softBreaks) {
    softBreaks->clear();
    for (size_t cp : cps) softBreaks->push_back(byteOffsetOfCodepoint(t.text, cp));
  }
  return utf8::encode(t.text);
}

CleanDoc normalize(const PageText& pages, const Grammar& grammar) {
  CleanDoc doc;
  doc.format = pages.format;
  doc.has_geometry = pages.has_geometry;
  doc.ocr = pages.ocr;
  doc.encoding = pages.encoding;
  doc.damaged_bytes = pages.damaged_bytes;
  doc.page_count = static_cast<int>(pages.pages.size());
  doc.source_notes = pages.notes;
  auto watermarks = watermarkWords(grammar);
  bool pendingBreak = false;
  auto columns = textColumns(pages);
  const bool paragraphPerLine = !pages.has_geometry && writesParagraphPerLine(pages);
  for (const auto& page : pages.pages) {
    auto [columnLeft, columnRight] = columns[std::lround(page.width)];
    for (const auto& line : page.lines) {
      CleanLine clean = cleanLine(line, page.number, watermarks, pages.has_geometry);
      clean.column_left = columnLeft;
      clean.column_right = columnRight;
      if (clean.pieces.empty()) {
        pendingBreak = true;  // a line of watermark only: the break it sat between remains
        continue;
      }
      clean.blank_before = clean.blank_before || pendingBreak;
      pendingBreak = false;
      if (!doc.lines.empty() && continues(doc.lines.back(), clean, grammar, paragraphPerLine)) {
        appendLine(doc.lines.back(), clean);
      } else {
        doc.lines.push_back(std::move(clean));
      }
    }
  }
  return doc;
}

}  // namespace notice
