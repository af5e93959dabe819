// Word-level differences of Chinese text: words from ICU's dictionary word breaker, a Myers
// diff over them, and a semantic clean-up so that changes read as phrases
// ("职业教育活动周" → "全民终身学习活动周", not scattered characters).
#pragma once

#include <string>
#include <vector>

namespace notice {

std::vector<std::string> words(const std::string& text);

struct WordEdit {
  enum class Op { kEqual, kDelete, kInsert } op;
  std::string text;  // the words of the run, joined
};

// Runs of equal, deleted and inserted text turning `a` into `b`.
std::vector<WordEdit> diffWords(const std::string& a, const std::string& b);

// Similarity of two texts in [0, 1]: Dice coefficient over character bigrams.
double similarity(const std::string& a, const std::string& b);

}  // namespace notice
