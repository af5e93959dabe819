#include "fields/dates.h"
#include "test_support.h"

namespace notice {
namespace {

using testing::grammar;

struct RangeCase { const char* text; int year; const char* start; const char* end; };

TEST(FindDates, WrittenForms) {
  const RangeCase cases[] = {
      {"2024年5月12日至18日", 0, "2024-05-12", "2024-05-18"},
      {"时间：2026年5月11日—17日", 0, "2026-05-11", "2026-05-17"},
      {"5月31日—6月6日", 2025, "2025-05-31", "2025-06-06"},
      {"2026年5月10日至5月16日", 0, "2026-05-10", "2026-05-16"},
      {"12月2日前填报", 2024, "2024-12-02", "2024-12-02"},
      {"不迟于2026年12月1日", 0, "2026-12-01", "2026-12-01"},
      {"二〇二一年五月六日", 0, "2021-05-06", "2021-05-06"},
      {"活动周拟定于11月举办", 2021, "2021-11", "2021-11"},
      {"10月底前", 2026, "2026-10-31", "2026-10-31"},
      {"12月上旬", 2026, "2026-12-10", "2026-12-10"},
      {"2 月下旬", 2024, "2024-02-29", "2024-02-29"},
      {"11月中旬", 2026, "2026-11-20", "2026-11-20"},
      {"11月份", 2026, "2026-11", "2026-11"},  // the month, no day (grammars/month_parts.tsv)
      {"9月初", 2026, "2026-09", "2026-09"},
      {"2021 年 5 月 6 日", 0, "2021-05-06", "2021-05-06"},
      {"时间：2025年10月至11月", 0, "2025-10", "2025-11"},
      {"2025年11月—2026年1月", 0, "2025-11", "2026-01"},
      {"10月至11月8日", 2025, "2025-10", "2025-10"},  // a day after it: no range of months
      {"请于2026.6.12前报送", 0, "2026-06-12", "2026-06-12"},
      {"截止日期：2026-06-15。", 0, "2026-06-15", "2026-06-15"},
      {"2026/6/5", 0, "2026-06-05", "2026-06-05"},
  };
  for (const auto& c : cases) {
    auto dates = findDates(c.text, c.year, grammar());
    ASSERT_FALSE(dates.empty()) << c.text;
    EXPECT_EQ(dates[0].start.iso(), c.start) << c.text;
    EXPECT_EQ(dates[0].finish.value_or(dates[0].start).iso(), c.end) << c.text;
  }
}

TEST(FindDates, APartOfTheMonthIsKeptOnlyWhereItSaysMoreThanTheMonth) {
  auto partOf = [](const char* text) {
    auto dates = findDates(text, 2026, grammar());
    return dates.empty() ? std::string("none") : dates[0].part;
  };
  EXPECT_EQ(partOf("11月份"), "");
  EXPECT_EQ(partOf("9月初"), "初");
  EXPECT_EQ(partOf("10月底前"), "底");
}

TEST(FindDates, NumbersThatAreNotDates) {
  EXPECT_TRUE(findDates("规划纲要（2024-2035年）", 2026, grammar()).empty());
  EXPECT_TRUE(findDates("电话：0351-3046534", 2026, grammar()).empty());
  EXPECT_TRUE(findDates("版本2026.13.45", 2026, grammar()).empty());
  EXPECT_TRUE(findDates("编号2026-06-151", 2026, grammar()).empty());
}

TEST(FindDates, NoDateInABlankForm) {
  EXPECT_TRUE(findDates("2021 年 月 日", 2021, grammar()).empty());
  EXPECT_TRUE(findDates("参与活动的企业数", 2021, grammar()).empty());
}

TEST(ParseDateLine, OnlyAWholeLine) {
  EXPECT_EQ(parseDateLine("2026年5月9日", grammar())->iso(), "2026-05-09");
  EXPECT_EQ(parseDateLine("二〇二四年五月九日", grammar())->iso(), "2024-05-09");
  // 〇 typed as a letter O, and full-width digits.
  EXPECT_EQ(parseDateLine("二O一一年五月六日", grammar())->iso(), "2011-05-06");
  EXPECT_EQ(parseDateLine("二o一一年五月六日", grammar())->iso(), "2011-05-06");
  EXPECT_FALSE(parseDateLine("2026年5月9日印发", grammar()).has_value());
  EXPECT_FALSE(parseDateLine("2026年2月30日", grammar()).has_value());
}

TEST(Date, Arithmetic) {
  EXPECT_EQ((Date{2021, 5, 28}.plusDays(7)).iso(), "2021-06-04");
  EXPECT_EQ((Date{2024, 12, 28}.plusDays(7)).iso(), "2025-01-04");
  EXPECT_EQ((Date{2024, 2, 28}.plusDays(1)).iso(), "2024-02-29");
  EXPECT_EQ((Date{2026, 5, 11}.daysSinceEpoch() - Date{2021, 5, 22}.daysSinceEpoch()), 1815);
  // Working days skip weekends: from Saturday 2025-05-17, the 7th is Tuesday 2025-05-27.
  EXPECT_EQ((Date{2025, 5, 17}.plusWorkingDays(7)).iso(), "2025-05-27");
  EXPECT_EQ((Date{2025, 5, 16}.plusWorkingDays(1)).iso(), "2025-05-19");  // Friday → Monday
  // Calendar months keep the day, or take the month's last.
  EXPECT_EQ((Date{2025, 5, 17}.plusMonths(1)).iso(), "2025-06-17");
  EXPECT_EQ((Date{2025, 1, 31}.plusMonths(1)).iso(), "2025-02-28");
  EXPECT_EQ((Date{2025, 11, 30}.plusMonths(2)).iso(), "2026-01-30");
}

}  // namespace
}  // namespace notice
