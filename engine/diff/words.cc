#include "diff/words.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <memory>
#include <optional>
#include <set>
#include <string_view>

#include <unicode/brkiter.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include "core/utf8.h"
#include "diff/han_words.h"
#include "diff/word_marks.h"

namespace notice {

namespace {

using word_marks::attachesBefore;
using word_marks::isHanScript;
using word_marks::joinable;
using word_marks::joinsBetween;
using word_marks::standsAlone;

// ICU's word breaker for Chinese, made once per thread when first needed: the rules are compiled
// once, and a dictionary engine it builds stays with it.
icu::BreakIterator* wordBreaker() {
  UErrorCode err = U_ZERO_ERROR;
  static thread_local std::unique_ptr<icu::BreakIterator> breaker(
      icu::BreakIterator::createWordInstance(icu::Locale("zh"), err));
  return U_SUCCESS(err) ? breaker.get() : nullptr;
}

// Appends the words of text by ICU's word breaker, as views into text. ICU reads a byte that is
// not UTF-8 as U+FFFD, as U8_NEXT_OR_FFFD does, so its offsets map back onto the bytes.
void appendIcuWords(icu::BreakIterator& breaker, std::string_view text, std::vector<std::string_view>& out) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  breaker.setText(u);
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t byte = 0, unit = 0;  // the same place in text and in u
  breaker.first();
  for (int32_t end = breaker.next(); end != icu::BreakIterator::DONE; end = breaker.next()) {
    const int32_t from = byte;
    while (unit < end && byte < n) {
      UChar32 c;
      U8_NEXT_OR_FFFD(s, byte, n, c);
      unit += U16_LENGTH(c);
    }
    out.push_back(text.substr(static_cast<size_t>(from), static_cast<size_t>(byte - from)));
  }
}

// A character whose words only ICU's own rules give, so that han::wordEnds cannot stand in for
// them: Han that NFKC changes (ICU normalizes it first), a mark joined to the Han character
// before it, kana and Hangul (ICU's Japanese and Korean handling), and the scripts written
// without spaces (Thai and its neighbours).
bool needsIcuRules(UChar32 c, bool han, bool afterHan) {
  // The unified ideographs, nearly all Chinese text, have their normal form.
  if (han) return (c < 0x4E00 || c > 0x9FFF) && !han::hasNormalForm(static_cast<char32_t>(c));
  if (c < 0x80) return false;
  if (afterHan && attachesBefore(static_cast<char32_t>(c))) return true;
  if (c < 0x0E00) return false;
  return word_marks::needsIcuScriptRules(static_cast<char32_t>(c));
}

// ASCII marks whose word-break property is Other (ICU's root rules take the colon out of
// MidLetter, and a double quote joins only Hebrew letters, none of which is ASCII): the rules break
// around each whatever its neighbours (WB999). A tab is Other too.
bool isAsciiLoneMark(char32_t c) {
  switch (c) {
    case '!': case '"': case '#': case '$': case '%': case '&': case '(': case ')': case '*': case '+': case '-':
    case '/': case ':': case '<': case '=': case '>': case '?': case '[': case '\\': case ']': case '^': case '`':
    case '{': case '|': case '}': case '~': case '\t':
      return true;
    default:
      return false;
  }
}

// ICU's rules count @ a letter (ICU 72 keeps an e-mail address one word): an ASCII letter in them.
bool isAsciiLetter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '@'; }
bool isAsciiWordChar(char32_t c) { return isAsciiLetter(c) || (c >= '0' && c <= '9'); }
// What a joining mark joins in ICU's rules: a letter or a number by its properties, or @.
bool joinableInRules(char32_t c) { return c == '@' || joinable(c); }

// The ASCII marks that join their neighbours into one word: . and ' letters on both sides of them
// (MidNumLet, Single_Quote: WB6, WB7) or numbers (WB11, WB12), and , and ; numbers (MidNum).
bool isAsciiJoiner(char32_t c) { return c == '.' || c == '\'' || c == ',' || c == ';'; }
bool asciiJoins(char32_t before, char32_t mark, char32_t after) {
  auto digit = [](char32_t c) { return c >= '0' && c <= '9'; };
  if ((mark == '.' || mark == '\'') && isAsciiLetter(before) && isAsciiLetter(after)) return true;
  return isAsciiJoiner(mark) && digit(before) && digit(after);
}

// Whether a run of characters between runs of Han (or the ends of the text) is made only of
// words that appendWords can split by hand: runs of ASCII letters (and @) and digits (WB5,
// WB8–WB10), joined by the ASCII marks that join them; runs of spaces (WB3d); and characters that
// are words of their own: marks that stand alone, ASCII or CJK, line feeds (WB3a, WB3b), and CJK
// marks that join letters or numbers on both sides of them (，in 1，000) with none on one side.
// Han is on no side of such a join in ICU's rules, which take it out of the letters for the
// dictionary. An ASCII joiner next to a letter or number that is not ASCII (１.５) is left to ICU.
bool isPlain(const std::u32string& run) {
  for (size_t k = 0; k < run.size(); ++k) {
    const char32_t c = run[k];
    if (isAsciiWordChar(c) || c == '\n' || c == ' ' || isAsciiLoneMark(c) || standsAlone(c)) continue;
    const bool joinableBefore = k > 0 && joinableInRules(run[k - 1]);
    const bool joinableAfter = k + 1 < run.size() && joinableInRules(run[k + 1]);
    if (isAsciiJoiner(c)) {
      if ((joinableBefore && run[k - 1] >= 0x80) || (joinableAfter && run[k + 1] >= 0x80)) return false;
      continue;
    }
    if (!joinsBetween(c) || (joinableBefore && joinableAfter)) return false;
  }
  return true;
}

// Appends the words of a text: runs of Han split by han::wordEnds, the runs between them that
// isPlain reads (most of a notice's: numbers, marks, line breaks) split by hand, and the rest by
// ICU's word breaker. Every boundary between a Han run and what is around it is one in ICU's rules
// too (nothing joins a Han character to a neighbour but the marks needsIcuRules sends to ICU), so
// the words are those ICU would give, without ICU's costly dictionary engine, and for most notices
// without ICU's rules at all. Text with a character only ICU's rules read goes to ICU whole.
// U+FFFD stands for a byte that is not UTF-8, as in ICU's conversion. False when ICU's word
// breaker was needed and could not be made.
bool appendWords(std::string_view text, std::vector<std::string_view>& out) {
  auto byIcu = [&](std::string_view part) {
    icu::BreakIterator* breaker = wordBreaker();
    if (breaker == nullptr) return false;
    appendIcuWords(*breaker, part, out);
    return true;
  };
  if (!han::available()) return byIcu(text);
  const size_t first = out.size();
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  static thread_local std::u32string run;
  static thread_local std::vector<int32_t> at;  // where each character of the run begins, and its end
  static thread_local std::vector<size_t> ends;
  bool han = false;  // whether the run is of Han; runs of Han and of the rest alternate
  if (n > 0) {
    int32_t i = 0;
    UChar32 c;
    U8_NEXT_OR_FFFD(s, i, n, c);
    han = isHanScript(c);
  }
  for (int32_t start = 0; start < n; han = !han) {
    run.clear();
    at.clear();
    int32_t end = start;
    while (end < n) {
      int32_t next = end;
      UChar32 c;
      U8_NEXT_OR_FFFD(s, next, n, c);
      if (isHanScript(c) != han) break;
      if (needsIcuRules(c, han, end == start && start > 0)) {
        out.resize(first);
        return byIcu(text);
      }
      run.push_back(static_cast<char32_t>(c));
      at.push_back(end);
      end = next;
    }
    at.push_back(end);
    auto word = [&](size_t from, size_t to) {
      out.push_back(text.substr(static_cast<size_t>(at[from]), static_cast<size_t>(at[to] - at[from])));
    };
    if (han) {
      han::wordEnds(run.data(), run.size(), ends);
      for (size_t k = 0, from = 0; k < ends.size(); from = ends[k++]) word(from, ends[k]);
    } else if (isPlain(run)) {
      for (size_t k = 0; k < run.size();) {
        size_t to = k + 1;
        if (isAsciiWordChar(run[k])) {
          for (;;) {
            while (to < run.size() && isAsciiWordChar(run[to])) ++to;
            if (to + 1 >= run.size() || !asciiJoins(run[to - 1], run[to], run[to + 1])) break;
            to += 2;  // the mark and the letter or digit after it
          }
        } else if (run[k] == ' ') {
          while (to < run.size() && run[to] == ' ') ++to;
        }
        word(k, to);
        k = to;
      }
    } else if (!byIcu(text.substr(static_cast<size_t>(start), static_cast<size_t>(end - start)))) {
      return false;
    }
    start = end;
  }
  return true;
}

// The words of text, as views into it.
std::vector<std::string_view> wordViews(std::string_view text) {
  std::vector<std::string_view> out;
  if (appendWords(text, out)) return out;
  // No word breaker: fall back to characters, which still diff correctly.
  out.clear();
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < n;) {
    const int32_t from = i;
    U8_FWD_1(s, i, n);
    out.push_back(text.substr(static_cast<size_t>(from), static_cast<size_t>(i - from)));
  }
  return out;
}

}  // namespace

std::vector<std::string> words(const std::string& text) {
  std::vector<std::string_view> views = wordViews(text);
  return {views.begin(), views.end()};
}

bool cutsBetweenWords(std::string_view text, size_t at) {
  if (at == 0 || at >= text.size()) return at == 0 || at == text.size();
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  if (U8_IS_TRAIL(s[at])) return false;  // inside a character
  // The two characters before the cut (-1 where there is none) and the two after it.
  UChar32 before = -1, prev = -1, next = -1, after = -1;
  int32_t i = static_cast<int32_t>(at);
  U8_PREV(s, 0, i, prev);
  if (i > 0) U8_PREV(s, 0, i, before);
  i = static_cast<int32_t>(at);
  U8_NEXT(s, i, n, next);
  if (i < n) U8_NEXT(s, i, n, after);
  if (prev < 0 || next < 0) return false;
  if (standsAlone(next)) return true;
  if (attachesBefore(next)) return false;
  if (standsAlone(prev)) return true;
  // ，between Han: a joining mark with no letter or number on one side of it.
  if (joinsBetween(prev) && before >= 0 && !joinableInRules(before) && !attachesBefore(before)) return true;
  return joinsBetween(next) && after >= 0 && !joinableInRules(after) && !attachesBefore(after);
}

namespace {

using Op = WordEdit::Op;

// Myers' O(ND) shortest edit script over word ids. Only the diagonals the backtrack reads are
// kept: before step d, those step d - 1 reached (k in [1 - d, d - 1], every other one), D²/2 ints
// in all rather than D·(N+M).
// Past kMaxEdits edits the two texts have little in common, and a reader is better served by
// "all of this was replaced" than by a word-by-word script: the search stops there, which
// bounds time by O((N+M)·kMaxEdits) and memory by O(kMaxEdits²) (2,000 edits: about 8 MB).
constexpr size_t kMaxEdits = 2000;

std::vector<Op> replacedWhole(size_t n, size_t m) {
  std::vector<Op> ops(n, Op::kDelete);
  ops.insert(ops.end(), m, Op::kInsert);
  return ops;
}

// The script, or nothing past maxEdits edits.
std::optional<std::vector<Op>> myers(const std::vector<int>& a, const std::vector<int>& b, size_t maxEdits) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size()), max = n + m;
  // v[k], the furthest x on diagonal k, in one array for the even diagonals and one for the odd:
  // step d reads the diagonals of one parity and writes those of the other, and what the
  // backtrack needs of step d - 1 is one stretch of its array.
  std::vector<int> even(static_cast<size_t>(max) + 1, 0), odd(static_cast<size_t>(max) + 1, 0);
  auto slot = [max](int k) { return static_cast<size_t>((k + max) >> 1); };  // k's place in its array
  // trace[d][(k + d - 1) / 2] = v[k] before step d: each step's stretch copied into blocks that
  // hold many (a step's d ints, at most kMaxEdits, never span two), not into a vector of its own.
  constexpr size_t kTraceBlock = 4096;
  static_assert(kTraceBlock > kMaxEdits);
  std::vector<std::unique_ptr<int[]>> blocks;
  size_t usedOfBlock = kTraceBlock;
  std::vector<const int*> trace;
  int dFound = -1;
  for (int d = 0; d <= max && dFound < 0; ++d) {
    if (static_cast<size_t>(d) > maxEdits) return std::nullopt;
    std::vector<int>& reached = d % 2 == 0 ? odd : even;  // by step d - 1
    std::vector<int>& reaching = d % 2 == 0 ? even : odd;
    const int* up = reached.data() + slot(1 - d);  // v[k + 1] as k goes; v[k - 1] is the one before
    if (static_cast<size_t>(d) > kTraceBlock - usedOfBlock) {
      blocks.push_back(std::make_unique_for_overwrite<int[]>(kTraceBlock));
      usedOfBlock = 0;
    }
    int* kept = blocks.empty() ? nullptr : blocks.back().get() + usedOfBlock;
    std::copy(up, up + d, kept);
    usedOfBlock += static_cast<size_t>(d);
    trace.push_back(kept);
    int* out = reaching.data() + slot(-d);  // v[k]
    for (int k = -d; k <= d; k += 2, ++up, ++out) {
      // Down from k + 1 or right from k - 1, whichever reaches further: the x that the
      // backtrack's rule below gives, without its branch in the middle diagonals.
      int x = k == -d ? up[0] : k == d ? up[-1] + 1 : std::max(up[0], up[-1] + 1);
      int y = x - k;
      while (x < n && y < m && a[x] == b[y]) { ++x; ++y; }
      *out = x;
      if (x >= n && y >= m) { dFound = d; break; }
    }
  }
  std::vector<Op> ops;
  int x = n, y = m;
  for (int d = dFound; d > 0; --d) {
    const int* pv = trace[static_cast<size_t>(d)];
    auto at = [&](int k) { return pv[(k + d - 1) / 2]; };
    int k = x - y;
    int prevK = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1;
    int prevX = at(prevK), prevY = prevX - prevK;
    while (x > prevX && y > prevY) ops.push_back(Op::kEqual), --x, --y;
    if (x == prevX) ops.push_back(Op::kInsert), --y;
    else ops.push_back(Op::kDelete), --x;
  }
  while (x > 0 && y > 0) ops.push_back(Op::kEqual), --x, --y;
  std::reverse(ops.begin(), ops.end());
  return ops;
}

bool isPunctuationOnly(const std::string& s) {
  for (char32_t c : utf8::decode(s)) {
    if (utf8::isHan(c) || utf8::isAsciiAlnum(c)) return false;
  }
  return true;
}

// An equal run short enough to fold into the changes around it: one or two characters, or
// punctuation only.
bool isSlight(const std::string& equal) { return utf8::codepointCount(equal) <= 2 || isPunctuationOnly(equal); }

// Either an unchanged run or a change (what was deleted, what was inserted) between two.
struct Block {
  bool equal;
  std::string text, inserted;  // for a change, `text` is what was deleted
};


// Puts back the words taken out before the search (editScript): `kept` holds the positions of
// the words searched, on each side, and each word left out is deleted (or inserted) next to
// the change it stands in.
std::vector<Op> withWordsLeftOut(const std::vector<Op>& searched, const std::vector<size_t>& keptA, size_t n,
                                 const std::vector<size_t>& keptB, size_t m) {
  std::vector<Op> ops;
  ops.reserve(n + m);
  size_t i = 0, j = 0, x = 0, y = 0;
  auto deleteUpTo = [&](size_t end) { for (; i < end; ++i) ops.push_back(Op::kDelete); };
  auto insertUpTo = [&](size_t end) { for (; j < end; ++j) ops.push_back(Op::kInsert); };
  for (Op op : searched) {
    if (op != Op::kInsert) deleteUpTo(keptA[x]);
    if (op != Op::kDelete) insertUpTo(keptB[y]);
    ops.push_back(op);
    if (op != Op::kInsert) ++i, ++x;
    if (op != Op::kDelete) ++j, ++y;
  }
  deleteUpTo(n);
  insertUpTo(m);
  return ops;
}

// Small integers for strings, the same for equal ones, from a table open-addressed in one block
// (a map of nodes allocated one per distinct word was a third of the edit script's time).
class Interner {
 public:
  explicit Interner(size_t most) {
    size_t capacity = 16;
    while (capacity < 2 * most) capacity <<= 1;
    slots_.resize(capacity);
    mask_ = capacity - 1;
  }
  int idOf(std::string_view s) {
    for (size_t i = hashOf(s) & mask_;; i = (i + 1) & mask_) {
      Slot& slot = slots_[i];
      if (slot.id < 0) {
        slot = {s, count_};
        return count_++;
      }
      if (slot.text == s) return slot.id;
    }
  }
  size_t size() const { return static_cast<size_t>(count_); }

 private:
  struct Slot {
    std::string_view text;
    int id = -1;
  };
  // A hash for short strings (a word is a few characters, a sentence some tens), eight bytes at
  // a step; std::hash's is built for long ones and was a tenth of the edit script's time.
  static size_t hashOf(std::string_view s) {
    uint64_t h = s.size() * 0x9E3779B97F4A7C15ull;
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      h = (h ^ w) * 0xFF51AFD7ED558CCDull;
    }
    uint64_t last = 0;
    std::memcpy(&last, s.data() + i, s.size() - i);
    h = (h ^ last) * 0xC4CEB9FE1A85EC53ull;
    return static_cast<size_t>(h ^ (h >> 29));
  }
  std::vector<Slot> slots_;
  size_t mask_ = 0;
  int count_ = 0;
};

// The shortest edit script between two sequences of strings: compared as small integers, with
// the common head and tail taken off before the search, and the words only one side has as
// well (as git's xdiff discards lines without a match): they can be in no common run, so the
// script is as short as before, and Myers, whose work grows with (N + M)·D, searches far less
// where a passage was rewritten. The edits counted against kMaxEdits include them.
std::vector<Op> editScript(const std::vector<std::string_view>& wa, const std::vector<std::string_view>& wb) {
  Interner ids(wa.size() + wb.size());  // views into wa and wb, which outlive it
  auto idsOf = [&](const std::vector<std::string_view>& ws) {
    std::vector<int> out;
    out.reserve(ws.size());
    for (const auto& w : ws) out.push_back(ids.idOf(w));
    return out;
  };
  std::vector<int> ia = idsOf(wa), ib = idsOf(wb);
  size_t head = 0;
  while (head < ia.size() && head < ib.size() && ia[head] == ib[head]) ++head;
  size_t tail = 0;
  while (tail < ia.size() - head && tail < ib.size() - head && ia[ia.size() - 1 - tail] == ib[ib.size() - 1 - tail]) ++tail;
  const std::vector<int> a(ia.begin() + static_cast<long>(head), ia.end() - static_cast<long>(tail));
  const std::vector<int> b(ib.begin() + static_cast<long>(head), ib.end() - static_cast<long>(tail));

  std::vector<bool> inA(ids.size()), inB(ids.size());
  for (int w : a) inA[static_cast<size_t>(w)] = true;
  for (int w : b) inB[static_cast<size_t>(w)] = true;
  std::vector<size_t> keptA, keptB;
  std::vector<int> searchA, searchB;
  for (size_t i = 0; i < a.size(); ++i) {
    if (inB[static_cast<size_t>(a[i])]) keptA.push_back(i), searchA.push_back(a[i]);
  }
  for (size_t j = 0; j < b.size(); ++j) {
    if (inA[static_cast<size_t>(b[j])]) keptB.push_back(j), searchB.push_back(b[j]);
  }
  const size_t leftOut = (a.size() - keptA.size()) + (b.size() - keptB.size());
  std::optional<std::vector<Op>> searched;
  if (leftOut <= kMaxEdits) searched = myers(searchA, searchB, kMaxEdits - leftOut);

  std::vector<Op> ops(head, Op::kEqual);
  auto middle = searched ? withWordsLeftOut(*searched, keptA, a.size(), keptB, b.size()) : replacedWhole(a.size(), b.size());
  ops.insert(ops.end(), middle.begin(), middle.end());
  ops.insert(ops.end(), tail, Op::kEqual);
  return ops;
}

// Sentences, each with its closing mark; a line break closes one too. Found by their bytes (。 is
// E3 80 82, ！ ？ ； EF BC 81, 9F, 9B): no other character holds them, nor do bytes that are not
// UTF-8, as E3 and EF begin a character (or a byte that is none) and never continue one.
std::vector<std::string_view> sentences(std::string_view text) {
  std::vector<std::string_view> out;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t start = 0;
  for (size_t i = 0; i < n;) {
    size_t end = 0;
    const unsigned char b = s[i];
    if (b == '\n' || b == '!' || b == '?' || b == ';') {
      end = i + 1;
    } else if (b == 0xE3 && i + 2 < n && s[i + 1] == 0x80 && s[i + 2] == 0x82) {
      end = i + 3;
    } else if (b == 0xEF && i + 2 < n && s[i + 1] == 0xBC && (s[i + 2] == 0x81 || s[i + 2] == 0x9F || s[i + 2] == 0x9B)) {
      end = i + 3;
    }
    if (end == 0) {
      ++i;
      continue;
    }
    out.push_back(text.substr(start, end - start));
    start = i = end;
  }
  if (start < n) out.push_back(text.substr(start));
  return out;
}

// Appends an edit, joined to the run before when it is of the same kind (and neither is a move).
void append(std::vector<WordEdit>& runs, WordEdit edit, bool standalone = false) {
  if (edit.text.empty()) return;
  if (!standalone && !runs.empty() && runs.back().op == edit.op) {
    runs.back().text += edit.text;
    return;
  }
  runs.push_back(std::move(edit));
  if (standalone) runs.push_back({Op::kEqual, ""});  // a fence, so that nothing joins it
}

// The word-level diff of two pieces of text.
std::vector<WordEdit> diffWordsWithin(const std::string& wholeA, const std::string& wholeB) {
  // The common head and tail, up to a cut between words, are equal words: only the middles
  // need ICU's word breaker, which is most of a diff's time on changed sentences.
  const size_t shorter = std::min(wholeA.size(), wholeB.size());
  size_t head = 0;
  while (head < shorter && wholeA[head] == wholeB[head]) ++head;
  while (head > 0 && !(cutsBetweenWords(wholeA, head) && cutsBetweenWords(wholeB, head))) --head;
  size_t tail = 0;
  while (tail < shorter - head && wholeA[wholeA.size() - 1 - tail] == wholeB[wholeB.size() - 1 - tail]) ++tail;
  while (tail > 0 && !(cutsBetweenWords(wholeA, wholeA.size() - tail) && cutsBetweenWords(wholeB, wholeB.size() - tail))) --tail;
  const std::string_view a = std::string_view(wholeA).substr(head, wholeA.size() - head - tail);
  const std::string_view b = std::string_view(wholeB).substr(head, wholeB.size() - head - tail);

  std::vector<std::string_view> wa = wordViews(a), wb = wordViews(b);
  std::vector<Op> ops = editScript(wa, wb);

  // Blocks, with the semantic clean-up done as they are built: a slight equal run between two
  // changes is folded into them, so that a changed phrase reads as one deletion and one insertion.
  std::vector<Block> blocks;
  size_t x = 0, y = 0;
  for (Op op : ops) {
    if (op == Op::kEqual) {
      if (blocks.empty() || !blocks.back().equal) blocks.push_back({true, "", ""});
      blocks.back().text += wa[x++];
      ++y;
      continue;
    }
    if (blocks.empty() || blocks.back().equal) {
      // A change after a slight equal run that follows a change: the three become one change.
      if (blocks.size() >= 2 && !blocks[blocks.size() - 2].equal && isSlight(blocks.back().text)) {
        std::string slight = std::move(blocks.back().text);
        blocks.pop_back();
        blocks.back().text += slight;
        blocks.back().inserted += slight;
      } else {
        blocks.push_back({false, "", ""});
      }
    }
    if (op == Op::kDelete) blocks.back().text += wa[x++];
    else blocks.back().inserted += wb[y++];
  }
  std::vector<WordEdit> runs;
  if (head > 0) blocks.insert(blocks.begin(), Block{true, wholeA.substr(0, head), ""});
  if (tail > 0) blocks.push_back({true, wholeA.substr(wholeA.size() - tail), ""});
  for (auto& block : blocks) {
    if (block.equal) {
      if (!runs.empty() && runs.back().op == Op::kEqual) runs.back().text += block.text;
      else runs.push_back({Op::kEqual, std::move(block.text)});
      continue;
    }
    if (!block.text.empty()) runs.push_back({Op::kDelete, std::move(block.text)});
    if (!block.inserted.empty()) runs.push_back({Op::kInsert, std::move(block.inserted)});
  }
  return runs;
}

// A moved sentence, and where it stood on its side: its byte offset in the text of that side's
// changed sentences that did not move.
struct Moved {
  size_t at;
  std::string text;
};

// Appends the word diff of the changed sentences that did not move, with the moved ones put back
// where they stood, each whole: the old text then reads in its order and the new text in its
// (a moved sentence between two changed ones splits the run that spans its place).
void appendWithMoves(std::vector<WordEdit>& runs, std::vector<WordEdit> edits, const std::vector<Moved>& out,
                     const std::vector<Moved>& in) {
  size_t atA = 0, atB = 0, nextOut = 0, nextIn = 0;
  auto movesHere = [&]() {
    for (; nextOut < out.size() && out[nextOut].at <= atA; ++nextOut) append(runs, {Op::kDelete, out[nextOut].text}, true);
    for (; nextIn < in.size() && in[nextIn].at <= atB; ++nextIn) append(runs, {Op::kInsert, in[nextIn].text}, true);
  };
  for (auto& e : edits) {
    const bool onA = e.op != Op::kInsert, onB = e.op != Op::kDelete;
    while (!e.text.empty()) {
      movesHere();
      size_t take = e.text.size();  // up to the place of the next moved sentence on a side it covers
      if (onA && nextOut < out.size()) take = std::min(take, out[nextOut].at - atA);
      if (onB && nextIn < in.size()) take = std::min(take, in[nextIn].at - atB);
      append(runs, {e.op, e.text.substr(0, take)});
      e.text.erase(0, take);
      atA += onA ? take : 0;
      atB += onB ? take : 0;
    }
  }
  atA = atB = SIZE_MAX;
  movesHere();
}

}  // namespace

std::vector<WordEdit> diffWords(const std::string& a, const std::string& b) {
  // Sentences first: unchanged sentences stay whole, and only the sentences between them that
  // changed are compared word by word (faster, and changes stay inside their sentences). A
  // sentence deleted here and inserted elsewhere is kept whole, so that it shows as a move.
  std::vector<std::string_view> sa = sentences(a), sb = sentences(b);
  std::vector<Op> ops = editScript(sa, sb);
  std::multiset<std::string_view> deleted, inserted;
  {
    size_t x = 0, y = 0;
    for (Op op : ops) {
      if (op == Op::kEqual) ++x, ++y;
      else if (op == Op::kDelete) deleted.insert(sa[x++]);
      else inserted.insert(sb[y++]);
    }
  }
  std::vector<WordEdit> runs;
  std::vector<std::string_view> outA, outB;  // the changed sentences since the last unchanged one
  auto flush = [&]() {
    // A sentence of six characters or more found on the other side is a move, not a change.
    auto movedTo = [](const std::multiset<std::string_view>& other, std::string_view s) {
      return other.count(s) > 0 && utf8::codepointCount(s) >= 6;
    };
    std::string restA, restB;
    std::vector<Moved> movedOut, movedIn;
    for (const auto& s : outA) {
      if (movedTo(inserted, s)) movedOut.push_back({restA.size(), std::string(s)});
      else restA += s;
    }
    for (const auto& s : outB) {
      if (movedTo(deleted, s)) movedIn.push_back({restB.size(), std::string(s)});
      else restB += s;
    }
    appendWithMoves(runs, diffWordsWithin(restA, restB), movedOut, movedIn);
    outA.clear();
    outB.clear();
  };
  size_t x = 0, y = 0;
  for (Op op : ops) {
    if (op == Op::kEqual) {
      flush();
      append(runs, {Op::kEqual, std::string(sa[x++])});
      ++y;
    } else if (op == Op::kDelete) {
      outA.push_back(sa[x++]);
    } else {
      outB.push_back(sb[y++]);
    }
  }
  flush();
  // The fences have done their work.
  runs.erase(std::remove_if(runs.begin(), runs.end(), [](const WordEdit& e) { return e.text.empty(); }), runs.end());
  return runs;
}

namespace {

// Sorts bigrams, two code points of 21 bits at bits 32 and 0, by their bytes from the lowest
// (a radix sort: a comparison sort's branches on such keys mispredict about every other time, and
// sorting was most of a diff's section matching). A byte that no key has (`anyBits`, the keys'
// bits together: the high ones, for text of the Basic Multilingual Plane) is not counted, and one
// that every key has the same is counted and skipped; short lists are sorted as usual.
void sortBigrams(std::vector<uint64_t>& keys, uint64_t anyBits) {
  constexpr size_t kRadixFrom = 64;
  if (keys.size() < kRadixFrom) return std::sort(keys.begin(), keys.end());
  std::vector<uint64_t> scratch(keys.size());
  for (int shift : {0, 8, 16, 32, 40, 48}) {
    if ((anyBits >> shift & 0xFF) == 0) continue;  // zero in every key: nothing to sort on
    size_t start[257] = {};
    for (uint64_t k : keys) ++start[((k >> shift) & 0xFF) + 1];
    if (std::find(std::begin(start), std::end(start), keys.size()) != std::end(start)) continue;
    for (size_t b = 1; b < 257; ++b) start[b] += start[b - 1];
    for (uint64_t k : keys) scratch[start[(k >> shift) & 0xFF]++] = k;
    keys.swap(scratch);
  }
}

}  // namespace

Bigrams bigrams(const std::string& text) {
  Bigrams out;
  if (text.empty()) return out;
  // As many as there are characters, less one, but for a byte that is not UTF-8 (a stray
  // continuation byte is a character that the count leaves out): written in place, appended past.
  std::vector<uint64_t>& grams = out.grams;
  grams.resize(utf8::codepointCount(text));
  size_t i = 0, n = 0;
  uint64_t anyBits = 0;  // of every bigram: for text of the Basic Multilingual Plane, two bytes are none
  for (uint64_t prev = utf8::next(text, i); i < text.size(); ++n) {
    const char32_t c = utf8::next(text, i);
    const uint64_t gram = prev << 32 | c;
    anyBits |= gram;
    if (n < grams.size()) grams[n] = gram;
    else grams.push_back(gram);
    prev = c;
  }
  grams.resize(n);
  sortBigrams(grams, anyBits);
  return out;
}

double similarity(const Bigrams& a, const Bigrams& b) {
  if (a.empty() || b.empty()) return 0.0;
  // The merge of two sorted lists, without branches on the comparisons.
  size_t common = 0, i = 0, j = 0;
  const size_t n = a.grams.size(), m = b.grams.size();
  while (i < n && j < m) {
    const uint64_t x = a.grams[i], y = b.grams[j];
    common += x == y;
    i += x <= y;
    j += y <= x;
  }
  return 2.0 * static_cast<double>(common) / static_cast<double>(n + m);
}

double similarity(const std::string& a, const std::string& b) {
  if (a == b) return 1.0;
  return similarity(bigrams(a), bigrams(b));
}

}  // namespace notice
