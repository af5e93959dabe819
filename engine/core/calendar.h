// Civil dates: a day, or a month alone, with the arithmetic that deadlines and comparisons need,
// and the ISO form records write them in.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace notice {

struct Date {
  int year = 0, month = 0, day = 0;  // day 0: the month alone
  std::string iso() const;           // YYYY-MM-DD or YYYY-MM
  bool valid() const;                // a date a notice would name: 1900–2200, the day in its month
  Date plusDays(int days) const;
  // Monday to Friday only; the public holidays of a year are not known here.
  Date plusWorkingDays(int days) const;
  Date plusMonths(int months) const;  // the same day, or the month's last when it has fewer
  int daysSinceEpoch() const;        // for shifts between dates (a month alone: its first day)
};

// Last day of a month.
int daysInMonth(int year, int month);

// The date `text` writes as iso() does (YYYY-MM-DD or YYYY-MM, any four-digit year, the day in
// its month); nothing for any other text.
std::optional<Date> dateFromIso(std::string_view text);

}  // namespace notice
