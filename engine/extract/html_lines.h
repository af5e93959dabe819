// A web page's DOM (libxml2) → lines, the way a browser would break them: each block element
// (grammars/html_blocks.txt: p, div, li, h1–h6, td …) and each <br> ends a line; inline
// elements (span, font, a, strong, MS Word's o:p …) run on. A data table's rows become table
// rows (cells as pieces, empty cells kept); a table used for layout is a column of blocks.
// White space collapses as HTML does, but NBSP and the ideographic space are kept (a signature
// is set right with them; two or more split a line into pieces); zero-width characters are
// dropped. An empty paragraph or a <br> on a line of its own sets blank_before on the next line,
// as a blank line does in a text export. align="…" and style="text-align:…" give a line its alignment. Elements that are never
// text (grammars/html_skipped.txt: script, style, form controls …) are skipped; hidden ones
// (display:none) give lines marked hidden, which are never the article.
//
// Each line remembers the element that holds it, so that the article can be told by where
// the text is dense (extract/html_article), and how much of it is link text.
#pragma once

#include <string>
#include <vector>

#include <libxml/tree.h>

#include "extract/page_text.h"
#include "grammar/grammar.h"

namespace notice {

struct HtmlLine {
  Line line;
  xmlNode* block = nullptr;  // the innermost block element holding the line (a row: its <tr>)
  size_t chars = 0;          // characters other than white space
  size_t link_chars = 0;     // of those, inside <a href>
  int heading = 0;           // 1–6 inside <h1>–<h6>, else 0
  bool hidden = false;       // inside an element hidden by display:none or `hidden` (a page's
                             // scripts may show it: its metadata and links are read, never its text)
  std::string text() const;  // the pieces joined by one space
};

struct HtmlLink {
  std::string text;  // what the link shows, white space collapsed
  std::string href;  // as written
  std::string title; // its title attribute
  size_t line = 0;   // the line it stands on (index into HtmlPage::lines)
  bool hidden = false;
};

struct HtmlPage {
  std::vector<HtmlLine> lines;
  std::vector<HtmlLink> links;
  // <meta name="…" content="…"> of the head, in order.
  std::vector<std::pair<std::string, std::string>> metas;
};

HtmlPage pageLines(xmlDoc* doc, const Grammar& grammar);

}  // namespace notice
