// The activities a notice organises: their names (from the title), their themes (活动主题)
// and when they run (event_periods).
#pragma once

#include <string>
#include <vector>

#include "fields/dates.h"
#include "fields/found.h"

namespace notice {

// Activity names as the title names them, without place and year ("职业教育活动周").
std::vector<std::string> eventsOfTitle(const std::string& title, const Grammar& g);

std::vector<Found> readThemes(const NoticeView& v, const std::vector<std::string>& events);

struct Period {
  std::string event;
  Date start, end;
};
std::vector<Found> readEventPeriods(const NoticeView& v, const std::vector<std::string>& events, int year,
                                    std::vector<Period>* periods);

}  // namespace notice
