#include "diff/word_marks.h"

#include <cstdint>

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "core/utf8.h"

namespace notice::word_marks {

namespace by_icu {
namespace {

bool isCjkMark(UChar32 c) {
  if (!utf8::isCjkPunct(static_cast<char32_t>(c))) return false;
  switch (u_charType(c)) {
    case U_SPACE_SEPARATOR: case U_DASH_PUNCTUATION: case U_START_PUNCTUATION: case U_END_PUNCTUATION:
    case U_INITIAL_PUNCTUATION: case U_FINAL_PUNCTUATION: case U_OTHER_PUNCTUATION: case U_MATH_SYMBOL:
    case U_CURRENCY_SYMBOL: case U_MODIFIER_SYMBOL: case U_OTHER_SYMBOL:
      return true;
    default:
      return false;
  }
}

int32_t wordBreak(UChar32 c) { return u_getIntPropertyValue(c, UCHAR_WORD_BREAK); }

}  // namespace

bool standsAlone(char32_t c) {
  const auto u = static_cast<UChar32>(c);
  return isCjkMark(u) && wordBreak(u) == U_WB_OTHER && !u_hasBinaryProperty(u, UCHAR_EXTENDED_PICTOGRAPHIC);
}

bool joinsBetween(char32_t c) {
  const auto u = static_cast<UChar32>(c);
  if (!isCjkMark(u)) return false;
  switch (wordBreak(u)) {
    case U_WB_MIDNUM: case U_WB_MIDLETTER: case U_WB_MIDNUMLET: case U_WB_SINGLE_QUOTE: return true;
    default: return false;
  }
}

bool joinable(char32_t c) {
  switch (wordBreak(static_cast<UChar32>(c))) {
    case U_WB_ALETTER: case U_WB_NUMERIC: case U_WB_HEBREW_LETTER: return true;
    default: return false;
  }
}

bool attachesBefore(char32_t c) {
  const auto wb = wordBreak(static_cast<UChar32>(c));
  return wb == U_WB_EXTEND || wb == U_WB_FORMAT || wb == U_WB_ZWJ;
}

bool isHanScript(char32_t c) {
  UErrorCode err = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(c), &err) == USCRIPT_HAN;
}

bool needsIcuScriptRules(char32_t c) {
  const auto u = static_cast<UChar32>(c);
  UErrorCode err = U_ZERO_ERROR;
  switch (uscript_getScript(u, &err)) {
    case USCRIPT_HIRAGANA: case USCRIPT_KATAKANA: case USCRIPT_HANGUL: return true;
    default: break;
  }
  return c == 0x30FC || c == 0xFF70 || c == 0xFF9E || c == 0xFF9F ||  // kana marks ICU adds
         wordBreak(u) == U_WB_KATAKANA || u_getIntPropertyValue(u, UCHAR_LINE_BREAK) == U_LB_COMPLEX_CONTEXT;
}

}  // namespace by_icu

namespace {

// What by_icu says of the CJK symbols and punctuation (U+3000–303F), the half- and full-width
// forms (U+FF00–FFEF) and the other marks utf8::isCjkPunct takes, as read from ICU 72 (Unicode
// 15); the test Words.MarkTableIsIcus checks every entry against the ICU at hand. M: a CJK mark
// (by its general category), S: stands alone, J: joins between, L: joinable (a letter or a
// number), X: attaches to the character before, H: Han script, K: needs ICU's script rules.
constexpr uint8_t M = 1, S = 2, J = 4, L = 8, X = 16, H = 32, K = 64;
constexpr uint8_t kCjkSymbols[0x40] = {
    M, M|S, M|S, M|S, M|S, L|H, 0, H, M|S, M|S, M|S, M|S, M|S, M|S, M|S, M|S,  // U+3000
    M|S, M|S, M|S, M|S, M|S, M|S, M|S, M|S, M|S, M|S, M|S, M|S, M|S, M|S, M|S, M|S,  // U+3010
    M|S, H, H, H, H, H, H, H, H, H, X, X, X, X, X|K, X|K,  // U+3020
    M, K, K, K, K, K, M|S, M|S, H, H, H, L|H, L, M, M|S, M|S,  // U+3030
};
constexpr uint8_t kFullWidth[0xF0] = {
    0, M|S, M|S, M|S, M|S, M|S, M|S, M|J, M|S, M|S, M|S, M|S, M|J, M|S, M|J, M|S,  // U+FF00
    L, L, L, L, L, L, L, L, L, L, M|J, M|J, M|S, M|S, M|S, M|S,  // U+FF10
    M|S, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,  // U+FF20
    L, L, L, L, L, L, L, L, L, L, L, M|S, M|S, M|S, M|S, 0,  // U+FF30
    M|S, L, L, L, L, L, L, L, L, L, L, L, L, L, L, L,  // U+FF40
    L, L, L, L, L, L, L, L, L, L, L, M|S, M|S, M|S, M|S, M|S,  // U+FF50
    M|S, M|S, M|S, M|S, M|S, M|S, K, K, K, K, K, K, K, K, K, K,  // U+FF60
    K, K, K, K, K, K, K, K, K, K, K, K, K, K, K, K,  // U+FF70
    K, K, K, K, K, K, K, K, K, K, K, K, K, K, K, K,  // U+FF80
    K, K, K, K, K, K, K, K, K, K, K, K, K, K, X|K, X|K,  // U+FF90
    L|K, L|K, L|K, L|K, L|K, L|K, L|K, L|K, L|K, L|K, L|K, L|K, L|K, L|K, L|K, L|K,  // U+FFA0
    L|K, L|K, L|K, L|K, L|K, L|K, L|K, L|K, L|K, L|K, L|K, L|K, L|K, L|K, L|K, 0,  // U+FFB0
    0, 0, L|K, L|K, L|K, L|K, L|K, L|K, 0, 0, L|K, L|K, L|K, L|K, L|K, L|K,  // U+FFC0
    0, 0, L|K, L|K, L|K, L|K, L|K, L|K, 0, 0, L|K, L|K, L|K, 0, 0, 0,  // U+FFD0
    M|S, M|S, M|S, M|S, M|S, M|S, M|S, 0, M|S, M|S, M|S, M|S, M|S, M|S, M|S, 0,  // U+FFE0
};

// The flags of c, or -1 where the table has none.
int flagsOf(char32_t c) {
  if (c >= 0x3000 && c <= 0x303F) return kCjkSymbols[c - 0x3000];
  if (c >= 0xFF00 && c <= 0xFFEF) return kFullWidth[c - 0xFF00];
  if (c < 0x80) return utf8::isAsciiAlnum(c) ? L : 0;
  if (c >= 0x4E00 && c <= 0x9FFF) return H;  // the unified ideographs
  switch (c) {
    case U'·': case U'‘': case U'’': return M | J;
    case U'–': case U'—': case U'“': case U'”': case U'…': return M | S;
    default: return -1;
  }
}

// The table's answer where it has c, else ICU's.
template <bool (*byIcu)(char32_t)>
bool answer(char32_t c, int flag) {
  const int f = flagsOf(c);
  return f >= 0 ? (f & flag) != 0 : byIcu(c);
}

}  // namespace

bool inTable(char32_t c) { return flagsOf(c) >= 0; }

bool standsAlone(char32_t c) { return answer<by_icu::standsAlone>(c, S); }
bool joinsBetween(char32_t c) { return answer<by_icu::joinsBetween>(c, J); }
bool joinable(char32_t c) { return answer<by_icu::joinable>(c, L); }
bool attachesBefore(char32_t c) { return answer<by_icu::attachesBefore>(c, X); }
bool isHanScript(char32_t c) { return c >= 0x2E80 && answer<by_icu::isHanScript>(c, H); }  // none before the radicals
bool needsIcuScriptRules(char32_t c) { return answer<by_icu::needsIcuScriptRules>(c, K); }

}  // namespace notice::word_marks
