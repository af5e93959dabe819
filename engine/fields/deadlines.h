// Duties with a due date (deadlines): "各市5月20日前报送活动周工作总结", "活动周结束后一周内，
// 填报《…》", and a relative due time bounded by an absolute limit in the same sentence
// ("…结束后一周内将…发送至邮箱，最晚发送时间不迟于2026年12月1日": the limit is the date).
#pragma once

#include <vector>

#include "fields/events.h"
#include "fields/found.h"

namespace notice {

std::vector<Found> readDeadlines(const NoticeView& v, int year, const std::vector<Period>& periods,
                                 std::vector<Warning>* warnings);

}  // namespace notice
