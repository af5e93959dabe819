#include "core/utf8.h"

#include <cstdint>
#include <cstring>

#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

namespace notice::utf8 {

void append(std::string& out, char32_t c) {
  char buf[4];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, static_cast<UChar32>(c), error);
  if (!error) out.append(buf, static_cast<size_t>(len));
}

std::u32string decode(std::string_view s) {
  // Sized once by a count of the characters' lead bytes (a byte that is not UTF-8 adds one more).
  std::u32string out;
  out.reserve(codepointCount(s));
  size_t i = 0;
  while (i < s.size()) out.push_back(next(s, i));
  return out;
}

std::string encode(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) append(out, c);
  return out;
}

size_t codepointCount(std::string_view s) {
  // Eight bytes at a time: a continuation byte is 10xxxxxx, its top bit set and the next clear.
  constexpr uint64_t kTopBits = 0x8080808080808080ull;
  size_t n = 0, i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    const uint64_t continuing = (w & ~(w << 1) & kTopBits) >> 7;  // 1 in each such byte
    n += 8 - static_cast<size_t>((continuing * 0x0101010101010101ull) >> 56);
  }
  for (; i < s.size(); ++i) n += (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
  return n;
}

bool isHan(char32_t c) {
  if (c == U'〇') return true;
  UErrorCode err = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(c), &err) == USCRIPT_HAN;
}

bool isCjkPunct(char32_t c) {
  if (c >= 0x3000 && c <= 0x303F) return true;   // CJK symbols and punctuation
  if (c >= 0xFF00 && c <= 0xFFEF) return true;   // full-width forms
  switch (c) {
    case U'“': case U'”': case U'‘': case U'’': case U'—': case U'…': case U'·': case U'–':
      return true;
    default:
      return false;
  }
}

bool isCjk(char32_t c) { return isHan(c) || isCjkPunct(c); }

bool isAsciiAlnum(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isTerminalPunct(char32_t c) {
  switch (c) {
    case U'。': case U'！': case U'？': case U'；': case U'：': case '.': case '!': case '?':
    case ';': case ':':
      return true;
    default:
      return false;
  }
}

double width(std::string_view s) {
  double w = 0;
  size_t i = 0;
  while (i < s.size()) {
    char32_t c = next(s, i);
    w += c < 0x80 ? 0.5 : 1.0;
  }
  return w;
}

char32_t first(std::string_view s) {
  size_t i = 0;
  return s.empty() ? 0 : next(s, i);
}

char32_t last(std::string_view s) {
  if (s.empty()) return 0;
  size_t i = s.size() - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
  return next(s, i);
}

std::string trim(std::string_view s) {
  auto isSpace = [&](size_t i, size_t& len) {
    if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n') { len = 1; return true; }
    if (s.compare(i, 3, "\xE3\x80\x80") == 0) { len = 3; return true; }
    return false;
  };
  size_t b = 0, len = 0;
  while (b < s.size() && isSpace(b, len)) b += len;
  size_t e = s.size();
  while (e > b) {
    size_t k = e - 1;
    while (k > b && (static_cast<unsigned char>(s[k]) & 0xC0) == 0x80) --k;
    if (!isSpace(k, len)) break;
    e = k;
  }
  return std::string(s.substr(b, e - b));
}

bool mostlyUtf8(std::string_view s, size_t good_per_bad) {
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  size_t good = 0, bad = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) ++bad;
    else if (c >= 0x80) ++good;
  }
  return good > 0 && bad * good_per_bad < good;
}

std::string repaired(std::string_view s, size_t* replaced) {
  std::string out;
  out.reserve(s.size());
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) {
      out += "\xEF\xBF\xBD";
      if (replaced) ++*replaced;
    } else {
      out.append(s.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
    }
  }
  return out;
}

std::string fromGb18030(std::string_view bytes, size_t* undecodable) {
  icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), "GB18030");
  *undecodable = 0;
  if (text.isBogus()) {
    *undecodable = bytes.size();
    return "";
  }
  for (int32_t i = 0; i < text.length(); ++i) {
    if (text[i] == 0xFFFD || text[i] == 0x1A) ++*undecodable;
  }
  std::string out;
  text.toUTF8String(out);
  return out;
}

}  // namespace notice::utf8
