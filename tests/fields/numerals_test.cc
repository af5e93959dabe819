#include <gtest/gtest.h>

#include "fields/numerals.h"

namespace notice {
namespace {

struct NumeralCase { const char* text; int value; };

TEST(ChineseNumber, CountsAsWrittenInTitles) {
  const NumeralCase cases[] = {
      {"一", 1}, {"九", 9}, {"十", 10}, {"十一", 11}, {"十二", 12}, {"十九", 19}, {"二十", 20},
      {"二十三", 23}, {"四十五", 45}, {"九十九", 99}, {"一百", 100}, {"两", 2}, {"12", 12},
  };
  for (const auto& c : cases) {
    auto v = chineseNumber(c.text);
    ASSERT_TRUE(v.has_value()) << c.text;
    EXPECT_EQ(*v, c.value) << c.text;
  }
}

TEST(ChineseNumber, RejectsOtherText) {
  EXPECT_FALSE(chineseNumber("").has_value());
  EXPECT_FALSE(chineseNumber("部门").has_value());
}

TEST(ChineseDigits, YearsWrittenDigitByDigit) {
  EXPECT_EQ(chineseDigits("二〇二四").value(), 2024);
  EXPECT_EQ(chineseDigits("二〇二一").value(), 2021);
  EXPECT_EQ(chineseDigits("二○二六").value(), 2026);  // a circle instead of 〇
  EXPECT_FALSE(chineseDigits("十二").has_value());
}

}  // namespace
}  // namespace notice
