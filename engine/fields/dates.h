// Dates in the text: absolute (2026年5月9日, 5月11日, 二〇二一年五月六日), ranges (5月11日—17日,
// 2024年5月12日至18日, 5月31日—6月6日), months (11月, 10月底, 12月上旬). A date without a year
// takes the notice's year; a range's end takes the month of its start unless it names one.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "grammar/grammar.h"

namespace notice {

struct DateMention {
  size_t begin = 0, end = 0;  // byte range in the text searched
  Date start;
  std::optional<Date> finish;  // a range's end
  bool month_only = false;
  bool year_written = false;
  std::string part;            // 底, 上旬, 中旬, 下旬 … when the date is a part of a month
};

// Every date in `text`, in order, not overlapping. `year` fills in dates written without one
// (0: leave them without a year, which makes them invalid).
std::vector<DateMention> findDates(const std::string& text, int year, const Grammar& grammar);

// The date of a line that is a date and nothing else (成文日期), Arabic or Chinese numerals.
std::optional<Date> parseDateLine(const std::string& text, const Grammar& grammar);

}  // namespace notice
