// The web-page source: a saved HTML page (.html, .htm) → PageText, with libxml2's HTML parser.
//
//   bytes → UTF-8 (extract/charset: BOM, the page's declaration checked by ICU's detector)
//         → a DOM (htmlReadMemory: no network, no external entities, errors recovered)
//         → lines (extract/html_lines: p, br, div, li, h1–h6, td … each ends a line; a data
//           table's rows as table rows; align / text-align kept; scripts, styles, forms' controls
//           and hidden elements never read)
//         → the article: the block the page's text is densest in (extract/html_article)
//         → PageText: the site's headline above the article (the layout stage keeps it as the
//           title only when the article does not repeat it), the article's lines, the page's
//           metadata (<meta name="ArticleTitle|PubDate|ContentSource">, the 信息公开 block's
//           label/value rows) and the files it links to (attachments).
#pragma once

#include <string_view>

#include "core/status.h"
#include "extract/page_text.h"
#include "extract/source.h"
#include "grammar/grammar.h"

namespace notice {

// A page far larger than any notice (its images inlined as data: URLs, a whole site's archive)
// is refused; a saved notice is tens to a few hundred KiB.
inline constexpr size_t kMaxHtmlBytes = size_t{16} << 20;

// True when the bytes open like a web page: after a byte-order mark, white space, comments and
// an XML declaration, a doctype or one of the tags a page starts with (<html, <head, <meta,
// <body, <div, <p, <title …). A text with a stray "<" further in is no web page.
bool looksLikeHtml(std::string_view bytes);

// Errors: kEmptyInput (no text at all), kUnsupportedFormat (an encoding no Chinese site uses),
// kCorrupt (libxml2 gives no document). A page whose article cannot be found gives the page's
// whole text with the note "no_article".
Result<PageText> readHtml(std::string_view bytes, const SourceOptions& options, const Grammar& grammar);

}  // namespace notice
