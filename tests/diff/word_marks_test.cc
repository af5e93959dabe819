// diff/word_marks: the table of how ICU's word rules treat the characters notices are full of
// gives, for every character it covers, what ICU's own properties give (so that a table read
// from one ICU is caught here when another differs); the rest are asked of ICU.
#include <gtest/gtest.h>

#include "diff/word_marks.h"

namespace notice::word_marks {
namespace {

void expectAsIcu(char32_t c) {
  EXPECT_EQ(standsAlone(c), by_icu::standsAlone(c)) << "U+" << std::hex << static_cast<uint32_t>(c);
  EXPECT_EQ(joinsBetween(c), by_icu::joinsBetween(c)) << "U+" << std::hex << static_cast<uint32_t>(c);
  EXPECT_EQ(joinable(c), by_icu::joinable(c)) << "U+" << std::hex << static_cast<uint32_t>(c);
  EXPECT_EQ(attachesBefore(c), by_icu::attachesBefore(c)) << "U+" << std::hex << static_cast<uint32_t>(c);
  EXPECT_EQ(isHanScript(c), by_icu::isHanScript(c)) << "U+" << std::hex << static_cast<uint32_t>(c);
  EXPECT_EQ(needsIcuScriptRules(c), by_icu::needsIcuScriptRules(c)) << "U+" << std::hex << static_cast<uint32_t>(c);
}

TEST(Words, MarkTableIsIcus) {
  size_t covered = 0;
  for (char32_t c = 0; c < 0x30000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;  // no characters
    if (!inTable(c)) continue;
    expectAsIcu(c);
    ++covered;
  }
  // ASCII, the unified ideographs, the CJK symbols, the half- and full-width forms, eight marks.
  EXPECT_EQ(covered, 0x80u + 0x5200u + 0x40u + 0xF0u + 8u);
  // And what is asked of ICU still answers as ICU: a sample of the rest (Latin, combining marks,
  // kana, Hangul, Thai, radicals, compatibility ideographs, the replacement character).
  for (char32_t c : {U'é', U'\u0301', U'\u00ad', U'\u200d', U'あ', U'ア', U'ー', U'한', U'ก', U'⺀', U'⼀', U'豈',
                     U'\U00020000', U'\ufffd', U'€', U'№'}) {
    expectAsIcu(c);
  }
}

}  // namespace
}  // namespace notice::word_marks
