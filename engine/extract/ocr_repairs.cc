#include "extract/ocr_repairs.h"

#include <string_view>

#include <re2/re2.h>

#include "core/utf8.h"

namespace notice {

namespace {

// One rule applied everywhere in the text; boxes follow when there is one per code point.
void apply(const RE2& re, const std::string& rewrite, LinePiece& piece) {
  const std::string_view text = piece.text;
  const bool withBoxes = piece.char_boxes.size() == utf8::codepointCount(text);
  const int groups = re.NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> m(static_cast<size_t>(groups));
  std::string out;
  std::vector<Box> boxes;
  size_t pos = 0, cp = 0;  // byte offset and code point index of what is not copied yet
  bool changed = false;
  // Moves past text[pos, end) that stays as it is, with its boxes; the caller copies the text.
  auto copyTo = [&](size_t end) {
    while (pos < end) {
      utf8::next(text, pos);
      if (withBoxes) boxes.push_back(piece.char_boxes[cp]);
      ++cp;
    }
  };
  while (pos < text.size() && re.Match(text, pos, text.size(), RE2::UNANCHORED, m.data(), groups)) {
    size_t start = static_cast<size_t>(m[0].data() - text.data()), end = start + m[0].size();
    if (end == start) break;  // the rules match something; an empty match would never advance
    size_t from = pos;
    copyTo(start);
    out.append(text.substr(from, start - from));
    std::string replaced;
    re.Rewrite(&replaced, rewrite, m.data(), groups);
    size_t oldCp = cp;
    while (pos < end) {
      utf8::next(text, pos);
      ++cp;
    }
    size_t oldCount = cp - oldCp, newCount = utf8::codepointCount(replaced);
    for (size_t j = 0; withBoxes && j < newCount; ++j) boxes.push_back(piece.char_boxes[oldCp + j * oldCount / newCount]);
    out += replaced;
    changed = true;
  }
  if (!changed) return;
  size_t from = pos;
  copyTo(text.size());
  out.append(text.substr(from));
  piece.text = std::move(out);
  if (withBoxes) piece.char_boxes = std::move(boxes);
  else piece.char_boxes.clear();
}

}  // namespace

void repairOcr(LinePiece& piece, const Grammar& grammar) {
  const auto& rows = grammar.table("ocr_repairs");
  for (size_t r = 0; r < rows.size(); ++r) {
    auto re = grammar.tablePattern("ocr_repairs", r, 1);
    if (re) apply(*re, rows[r][2], piece);
  }
}

}  // namespace notice
