// How ICU's word rules (UAX #29 as ICU has it) treat a character, as far as the word splitter
// (words.cc) asks. ASCII, the unified ideographs and the CJK marks and full-width forms that
// notices are full of are answered from a table; the rest from ICU's character properties. Each
// page of ICU's property data first read costs a page fault (some microseconds), and a diff of
// two notices asked of a few hundred characters, all of them in the table.
#pragma once

namespace notice::word_marks {

// A CJK punctuation mark, symbol or space (utf8::isCjkPunct: 。、《》“” and the full-width forms)
// that ICU's word rules break before and after whatever its neighbours are: word-break property
// Other, and no letter, so none of the dictionary characters (Han, kana) whose runs the
// dictionary breaker segments as a whole. ASCII marks are left out: ICU tailors some of them
// (ICU 72 keeps @ inside an e-mail address).
bool standsAlone(char32_t c);

// A CJK mark that joins letters or numbers on both sides of it (， in 1，000, ： in ａ：ｂ), and
// otherwise stands alone (WB6, WB7, WB11, WB12).
bool joinsBetween(char32_t c);

// What such a mark joins: a letter or a number (word-break ALetter, Numeric, Hebrew_Letter).
bool joinable(char32_t c);

// A mark that belongs to the character before it (WB4: Extend, Format, ZWJ).
bool attachesBefore(char32_t c);

// Han by script, the set ICU's word rules hand to its dictionary (wider than utf8::isHan: 々,
// radicals, compatibility ideographs).
bool isHanScript(char32_t c);

// Kana, Hangul or a script written without spaces (Thai and its neighbours): characters whose
// words only ICU's own rules give (its Japanese, Korean and complex-context handling).
bool needsIcuScriptRules(char32_t c);

// The same questions put to ICU, for every character: what the table is checked against.
namespace by_icu {
bool standsAlone(char32_t c);
bool joinsBetween(char32_t c);
bool joinable(char32_t c);
bool attachesBefore(char32_t c);
bool isHanScript(char32_t c);
bool needsIcuScriptRules(char32_t c);
}  // namespace by_icu

// Whether the table answers for c (the rest go to ICU).
bool inTable(char32_t c);

}  // namespace notice::word_marks
