// Web copies whose line breaks were lost: a whole notice pasted as one line, its paragraphs
// (and the title's own wrap) left as single spaces ("…的通知 各市教育局: 为贯彻…。 本专题…").
// Such a line is cut again at those spaces, so that the title, 主送, paragraphs, 附件说明 and
// 成文日期 stand on lines of their own as the document set them. Likewise a masthead and the
// 发文字号 under it pasted onto one line ("江苏省教育厅办公室文件 苏教办职[2011]3号").
#pragma once

#include "extract/page_text.h"
#include "grammar/grammar.h"

namespace notice {

void splitFlattenedLines(PageText& pages, const Grammar& grammar);

}  // namespace notice
