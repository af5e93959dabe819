// Lines in reading order from positioned runs of glyphs, for sources that place their text on a
// page (OFD; the PDF source applies the same rules to poppler's boxes in its own copy):
//  - runs whose vertical centres agree form a line, sorted left to right; a gap of more than an
//    em splits the line into pieces (signature rows, table cells), a smaller one is a space;
//  - page numbers and lines repeated at one height on several pages go to Page::furniture;
//  - alignment is read against the page's text column and paragraph breaks from vertical gaps
//    beyond the page's line pitch.
#pragma once

#include <string>
#include <vector>

#include "extract/page_text.h"
#include "grammar/grammar.h"

namespace notice {

struct GlyphRun {
  std::string text;        // UTF-8
  Box box;                 // points, origin top left
  std::vector<Box> chars;  // one per code point of text
  double size = 0;         // the em, in points
  std::string family;      // a family word (Song, Fangsong, Kai, Hei, Serif, Sans) or ""
  bool bold = false;
};

// Lines from one page's runs, top to bottom.
std::vector<Line> assembleLines(std::vector<GlyphRun> runs);

// Page numbers in the top or bottom band of a page, and lines repeated there at one height on
// three pages or more, moved to Page::furniture.
void setFurnitureApart(PageText& doc, const Grammar& grammar);

// Line::align and Line::blank_before from the lines' boxes and sizes.
void setLayoutEvidence(Page& page, bool firstPage);

// A family word from a font's name, Latin (FangSong_GB2312, SimSun, NotoSerifCJK) or Chinese
// (仿宋, 小标宋体, 楷体_GB2312, 黑体); "" when the name says none.
std::string fontFamily(const std::string& fontName);

}  // namespace notice
