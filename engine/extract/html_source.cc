#include "extract/html_source.h"

#include <memory>
#include <set>

#include <libxml/HTMLparser.h>
#include <re2/re2.h>

#include "core/utf8.h"
#include "extract/charset.h"
#include "extract/html_article.h"
#include "extract/html_lines.h"
#include "extract/html_metadata.h"
#include "grammar/doc_types.h"

namespace notice {
namespace {

// How far above the article the site's headline may stand (lines), and how long it may be.
constexpr size_t kHeadlineLinesAbove = 40;
constexpr size_t kMaxHeadlineChars = 120;
// How far into the article its own title may stand (lines: a masthead and 发文字号 above it).
constexpr size_t kTitleLinesInArticle = 12;

// The site's headline: the nearest line above the article that reads as a title (ends in a 文种),
// other than an item of the 信息公开 block ("标题：…", whose value is in the metadata).
std::optional<size_t> headlineAbove(const HtmlPage& page, size_t first, const std::set<size_t>& labelled,
                                    const Grammar& g) {
  for (size_t k = 0; k < kHeadlineLinesAbove && k < first; ++k) {
    const HtmlLine& line = page.lines[first - 1 - k];
    if (line.hidden || line.line.table_row || line.link_chars * 2 > line.chars || labelled.count(first - 1 - k)) continue;
    std::string text = utf8::trim(line.text());
    if (utf8::codepointCount(text) <= kMaxHeadlineChars && endsAsTitle(text, g)) return first - 1 - k;
  }
  return std::nullopt;
}

// Whether the article opens with a title of its own: a line ending as a title before its first
// sentence or its 主送 (a line with 。 or ending in ：), other than an 附件 line.
bool opensWithTitle(const HtmlPage& page, const Article& article, const Grammar& g) {
  for (size_t k = 0; k < article.lines.size() && k < kTitleLinesInArticle; ++k) {
    const HtmlLine& line = page.lines[article.lines[k]];
    if (line.line.table_row) continue;
    std::string text = utf8::trim(line.text());
    char32_t last = utf8::last(text);
    if (text.find("。") != std::string::npos || last == U'：' || last == ':') return false;
    if (endsAsTitle(text, g) && !RE2::FullMatch(text, g.re("structure.attachment_note"))) return true;
  }
  return false;
}

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

}  // namespace

Result<PageText> readHtml(std::string_view bytes, const SourceOptions&, const Grammar& grammar) {
  auto decoded = decodeWebPage(bytes);
  if (!decoded.ok()) return decoded.error();
  const DecodedPage& page = decoded.value();
  // No network, no DTD loaded, no entity but the HTML ones (no external entities, no entity
  // expansion beyond them), errors recovered and kept quiet, the page's own charset ignored
  // (the text is UTF-8 already).
  const int options = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER |
                      HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT;
  std::unique_ptr<xmlDoc, DocFree> doc(
      htmlReadMemory(page.text.data(), static_cast<int>(page.text.size()), nullptr, "UTF-8", options));
  if (!doc) return Error{ErrorCode::kCorrupt, "libxml2 could not read this web page"};
  HtmlPage html = pageLines(doc.get(), grammar);
  if (html.lines.empty()) return Error{ErrorCode::kEmptyInput, "the web page has no text"};
  Article article = findArticle(html);

  PageText out;
  out.format = SourceFormat::kHtml;
  out.encoding = page.encoding;
  out.damaged_bytes = page.damaged;
  std::set<size_t> labelled;
  out.metadata = readPageMetadata(html, article, grammar, &labelled);
  Page p;
  // The site's headline stands in for the title only where the article shows none: a headline
  // that differs from the document's own title is the site's (corpus/real/README.md).
  std::optional<size_t> headline;
  if (article.found) headline = headlineAbove(html, article.lines.front(), labelled, grammar);
  if (headline && !opensWithTitle(html, article, grammar)) {
    p.lines.push_back(html.lines[*headline].line);
  } else if (!article.found) {
    out.notes.emplace_back("no_article", "no block of the web page reads as an article: its whole text was read");
  }
  for (size_t i : article.lines) p.lines.push_back(html.lines[i].line);
  out.pages.push_back(std::move(p));
  std::vector<std::string> titles = {out.metadata.title};
  if (headline) titles.push_back(html.lines[*headline].text());
  out.attachments = linkedAttachments(html, article, titles, grammar);
  if (page.declared_wrong) {
    out.notes.emplace_back("charset_mismatch", "the page says it is in " + page.declared + " but its bytes are " +
                                                   page.encoding + ": read as " + page.encoding);
  }
  return out;
}

}  // namespace notice
