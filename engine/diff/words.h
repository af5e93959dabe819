// Word-level differences of Chinese text: words from ICU's dictionary word breaker, a Myers
// diff over them, and a semantic clean-up so that changes read as phrases
// ("职业教育活动周" → "全民终身学习活动周", not scattered characters).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace notice {

std::vector<std::string> words(const std::string& text);

// Whether `text` may be cut at byte `at` without changing its words: words(text) is then the
// words of text[0, at) followed by those of text[at, end). True next to a punctuation mark,
// symbol or space that the word rules always break around (not inside a character, a number
// such as 1，000 or a run of Han, which the dictionary segments as a whole).
bool cutsBetweenWords(std::string_view text, size_t at);

struct WordEdit {
  enum class Op { kEqual, kDelete, kInsert } op;
  std::string text;  // the words of the run, joined
};

// Runs of equal, deleted and inserted text turning `a` into `b`.
std::vector<WordEdit> diffWords(const std::string& a, const std::string& b);

// A text's character bigrams, sorted, for comparing one text with many.
struct Bigrams {
  std::vector<uint64_t> grams;
  bool empty() const { return grams.empty(); }
};
Bigrams bigrams(const std::string& text);

// Similarity of two texts in [0, 1]: Dice coefficient over character bigrams (1 for equal
// texts, 0 when either has fewer than two characters and they differ).
double similarity(const Bigrams& a, const Bigrams& b);
double similarity(const std::string& a, const std::string& b);

}  // namespace notice
