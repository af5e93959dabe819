// Dates as records write them, read back: the form Date::iso() gives, nothing else.
#include "core/calendar.h"

#include <gtest/gtest.h>

namespace notice {
namespace {

TEST(Calendar, ReadsTheIsoFormRecordsWrite) {
  for (const Date d : {Date{2026, 5, 9}, Date{2024, 2, 29}, Date{2026, 11, 0}, Date{0, 1, 1}, Date{9999, 12, 31}}) {
    auto back = dateFromIso(d.iso());
    ASSERT_TRUE(back) << d.iso();
    EXPECT_EQ(back->iso(), d.iso());
    EXPECT_EQ(back->daysSinceEpoch(), d.daysSinceEpoch());
  }
  for (const char* bad : {"2023-02-29", "2026-04-31", "2026-13", "2026-00", "2026-5-09", "2026/05/09", "２０２６-05-09",
                          "2026-05-09T00", "20260509", "2026-05-", ""}) {
    EXPECT_FALSE(dateFromIso(bad)) << bad;
  }
}

}  // namespace
}  // namespace notice
