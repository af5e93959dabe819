// UTF-8 helpers on std::string: decoding, character classes used throughout the engine.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/utf8.h>

namespace notice::utf8 {

// Decodes one code point at byte offset i and advances i; invalid bytes give U+FFFD. Inline: it
// runs once per character of every text the engine reads.
inline char32_t next(std::string_view s, size_t& i) {
  int32_t pos = static_cast<int32_t>(i);
  UChar32 c;
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos, static_cast<int32_t>(s.size()), c);
  i = static_cast<size_t>(pos);
  return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}
void append(std::string& out, char32_t c);
std::u32string decode(std::string_view s);
std::string encode(std::u32string_view s);
size_t codepointCount(std::string_view s);
// `s` with every byte sequence that is not UTF-8 replaced by U+FFFD; `replaced` counts them.
std::string repaired(std::string_view s, size_t* replaced = nullptr);
// Whether the bytes are UTF-8 with a few sequences damaged (a byte flipped or cut) rather than
// text in another encoding: they hold non-ASCII characters, and fewer than one sequence that does
// not decode per `good_per_bad` that do.
bool mostlyUtf8(std::string_view s, size_t good_per_bad);
// Bytes in GB18030 (which holds GBK and GB2312) as UTF-8; `undecodable` counts the sequences
// that did not decode (shown as U+FFFD or the substitute character U+001A).
std::string fromGb18030(std::string_view bytes, size_t* undecodable);

bool isHan(char32_t c);          // CJK ideographs, including 〇
bool isCjkPunct(char32_t c);     // 。，、；：？！“”‘’（）《》〔〕【】—…· and full-width forms
bool isCjk(char32_t c);          // isHan || isCjkPunct
bool isAsciiAlnum(char32_t c);
// Sentence-final or clause-final marks after which a line does not continue a sentence.
bool isTerminalPunct(char32_t c);

// Display width in Chinese character cells: CJK counts 1, ASCII 0.5.
double width(std::string_view s);

// First / last code point (0 when empty).
char32_t first(std::string_view s);
char32_t last(std::string_view s);

std::string trim(std::string_view s);  // ASCII and ideographic spaces

inline bool endsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace notice::utf8
