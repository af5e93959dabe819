#include "diff/han_words.h"

#include <algorithm>
#include <limits>
#include <unordered_map>

#include <unicode/ucharstrie.h>
#include <unicode/udata.h>
#include <unicode/utf16.h>

namespace notice::han {

namespace {

// ICU's dictionary files (dictionarydata.h): an index of int32s, the trie at the offset the first
// one gives, and its type in the fifth.
constexpr int kStringTrieOffset = 0, kTrieType = 4;
constexpr int32_t kTrieTypeMask = 7, kTrieTypeUChars = 1, kTrieHasValues = 8;

// ICU's Chinese and Japanese dictionary, open for the process: a trie whose values are the
// words' costs, or none.
class Dictionary {
 public:
  Dictionary() {
    UErrorCode err = U_ZERO_ERROR;
    file_ = udata_open(U_ICUDATA_NAME U_TREE_SEPARATOR_STRING "brkitr", "dict", "cjdict", &err);
    if (U_FAILURE(err) || file_ == nullptr) return;
    const auto* data = static_cast<const uint8_t*>(udata_getMemory(file_));
    const auto* indexes = reinterpret_cast<const int32_t*>(data);
    if ((indexes[kTrieType] & kTrieTypeMask) != kTrieTypeUChars || (indexes[kTrieType] & kTrieHasValues) == 0) return;
    trie_ = reinterpret_cast<const char16_t*>(data + indexes[kStringTrieOffset]);
  }
  ~Dictionary() {
    if (file_ != nullptr) udata_close(file_);
  }
  Dictionary(const Dictionary&) = delete;
  Dictionary& operator=(const Dictionary&) = delete;
  const char16_t* trie() const { return trie_; }

 private:
  UDataMemory* file_ = nullptr;
  const char16_t* trie_ = nullptr;
};

const char16_t* dictionaryTrie() {
  static const Dictionary dictionary;
  return dictionary.trie();
}

// As ICU's CjkBreakEngine: words of up to 20 UTF-16 units are looked up, and a character that is
// no word of one character on its own costs 255.
constexpr int32_t kMaxWordUnits = 20;
constexpr uint32_t kUnknownCharCost = 255;

struct Match {
  int32_t codePoints;
  uint32_t cost;
};

// The trie's step from its root on one character, kept for the process: a lookup starts at every
// character, and the root's branch over thousands of characters is most of a lookup's cost.
struct FirstStep {
  UStringTrieResult result;
  int32_t value;   // with a value, the cost of the character as a word
  uint64_t state;  // where a longer word goes on, unless result is USTRINGTRIE_NO_MATCH
};

const FirstStep& firstStep(icu::UCharsTrie& trie, char32_t c) {
  static thread_local std::unordered_map<char32_t, FirstStep> steps;
  auto [it, added] = steps.try_emplace(c);
  if (added) {
    trie.reset();
    const UStringTrieResult result = trie.next(static_cast<UChar32>(c));
    it->second = {result, USTRINGTRIE_HAS_VALUE(result) ? trie.getValue() : 0,
                  result == USTRINGTRIE_NO_MATCH ? 0 : trie.getState64()};
  }
  return it->second;
}

}  // namespace

bool available() { return dictionaryTrie() != nullptr; }

bool hasNormalForm(char32_t c) {
  return !((c >= 0x2E80 && c <= 0x2FDF) || (c >= 0x3038 && c <= 0x303A) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0x2F800 && c <= 0x2FA1F));
}

void wordEnds(const char32_t* run, size_t n, std::vector<size_t>& ends) {
  // best[i]: the least cost of a segmentation of the first i characters; prev[i]: where the last
  // word of that segmentation begins. Ties go to the first found, shortest words first, as in ICU.
  // The buffers are kept between calls: a diff segments many short runs.
  constexpr uint32_t kUnreached = std::numeric_limits<uint32_t>::max();
  static thread_local std::vector<uint32_t> best;
  static thread_local std::vector<size_t> prev;
  static thread_local std::vector<Match> matches;
  best.assign(n + 1, kUnreached);
  prev.assign(n + 1, 0);
  best[0] = 0;
  icu::UCharsTrie trie(dictionaryTrie());
  for (size_t i = 0; i < n; ++i) {
    matches.clear();
    const FirstStep& first = firstStep(trie, run[i]);
    UStringTrieResult result = first.result;
    if (USTRINGTRIE_HAS_VALUE(result)) matches.push_back({1, static_cast<uint32_t>(first.value)});
    int32_t units = U16_LENGTH(run[i]);  // ICU limits words in UTF-16 units
    if (USTRINGTRIE_MATCHES(result) && result != USTRINGTRIE_FINAL_VALUE && units < kMaxWordUnits) {
      trie.resetToState64(first.state);
      for (size_t k = i + 1; k < n; ++k) {
        const UChar32 c = static_cast<UChar32>(run[k]);
        result = trie.next(c);
        units += U16_LENGTH(c);
        if (USTRINGTRIE_HAS_VALUE(result)) {
          matches.push_back({static_cast<int32_t>(k - i + 1), static_cast<uint32_t>(trie.getValue())});
          if (result == USTRINGTRIE_FINAL_VALUE) break;
        } else if (result == USTRINGTRIE_NO_MATCH) {
          break;
        }
        if (units >= kMaxWordUnits) break;
      }
    }
    if (matches.empty() || matches.front().codePoints != 1) matches.push_back({1, kUnknownCharCost});
    for (const Match& m : matches) {
      const uint32_t cost = best[i] + m.cost;
      const size_t end = i + static_cast<size_t>(m.codePoints);
      if (cost < best[end]) best[end] = cost, prev[end] = i;
    }
  }
  ends.clear();
  for (size_t i = n; i > 0; i = prev[i]) ends.push_back(i);
  std::reverse(ends.begin(), ends.end());
}

}  // namespace notice::han
