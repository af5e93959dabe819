#include "diff/han_words.h"

#include <algorithm>
#include <cstdint>
#include <limits>

#include <sys/mman.h>
#include <unistd.h>

#include <unicode/ucharstrie.h>
#include <unicode/udata.h>
#include <unicode/utf16.h>

namespace notice::han {

namespace {

// ICU's dictionary files (dictionarydata.h): an index of int32s, the trie at the offset the first
// one gives, and its type in the fifth.
constexpr int kStringTrieOffset = 0, kTotalSize = 3, kTrieType = 4;
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
    // The trie is read at random, a few places a word: the kernel's reading around each page
    // first read (it maps up to 16 about it) maps pages no lookup reads. Only advice: no error.
    const auto begin = reinterpret_cast<uintptr_t>(data);
    const uintptr_t from = begin & ~(static_cast<uintptr_t>(::sysconf(_SC_PAGESIZE)) - 1);
    ::madvise(reinterpret_cast<void*>(from), begin + static_cast<uint32_t>(indexes[kTotalSize]) - from, MADV_RANDOM);
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

// The trie's steps from its root on one character and on two, kept for the process: a lookup
// starts at every character and nearly always ends within two, and those first steps, the root's
// branch over thousands of characters and the next one, are most of a lookup's cost (the trie
// is a few megabytes, and a step is a cache miss or a page fault). Keyed by the character, or by
// both (the first above bit 21); open-addressed in one block of 16-byte slots, doubled at three
// quarters full while it holds fewer than kMostSteps, so that it keeps 196,608 steps at most
// (4 MB: a notice has some thousands of character pairs, a hostile record could have millions);
// past that, new steps are taken and not kept.
struct Step {
  UStringTrieResult result = USTRINGTRIE_NO_MATCH;
  int32_t value = 0;   // with a value, the cost of the word so far
  uint64_t state = 0;  // where a longer word goes on, unless result is USTRINGTRIE_NO_MATCH
};

constexpr size_t kMostSteps = size_t{1} << 17;

uint64_t firstKey(char32_t c) { return c; }
uint64_t secondKey(char32_t c, char32_t d) { return static_cast<uint64_t>(c) << 21 | d; }

class Steps {
 public:
  // The step for `key` (never 0: no Han character is U+0000); `make(step)` makes it the first time.
  template <typename Make>
  Step at(uint64_t key, Make make) {
    if (4 * (used_ + 1) > 3 * slots_.size() && used_ < kMostSteps) grow();
    Slot& slot = slots_[find(key)];
    if (slot.keyed == 0) {
      Step made;
      make(made);
      // Kept unless full, or with a value past the 20 bits a slot has for it (the dictionary's
      // costs are below 256).
      if (4 * (used_ + 1) > 3 * slots_.size() || made.value < 0 || made.value >= (1 << 20)) return made;
      slot.keyed = key | static_cast<uint64_t>(made.result) << 42 | static_cast<uint64_t>(made.value) << 44;
      slot.state = made.state;
      ++used_;
      return made;
    }
    return {static_cast<UStringTrieResult>(slot.keyed >> 42 & 3), static_cast<int32_t>(slot.keyed >> 44), slot.state};
  }
  size_t kept() const { return used_; }

 private:
  // The key in the low 42 bits, the result in the next 2, the value in the top 20.
  struct Slot {
    uint64_t keyed = 0;
    uint64_t state = 0;
  };
  static constexpr uint64_t kKeyBits = (uint64_t{1} << 42) - 1;

  size_t find(uint64_t key) const {
    const size_t mask = slots_.size() - 1;
    size_t i = static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 40) & mask;
    while (slots_[i].keyed != 0 && (slots_[i].keyed & kKeyBits) != key) i = (i + 1) & mask;
    return i;
  }
  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& slot : old) {
      if (slot.keyed != 0) slots_[find(slot.keyed & kKeyBits)] = slot;
    }
  }
  std::vector<Slot> slots_ = std::vector<Slot>(1024);
  size_t used_ = 0;
};

// Fills `step` with where the trie goes from where it stands on c.
void taken(icu::UCharsTrie& trie, char32_t c, Step& step) {
  step.result = trie.next(static_cast<UChar32>(c));
  step.value = USTRINGTRIE_HAS_VALUE(step.result) ? trie.getValue() : 0;
  step.state = step.result == USTRINGTRIE_NO_MATCH ? 0 : trie.getState64();
}

Steps& steps() {
  static thread_local Steps table;
  return table;
}

Step firstStep(icu::UCharsTrie& trie, char32_t c) {
  return steps().at(firstKey(c), [&](Step& step) {
    trie.reset();
    taken(trie, c, step);
  });
}

// The step on d after the first step on c (which goes on).
Step secondStep(icu::UCharsTrie& trie, const Step& first, char32_t c, char32_t d) {
  return steps().at(secondKey(c, d), [&](Step& step) {
    trie.resetToState64(first.state);
    taken(trie, d, step);
  });
}

}  // namespace

bool available() { return dictionaryTrie() != nullptr; }

size_t keptSteps() { return steps().kept(); }

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
  // A position's words: one at most of each length up to kMaxWordUnits (the character alone, as
  // a word or unknown, among them).
  struct {
    Match items[kMaxWordUnits];
    size_t size = 0;
    void push_back(Match m) { items[size++] = m; }
    const Match* begin() const { return items; }
    const Match* end() const { return items + size; }
  } matches;
  best.assign(n + 1, kUnreached);
  prev.assign(n + 1, 0);
  best[0] = 0;
  icu::UCharsTrie trie(dictionaryTrie());
  for (size_t i = 0; i < n; ++i) {
    matches.size = 0;
    const Step first = firstStep(trie, run[i]);
    UStringTrieResult result = first.result;
    if (USTRINGTRIE_HAS_VALUE(result)) matches.push_back({1, static_cast<uint32_t>(first.value)});
    int32_t units = U16_LENGTH(run[i]);  // ICU limits words in UTF-16 units
    if (USTRINGTRIE_MATCHES(result) && result != USTRINGTRIE_FINAL_VALUE && units < kMaxWordUnits) {
      for (size_t k = i + 1; k < n; ++k) {
        const UChar32 c = static_cast<UChar32>(run[k]);
        int32_t value = 0;
        if (k == i + 1) {
          const Step second = secondStep(trie, first, run[i], run[k]);
          result = second.result;
          value = second.value;
          if (USTRINGTRIE_MATCHES(result) && result != USTRINGTRIE_FINAL_VALUE) trie.resetToState64(second.state);
        } else {
          result = trie.next(c);
          if (USTRINGTRIE_HAS_VALUE(result)) value = trie.getValue();
        }
        units += U16_LENGTH(c);
        if (USTRINGTRIE_HAS_VALUE(result)) {
          matches.push_back({static_cast<int32_t>(k - i + 1), static_cast<uint32_t>(value)});
          if (result == USTRINGTRIE_FINAL_VALUE) break;
        } else if (result == USTRINGTRIE_NO_MATCH) {
          break;
        }
        if (units >= kMaxWordUnits) break;
      }
    }
    if (matches.size == 0 || matches.items[0].codePoints != 1) matches.push_back({1, kUnknownCharCost});
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
