// Normalisation: PageText → CleanDoc, the text every later stage reads.
//
// Per line: NFC; full-width digits and Latin letters folded to ASCII (and ＠．－ between them);
// watermark words that trial converters stamp on pages removed where they stand alone; the
// spaces a converter or a justified layout puts between CJK characters (or between CJK and a
// digit/Latin letter) removed, except the one space of a two-phrase slogan
// ("庆建党百年华诞 谱终身学习新篇"). Each removed space is remembered as a soft break, because a
// signature line "山西省教育厅 中共山西省委网信办" uses one space to separate bodies.
// Across lines: a sentence split by a page break, or a long line wrapped by the converter, is
// joined again (see joinContinuations in normalizer.cc for the rule).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "extract/page_text.h"
#include "grammar/grammar.h"

namespace notice {

struct CleanLine {
  std::string text;                // pieces joined by one space (a tab for table rows)
  struct Range { size_t begin, end; };
  std::vector<Range> pieces;       // byte ranges of the pieces in text
  std::vector<size_t> soft_breaks; // byte offsets in text where a space was removed
  // Per code point of text (PDF), else empty: where it is printed. A line joined across a page
  // break holds characters of two pages.
  struct Placed { int page; Box box; };
  std::vector<std::optional<Placed>> char_boxes;
  int page = 1;
  std::optional<Box> bbox;
  // The last physical line this one was joined from (its box and page): where a wrap is judged.
  std::optional<Box> tail_bbox;
  int tail_page = 1;
  bool blank_before = false;
  bool table_row = false;
  int markup_heading = 0;
  double font_size = 0;
  bool bold = false;
  Align align = Align::kUnknown;
  double column_left = 0, column_right = 0;  // the page's text column (PDF), 0 when unknown

  std::string piece(size_t i) const { return text.substr(pieces[i].begin, pieces[i].end - pieces[i].begin); }
};

struct CleanDoc {
  SourceFormat format = SourceFormat::kText;
  bool has_geometry = false;
  bool ocr = false;
  std::string encoding = "UTF-8";
  size_t damaged_bytes = 0;
  int page_count = 0;
  std::vector<std::pair<std::string, std::string>> source_notes;  // PageText::notes
  SourceMetadata metadata;                           // PageText::metadata, as the source gave it
  std::vector<SourceAttachment> linked_attachments;  // PageText::attachments
  std::vector<CleanLine> lines;
};

CleanDoc normalize(const PageText& pages, const Grammar& grammar);

// The piece-level rules, exposed for tests: returns the normalised text of one run and the
// offsets (in the result) where spaces were removed.
std::string normalizeRun(const std::string& raw, const Grammar& grammar, std::vector<size_t>* soft_breaks = nullptr);

}  // namespace notice
