#include "archive/bigram_tokens.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "core/utf8.h"

namespace notice {
namespace {

enum class CharClass { kHan, kWord, kSeparator };

CharClass classify(char32_t c) {
  if (utf8::isHan(c)) return CharClass::kHan;
  UChar32 u = static_cast<UChar32>(c);
  // Letters and digits of any script (full-width ones included) make words; a combining mark
  // stays with the letter it follows.
  if (u_isalnum(u) || u_charType(u) == U_NON_SPACING_MARK) return CharClass::kWord;
  return CharClass::kSeparator;
}

struct Span {
  size_t begin, end;  // bytes
};

// NFKC with case folding for anything beyond ASCII (full-width Latin and digits become ASCII).
std::string foldWord(std::string_view word) {
  bool ascii = true;
  for (unsigned char ch : word) ascii = ascii && ch < 0x80;
  std::string out(word);
  if (ascii) {
    for (char& ch : out)
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkcCaseFold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) return out;
  icu::UnicodeString folded = nfkcCaseFold->normalize(
      icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size()))), status);
  if (U_FAILURE(status)) return out;
  out.clear();
  folded.toUTF8String(out);
  return out;
}

// A run of Han characters: overlapping pairs; a lone character as itself. With `singles`, every
// character also by itself: colocated with the pair it opens, the last one at the next position.
void addHanRun(std::string_view text, const std::vector<Span>& chars, bool singles, std::vector<BigramToken>& out) {
  auto piece = [&](Span s) { return std::string(text.substr(s.begin, s.end - s.begin)); };
  if (chars.size() == 1) {
    out.push_back({piece(chars[0]), chars[0].begin, chars[0].end});
    return;
  }
  for (size_t i = 0; i + 1 < chars.size(); ++i) {
    Span pair{chars[i].begin, chars[i + 1].end};
    out.push_back({piece(pair), pair.begin, pair.end});
    if (singles) out.push_back({piece(chars[i]), chars[i].begin, chars[i].end, true});
  }
  if (singles) out.push_back({piece(chars.back()), chars.back().begin, chars.back().end});
}

}  // namespace

std::vector<BigramToken> bigramTokens(std::string_view text, bool singles) {
  std::vector<BigramToken> out;
  std::vector<Span> han;
  size_t wordBegin = 0, wordEnd = 0;
  auto flushHan = [&] {
    if (!han.empty()) addHanRun(text, han, singles, out);
    han.clear();
  };
  auto flushWord = [&] {
    if (wordEnd != wordBegin) out.push_back({foldWord(text.substr(wordBegin, wordEnd - wordBegin)), wordBegin, wordEnd});
    wordBegin = wordEnd = 0;
  };
  size_t i = 0;
  while (i < text.size()) {
    size_t begin = i;
    CharClass cls = classify(utf8::next(text, i));  // invalid bytes read as U+FFFD: a separator
    if (cls != CharClass::kHan) flushHan();
    if (cls != CharClass::kWord) flushWord();
    if (cls == CharClass::kHan) {
      han.push_back({begin, i});
    } else if (cls == CharClass::kWord) {
      if (wordEnd == wordBegin) wordBegin = begin;
      wordEnd = i;
    }
  }
  flushHan();
  flushWord();
  return out;
}

}  // namespace notice
