// Documents a notice points to: its attachments (附件说明) and the documents it cites (《…》
// with the 发文字号 that follows in brackets).
#pragma once

#include <vector>

#include "fields/found.h"

namespace notice {

std::vector<Found> readAttachments(const NoticeView& v);
std::vector<Found> readReferences(const NoticeView& v);

}  // namespace notice
