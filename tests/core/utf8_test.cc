// core/utf8: the one test of "UTF-8 with damage" that the text and web sources share, each with
// its own tolerance.
#include <gtest/gtest.h>

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

}  // namespace
}  // namespace notice
