#include "extract/text_source.h"

#include <unicode/utf8.h>

namespace notice {
namespace {

bool isValidUtf8Text(std::string_view s) {
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
    // Control characters other than tab, newline, carriage return and form feed mean binary.
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') return false;
  }
  return true;
}

// Splits a line at runs of two or more spaces (ASCII or ideographic) or at tabs.
std::vector<LinePiece> splitPieces(std::string_view line) {
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
    if (line[i] == '\t') { flush(); ++i; continue; }
    // Count a run of spaces (U+0020 or U+3000, which is E3 80 80 in UTF-8).
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

}  // namespace

Result<PageText> readTextExport(std::string_view bytes) {
  size_t skipped = 0;  // a UTF-8 byte-order mark, not counted as text
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    bytes.remove_prefix(3);
    skipped = 3;
  }
  if (bytes.find_first_not_of(" \t\r\n\f") == std::string_view::npos) {
    return Error{ErrorCode::kEmptyInput, "the input is empty"};
  }
  if (!isValidUtf8Text(bytes)) {
    return Error{ErrorCode::kNotText,
                 "the input is neither a PDF nor UTF-8 text (binary bytes or another encoding)"};
  }
  PageText out;
  out.format = SourceFormat::kText;
  out.pages.push_back(Page{});
  bool blank = false;
  size_t pos = 0;
  while (pos <= bytes.size()) {
    size_t end = bytes.find('\n', pos);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view raw = bytes.substr(pos, end - pos);
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    // A form feed is a page break.
    while (!raw.empty() && raw.front() == '\f') {
      raw.remove_prefix(1);
      Page next;
      next.number = static_cast<int>(out.pages.size()) + 1;
      out.pages.push_back(std::move(next));
      blank = true;
    }
    auto pieces = splitPieces(raw);
    if (pieces.empty()) {
      blank = true;
    } else {
      Line line;
      line.pieces = std::move(pieces);
      line.blank_before = blank;
      line.source_offset = pos + skipped;
      line.source_length = raw.size();
      out.pages.back().lines.push_back(std::move(line));
      blank = false;
    }
    if (end == bytes.size()) break;
    pos = end + 1;
  }
  // Markdown marks tell the format apart; the later stages treat both alike.
  for (const auto& line : out.pages.front().lines) {
    const auto& t = line.pieces.front().text;
    if (t.rfind("#", 0) == 0 || t.rfind("|", 0) == 0 || t.find("**") != std::string::npos) {
      out.format = SourceFormat::kMarkdown;
      break;
    }
  }
  return out;
}

}  // namespace notice
