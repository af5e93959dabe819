// The article of a web page: the block its text is densest in, found Readability's way rather
// than by a site's class names (TRS_Editor, zoom, content … differ from platform to platform).
//
// Each line with at least a short sentence's worth of text that is not link text is a paragraph;
// it scores 1, plus one per clause mark (，。；、：), plus up to 3 for its length. The score goes
// to the element holding the paragraph and half of it to that element's parent (a paragraph's —
// a <p>, <li> …, or any block holding one line and no block — goes to its container and the
// container's parent instead). An element's total is weighed by
// the share of its text that is not link text, so a list of links (navigation, 相关链接) loses to
// prose. The article is the best element, with those of its siblings that score at least a fifth
// as well (a body split over two blocks), and the blocks right after it whose lines are all set
// right or centred without links (a signature and date set apart from the body).
#pragma once

#include <vector>

#include "extract/html_lines.h"

namespace notice {

struct Article {
  std::vector<size_t> lines;  // indices into the page's lines, in order
  bool found = false;         // false: no block reads as prose (the lines are then the whole page)
};

Article findArticle(const HtmlPage& page);

}  // namespace notice
