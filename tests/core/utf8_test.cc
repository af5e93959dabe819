// core/utf8: the one test of "UTF-8 with damage" that the text and web sources share, each with
// its own tolerance.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "core/utf8.h"

namespace notice {
namespace {

TEST(Utf8, MostlyUtf8CountsUndecodableSequencesAgainstCharacters) {
  std::string text;
  for (int i = 0; i < 10; ++i) text += "通知";  // 20 characters
  EXPECT_TRUE(utf8::mostlyUtf8(text, 20));
  std::string damaged = text + "\xff";  // one bad sequence in 20 characters
  EXPECT_TRUE(utf8::mostlyUtf8(damaged, 4));
  EXPECT_FALSE(utf8::mostlyUtf8(damaged, 20));
  // GBK bytes (关于 = B9 D8 D3 DA) decode as no UTF-8 at all; ASCII alone holds no evidence.
  EXPECT_FALSE(utf8::mostlyUtf8("\xb9\xd8\xd3\xda\xb9\xd8\xd3\xda", 4));
  EXPECT_FALSE(utf8::mostlyUtf8("plain ascii", 4));
}

// The count reads eight bytes at a time: every length around that, every kind of byte (ASCII,
// lead bytes, continuation bytes, bytes that are no UTF-8) at every place in the word.
TEST(Utf8, CodepointCountCountsEveryByteButContinuationBytes) {
  EXPECT_EQ(utf8::codepointCount(""), 0u);
  EXPECT_EQ(utf8::codepointCount("关于印发通知"), 6u);
  EXPECT_EQ(utf8::codepointCount("2024年第3号"), 8u);
  std::mt19937 random(12);
  const unsigned char kinds[] = {'a', 0x7F, 0xC3, 0xE4, 0xF0, 0x80, 0xBF, 0xFF, 0x40};
  for (int round = 0; round < 2000; ++round) {
    std::string text(static_cast<size_t>(random() % 40), '\0');
    size_t expected = 0;
    for (char& c : text) {
      c = static_cast<char>(kinds[random() % sizeof kinds]);
      expected += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }
    ASSERT_EQ(utf8::codepointCount(text), expected) << "round " << round;
  }
}

}  // namespace
}  // namespace notice
