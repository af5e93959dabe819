#include "core/calendar.h"

#include <algorithm>
#include <cstdio>

namespace notice {

int daysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

bool Date::valid() const {
  if (year < 1900 || year > 2200 || month < 1 || month > 12) return false;
  return day == 0 || (day >= 1 && day <= daysInMonth(year, month));
}

std::string Date::iso() const {
  char buf[16];
  if (day == 0) std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  else std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

// Days from 1970-01-01 (civil calendar; H. Hinnant's algorithm).
int Date::daysSinceEpoch() const {
  int y = year - (month <= 2);
  int era = (y >= 0 ? y : y - 399) / 400;
  int yoe = y - era * 400;
  int m = month, d = day == 0 ? 1 : day;
  int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date Date::plusDays(int days) const {
  int z = daysSinceEpoch() + days + 719468;
  int era = (z >= 0 ? z : z - 146096) / 146097;
  int doe = z - era * 146097;
  int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int y = yoe + era * 400;
  int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int mp = (5 * doy + 2) / 153;
  int d = doy - (153 * mp + 2) / 5 + 1;
  int m = mp + (mp < 10 ? 3 : -9);
  return Date{y + (m <= 2), m, d};
}

Date Date::plusWorkingDays(int days) const {
  Date d = *this;
  while (days > 0) {
    d = d.plusDays(1);
    int weekday = ((d.daysSinceEpoch() % 7) + 7 + 3) % 7;  // 0 = Monday (1970-01-01 was a Thursday)
    if (weekday < 5) --days;
  }
  return d;
}

Date Date::plusMonths(int months) const {
  int index = year * 12 + (month - 1) + months;
  Date d{index / 12, index % 12 + 1, day};
  if (d.day > 0) d.day = std::min(d.day, daysInMonth(d.year, d.month));
  return d;
}

std::optional<Date> dateFromIso(std::string_view text) {
  auto number = [&](size_t at, size_t width) -> std::optional<int> {
    int n = 0;
    for (size_t i = at; i < at + width; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      n = n * 10 + (text[i] - '0');
    }
    return n;
  };
  if ((text.size() != 7 && text.size() != 10) || text[4] != '-' || (text.size() == 10 && text[7] != '-')) {
    return std::nullopt;
  }
  const auto year = number(0, 4), month = number(5, 2), day = text.size() == 10 ? number(8, 2) : 0;
  if (!year || !month || !day || *month < 1 || *month > 12) return std::nullopt;
  if (text.size() == 10 && (*day < 1 || *day > daysInMonth(*year, *month))) return std::nullopt;
  return Date{*year, *month, *day};
}

}  // namespace notice
