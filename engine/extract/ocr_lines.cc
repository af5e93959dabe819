#include "extract/ocr_lines.h"

#include <algorithm>
#include <cmath>

#include <re2/re2.h>

#include "core/utf8.h"
#include "extract/ocr_repairs.h"

namespace notice {
namespace {

// A Han glyph's ink is about nine tenths of its em.
constexpr double kInkPerEm = 0.9;

double centreY(const Box& b) { return (b.y0 + b.y1) / 2; }

// The em of a line from its Han characters: their ink height (nine tenths of an em, flat
// glyphs left out), or the
// median distance between neighbours' centres (a Han character is set one em wide) where that
// is less: a watermark or a seal over the glyphs swells their ink boxes and not their spacing,
// letter-spacing widens the spacing and not the ink. Else the line's height.
double emOf(const std::vector<ocr::Word>& words, const Box& line) {
  std::vector<double> advances, heights;
  const Box* prev = nullptr;
  for (const auto& w : words) {
    size_t i = 0, k = 0;
    while (i < w.text.size() && k < w.chars.size()) {
      char32_t c = utf8::next(w.text, i);
      const Box& b = w.chars[k++];
      if (!utf8::isHan(c)) {
        prev = nullptr;
        continue;
      }
      // Flat glyphs (一, 二) say nothing of the height.
      if (b.y1 - b.y0 >= 0.5 * (b.x1 - b.x0)) heights.push_back(b.y1 - b.y0);
      if (prev) advances.push_back((b.x0 + b.x1) / 2 - (prev->x0 + prev->x1) / 2);
      prev = &b;
    }
  }
  auto median = [](std::vector<double>& v) {
    std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
    return v[v.size() / 2];
  };
  if (heights.empty()) return (line.y1 - line.y0) / kInkPerEm;
  double ink = median(heights) / kInkPerEm;
  // Neighbours in one run of text are about an em apart; a gap (a spaced title) is not.
  std::erase_if(advances, [&](double a) { return a <= 0.5 * ink || a > 1.6 * ink; });
  return advances.size() >= 2 ? std::min(median(advances), ink) : ink;
}

bool latin(char32_t c) { return utf8::isAsciiAlnum(c); }

bool endsInOpenPunct(const std::string& word) {
  static constexpr std::u32string_view kMarks = U"：，。、；:,;";
  return !word.empty() && kMarks.find(utf8::last(word)) != std::u32string_view::npos;
}

Line buildLine(std::vector<ocr::Word> words, const Grammar& grammar) {
  std::sort(words.begin(), words.end(), [](const ocr::Word& a, const ocr::Word& b) { return a.box.x0 < b.box.x0; });
  Line line;
  Box all = words.front().box;
  for (const auto& w : words) all = unite(all, w.box);
  const double em = emOf(words, all);
  line.font_size = em;
  line.bbox = all;
  for (size_t i = 0; i < words.size(); ++i) {
    const ocr::Word& w = words[i];
    double gap = i == 0 ? 0 : w.box.x0 - words[i - 1].box.x1;
    // A full-width mark (：，。、) inks the left of its em and leaves the rest blank, as does a
    // colon or comma set in Han text: the blank after it is no gap between cells.
    if (i > 0 && endsInOpenPunct(words[i - 1].text)) gap -= 0.6 * em;
    if (i == 0 || gap > 1.0 * em) {
      line.pieces.push_back(LinePiece{"", w.box, {}});
    } else {
      LinePiece& p = line.pieces.back();
      // Tesseract breaks words between Han characters where nobody wrote a space, and the gap
      // between two Han glyphs' ink says little (一 or 上 are narrow): no space between Han; a
      // space between Latin words, and between Han and Latin only for a gap a reader sees.
      char32_t before = utf8::last(p.text), after = utf8::first(w.text);
      bool latinPair = latin(before) && latin(after);
      bool cjkPair = utf8::isCjk(before) && utf8::isCjk(after);
      if (!cjkPair && (latinPair ? gap > 0.15 * em : gap > 0.8 * em)) {
        p.text += ' ';
        p.char_boxes.push_back(Box{words[i - 1].box.x1, w.box.y0, w.box.x0, w.box.y1});
      }
      p.bbox = unite(*p.bbox, w.box);
    }
    LinePiece& p = line.pieces.back();
    p.text += w.text;
    p.char_boxes.insert(p.char_boxes.end(), w.chars.begin(), w.chars.end());
  }
  // A line spread one character per gap (分散对齐: 北  京  市  商  务  局) is one run of text, as
  // the PDF source reads it.
  if (line.pieces.size() >= 3) {
    size_t single = 0;
    for (const auto& p : line.pieces) single += utf8::codepointCount(p.text) == 1;
    if (single * 2 > line.pieces.size()) {
      LinePiece merged = line.pieces.front();
      for (size_t i = 1; i < line.pieces.size(); ++i) {
        const LinePiece& p = line.pieces[i];
        merged.text += ' ';
        merged.char_boxes.push_back(Box{merged.bbox->x1, p.bbox->y0, p.bbox->x0, p.bbox->y1});
        merged.text += p.text;
        merged.char_boxes.insert(merged.char_boxes.end(), p.char_boxes.begin(), p.char_boxes.end());
        merged.bbox = unite(*merged.bbox, *p.bbox);
      }
      line.pieces = {std::move(merged)};
    }
  }
  for (auto& p : line.pieces) repairOcr(p, grammar);
  std::erase_if(line.pieces, [&](const LinePiece& p) { return RE2::FullMatch(p.text, grammar.re("ocr.rule_line")); });
  if (!line.pieces.empty()) {
    line.bbox = line.pieces.front().bbox;
    for (const auto& p : line.pieces) line.bbox = unite(*line.bbox, *p.bbox);
  }
  return line;
}

}  // namespace

std::vector<Line> linesFromOcr(const ocr::PageResult& page, const Grammar& grammar) {
  // Words from every OCR line, regrouped: lines whose vertical centres agree are one line.
  std::vector<ocr::Line> sorted = page.lines;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const ocr::Line& a, const ocr::Line& b) { return centreY(a.box) < centreY(b.box); });
  std::vector<std::vector<ocr::Word>> groups;
  std::vector<Box> groupBoxes;
  for (const auto& l : sorted) {
    double h = l.box.y1 - l.box.y0;
    if (!groups.empty()) {
      const Box& ref = groupBoxes.back();
      if (std::fabs(centreY(ref) - centreY(l.box)) < 0.5 * std::min(h, ref.y1 - ref.y0)) {
        groups.back().insert(groups.back().end(), l.words.begin(), l.words.end());
        continue;
      }
    }
    groups.push_back(l.words);
    groupBoxes.push_back(l.box);
  }
  std::vector<Line> out;
  for (auto& words : groups) {
    std::erase_if(words, [](const ocr::Word& w) { return utf8::trim(w.text).empty(); });
    if (words.empty()) continue;
    Line line = buildLine(std::move(words), grammar);
    if (!line.pieces.empty()) out.push_back(std::move(line));
  }
  // OCR's glyph boxes make the size of lines set in one size differ by a few per cent, where
  // the segmenter tells a title from body text by size: neighbouring lines within a tenth of
  // each other are taken as one size, their median.
  for (size_t i = 0; i < out.size();) {
    size_t j = i + 1;
    while (j < out.size() && std::fabs(out[j].font_size - out[j - 1].font_size) <= 0.1 * std::max(out[j].font_size, out[j - 1].font_size)) ++j;
    std::vector<double> sizes;
    for (size_t k = i; k < j; ++k) sizes.push_back(out[k].font_size);
    std::nth_element(sizes.begin(), sizes.begin() + sizes.size() / 2, sizes.end());
    for (size_t k = i; k < j; ++k) out[k].font_size = sizes[sizes.size() / 2];
    i = j;
  }
  return out;
}

}  // namespace notice
