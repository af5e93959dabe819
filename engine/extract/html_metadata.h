// What a web page says about the notice it carries, beside the notice's own text: the site's
// <meta name="ArticleTitle|PubDate|ContentSource"> tags and its 信息公开 block (索引号, 发文字号,
// 成文日期, 发布机构, 标题 as label | value cells or "label：value" items, grammars/html.re2), and
// the files the page links to around the article (attachments).
#pragma once

#include <set>
#include <string>
#include <vector>

#include "extract/html_article.h"
#include "extract/html_lines.h"
#include "extract/page_text.h"
#include "grammar/grammar.h"

namespace notice {

// The meta tags first, then the labelled items on the lines outside the article, then those on
// the article's lines (a block set inside it); the first value found for a key stays. Values as the page writes them. `labelled` (optional) gets the lines
// that hold labelled items.
SourceMetadata readPageMetadata(const HtmlPage& page, const Article& article, const Grammar& grammar,
                                std::set<size_t>* labelled = nullptr);

// The links to files (grammars/html.re2 attachment_file) on the article's lines and on the lines
// after it, up to the page's next furniture (相关链接, 上一篇 …: grammars/chrome.re2): each named by
// its text without a "附件N：" label and without the file's extension. A link that names the
// notice itself (its text holds one of `titles` — the page's ArticleTitle, its headline — or ends
// one) or only a format ("公报PDF", "下载") is the notice's own copy, not an attachment.
std::vector<SourceAttachment> linkedAttachments(const HtmlPage& page, const Article& article,
                                                const std::vector<std::string>& titles, const Grammar& grammar);

}  // namespace notice
