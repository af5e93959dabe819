// Page chrome: what a web site prints around a notice (its headline bar, publication metadata
// such as 发布时间/来源/浏览次数, buttons such as 打印/关闭, navigation, related links, footers),
// by the rules in grammars/chrome.re2. A line that is nothing but chrome moves to its page's
// furniture, a headline loses the site's tag before it ([已废止], 【专题名】), and a headline that
// carries the site's name or repeats the document's own title gives way to the title. Runs on every source's PageText before normalisation, so that no
// later stage can read chrome as a title, 主送, contact or date.
#pragma once

#include "extract/page_text.h"
#include "grammar/grammar.h"

namespace notice {

void setChromeApart(PageText& pages, const Grammar& grammar);

}  // namespace notice
