#include "extract/text_source.h"

#include <cstdio>
#include <optional>

#include <re2/re2.h>
#include <unicode/utf8.h>

#include "core/utf8.h"

namespace notice {
namespace {

bool isControl(UChar32 c) { return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f'; }

// Control characters other than tab, newline, carriage return and form feed: how many, and
// where the first is (a byte offset).
struct Controls {
  size_t count = 0;
  size_t first = 0;
};

// True when `s` is UTF-8; `controls` receives the control characters in it.
bool isUtf8(std::string_view s, Controls* controls) {
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  while (i < n) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
    if (isControl(c) && controls->count++ == 0) controls->first = static_cast<size_t>(at);
  }
  return true;
}

// A few control characters in UTF-8 text are damage, not binary: Word writes a vertical tab for a
// manual line break, and a stray NUL or ESC survives copying. Binary files have them on every
// few bytes.
bool fewControls(const Controls& c, size_t size) { return c.count * 200 <= size; }

// The text with its control characters made harmless, byte for byte so offsets hold: a vertical
// tab is the line break it stands for, anything else a space.
std::string withoutControls(std::string_view s) {
  std::string out(s);
  for (char& ch : out) {
    auto u = static_cast<unsigned char>(ch);
    if (u == '\v') ch = '\n';
    else if (isControl(u)) ch = ' ';
  }
  return out;
}

bool isValidUtf8Text(std::string_view s) {
  Controls controls;
  return isUtf8(s, &controls) && controls.count == 0;
}

// An export is a UTF-8 file or a GB18030 one: one that decodes as UTF-8 but for one sequence in
// four is UTF-8 with damage (a byte flipped or cut), repaired with a warning.
constexpr size_t kUtf8GoodPerBad = 4;

}  // namespace

std::vector<LinePiece> splitAtGaps(std::string_view line) {
  std::vector<LinePiece> pieces;
  std::string current;
  size_t i = 0;
  auto flush = [&] {
    size_t b = current.find_first_not_of(' ');
    if (b != std::string::npos) {
      size_t e = current.find_last_not_of(' ');
      pieces.push_back(LinePiece{current.substr(b, e - b + 1), std::nullopt, {}});
    }
    current.clear();
  };
  while (i < line.size()) {
    size_t j = i, spaces = 0;
    while (j < line.size()) {
      if (line[j] == ' ') { ++j; ++spaces; }
      else if (line.compare(j, 3, "\xE3\x80\x80") == 0) { j += 3; spaces += 2; }
      else break;
    }
    if (spaces >= 2) { flush(); i = j; continue; }
    if (spaces == 1) { current += ' '; i = j; continue; }
    current += line[i++];
  }
  flush();
  return pieces;
}

namespace {

// Splits a table row into its cells, keeping empty cells so columns stay aligned.
std::vector<LinePiece> splitCells(std::string_view row, char separator) {
  std::vector<LinePiece> cells;
  size_t start = 0;
  while (true) {
    size_t end = row.find(separator, start);
    std::string_view cell = row.substr(start, end == std::string_view::npos ? row.npos : end - start);
    size_t b = cell.find_first_not_of(' ');
    size_t e = cell.find_last_not_of(' ');
    cells.push_back(LinePiece{b == cell.npos ? "" : std::string(cell.substr(b, e - b + 1)), std::nullopt, {}});
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return cells;
}

// The markdown a converter writes, removed: heading marks (counted), list bullets, bold and
// italic marks, links and autolinks (their text kept), thematic breaks, table pipes.
struct Markup {
  static const RE2& heading() { static const RE2 re("^(#{1,6})\\s+"); return re; }
  static const RE2& bullet() { static const RE2 re("^[-*+]\\s+"); return re; }
  static const RE2& rule() { static const RE2 re("^\\s*(?:-{3,}|\\*{3,}|_{3,})\\s*$"); return re; }
  static const RE2& tableSeparator() { static const RE2 re("^\\|?[\\s:|-]*-{3,}[\\s:|-]*$"); return re; }
  static const RE2& link() { static const RE2 re("\\[([^\\]]*)\\]\\([^)\\s]*\\)"); return re; }
  static const RE2& autolink() { static const RE2 re("<((?:https?|mailto):[^>\\s]+)>"); return re; }
  // A backslash escaping punctuation ("1\\." so that it is not read as a list): the mark alone.
  static const RE2& escape() { static const RE2 re("\\\\([!-/:-@\\[-`{-~])"); return re; }
};

Line lineFromRaw(std::string_view raw, bool markdown) {
  Line line;
  std::string text(raw);
  if (markdown) {
    std::string marks;
    if (RE2::PartialMatch(text, Markup::heading(), &marks)) {
      RE2::Replace(&text, Markup::heading(), "");
      line.markup_heading = static_cast<int>(marks.size());
    }
    RE2::Replace(&text, Markup::bullet(), "");
    RE2::GlobalReplace(&text, Markup::link(), "\\1");
    RE2::GlobalReplace(&text, Markup::autolink(), "\\1");
    RE2::GlobalReplace(&text, Markup::escape(), "\\1");
    RE2::GlobalReplace(&text, "\\*\\*", "");
  }
  std::string_view t = text;
  while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
  if (markdown && !t.empty() && t.front() == '|') {
    t.remove_prefix(1);
    if (!t.empty() && t.back() == '|') t.remove_suffix(1);
    line.pieces = splitCells(t, '|');
    line.table_row = true;
  } else if (t.find('\t') != std::string_view::npos) {
    line.pieces = splitCells(t, '\t');
    line.table_row = true;
  } else {
    line.pieces = splitAtGaps(t);
  }
  bool allEmpty = true;
  for (const auto& p : line.pieces) allEmpty = allEmpty && p.text.empty();
  if (allEmpty) line.pieces.clear();
  return line;
}
// The text of bytes in GB18030 (a superset of GBK and GB2312), when they read as Chinese text:
// every byte sequence decodes, no control characters but line breaks and tabs, and Han
// characters make up a fair share of what is written. Random bytes fail these.
std::optional<std::string> decodeChineseCodePage(std::string_view bytes) {
  size_t undecodable = 0;
  std::string out = utf8::fromGb18030(bytes, &undecodable);
  if (undecodable > 0) return std::nullopt;
  size_t written = 0, han = 0, i = 0;
  while (i < out.size()) {
    char32_t c = utf8::next(out, i);
    if (isControl(static_cast<UChar32>(c))) return std::nullopt;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x3000) continue;
    ++written;
    han += utf8::isHan(c);
  }
  if (written == 0 || han * 5 < written) return std::nullopt;
  return out;
}

bool looksLikeMarkdown(std::string_view bytes) {
  static const RE2 marks("(?m)^(?:#{1,6} |\\|.*\\|\\s*$|[-*] )|\\*\\*[^*\\n]+\\*\\*");
  return RE2::PartialMatch(bytes, marks);
}

}  // namespace

Result<PageText> readTextExport(std::string_view input, const Grammar& grammar) {
  std::string_view bytes = input;
  size_t skipped = 0;  // a UTF-8 byte-order mark, not counted as text
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    bytes.remove_prefix(3);
    skipped = 3;
  }
  if (bytes.find_first_not_of(" \t\r\n\f") == std::string_view::npos) {
    return Error{ErrorCode::kEmptyInput, "the input is empty"};
  }
  // Windows exports of Chinese text often come in GBK/GB2312, which GB18030 contains.
  std::string decoded;
  std::string encoding = "UTF-8";
  size_t damaged = 0;
  if (!isValidUtf8Text(bytes)) {
    if (utf8::mostlyUtf8(bytes, kUtf8GoodPerBad)) {
      // A byte flipped or a character cut (a download stopped short): read the rest, mark the
      // damage with U+FFFD, and let the record warn of it.
      decoded = utf8::repaired(bytes, &damaged);
      bytes = decoded;
      skipped = 0;
    }
  }
  Controls controls;
  size_t controlsRemoved = 0;
  if (isUtf8(bytes, &controls) && controls.count > 0 && fewControls(controls, bytes.size())) {
    decoded = withoutControls(bytes);
    bytes = decoded;
    controlsRemoved = controls.count;
  }
  if (!isValidUtf8Text(bytes)) {
    auto gb = decodeChineseCodePage(bytes);
    if (!gb) {
      std::string where;
      if (controls.count > 0) {
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(bytes[controls.first]));
        where = " (" + std::to_string(controls.count) + " control bytes, the first " + byte + " at byte " +
                std::to_string(controls.first + skipped) + ")";
      }
      return Error{ErrorCode::kNotText,
                   "the input is neither a PDF nor text (UTF-8, or GBK/GB18030 Chinese): binary bytes or "
                   "another encoding" + where};
    }
    decoded = std::move(*gb);
    bytes = decoded;
    skipped = 0;  // offsets below are into the decoded text
    encoding = "GB18030";
  }
  PageText out;
  out.encoding = encoding;
  out.damaged_bytes = damaged;
  if (controlsRemoved > 0) {
    out.notes.push_back({"control_characters", std::to_string(controlsRemoved) +
                                                   " control character(s) in the text (the first at byte " +
                                                   std::to_string(controls.first + skipped) +
                                                   ") read as line breaks (vertical tab) or spaces"});
  }
  out.format = looksLikeMarkdown(bytes) ? SourceFormat::kMarkdown : SourceFormat::kText;
  const bool markdown = out.format == SourceFormat::kMarkdown;
  out.pages.push_back(Page{});
  const RE2& pageNumber = grammar.re("structure.page_number_line");
  bool blank = false;
  size_t pos = 0;
  while (pos <= bytes.size()) {
    size_t end = bytes.find('\n', pos);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view raw = bytes.substr(pos, end - pos);
    size_t rawOffset = pos;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    // A form feed is a page break.
    while (!raw.empty() && raw.front() == '\f') {
      raw.remove_prefix(1);
      ++rawOffset;
      Page next;
      next.number = static_cast<int>(out.pages.size()) + 1;
      out.pages.push_back(std::move(next));
      blank = true;
    }
    // A page number the converter kept ("- 2 -", "第2页"): the page broke here.
    if (RE2::FullMatch(raw, pageNumber)) {
      Page next;
      next.number = static_cast<int>(out.pages.size()) + 1;
      out.pages.back().furniture.push_back(std::string(utf8::trim(std::string(raw))));
      out.pages.push_back(std::move(next));
      blank = true;
      if (end == bytes.size()) break;
      pos = end + 1;
      continue;
    }
    bool isRule = markdown && (RE2::FullMatch(raw, Markup::rule()) ||
                               (raw.find('|') != raw.npos && RE2::FullMatch(raw, Markup::tableSeparator())));
    Line line = isRule ? Line{} : lineFromRaw(raw, markdown);
    if (line.pieces.empty()) {
      blank = true;
    } else {
      line.blank_before = blank;
      line.source_offset = rawOffset + skipped;
      line.source_length = raw.size();
      out.pages.back().lines.push_back(std::move(line));
      blank = false;
    }
    if (end == bytes.size()) break;
    pos = end + 1;
  }
  return out;
}

Result<PageText> readTextExport(std::string_view input, const SourceOptions&, const Grammar& grammar) {
  return readTextExport(input, grammar);
}

}  // namespace notice
