#include "diff/words.h"

#include <algorithm>
#include <map>
#include <memory>

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include "core/utf8.h"

namespace notice {

std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  UErrorCode err = U_ZERO_ERROR;
  static thread_local std::unique_ptr<icu::BreakIterator> breaker(
      icu::BreakIterator::createWordInstance(icu::Locale("zh"), err));
  if (!breaker) {
    // No word breaker: fall back to characters, which still diff correctly.
    for (char32_t c : utf8::decode(text)) out.push_back(utf8::encode(std::u32string(1, c)));
    return out;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  breaker->setText(u);
  int32_t start = breaker->first();
  for (int32_t end = breaker->next(); end != icu::BreakIterator::DONE; start = end, end = breaker->next()) {
    std::string w;
    u.tempSubStringBetween(start, end).toUTF8String(w);
    out.push_back(std::move(w));
  }
  return out;
}

namespace {

using Op = WordEdit::Op;

// Myers' O(ND) shortest edit script over word sequences.
std::vector<std::pair<Op, std::string>> myers(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size()), max = n + m;
  std::vector<int> v(2 * max + 2, 0);
  std::vector<std::vector<int>> trace;
  int dFound = -1;
  for (int d = 0; d <= max && dFound < 0; ++d) {
    trace.push_back(v);
    for (int k = -d; k <= d; k += 2) {
      int x = (k == -d || (k != d && v[k - 1 + max] < v[k + 1 + max])) ? v[k + 1 + max] : v[k - 1 + max] + 1;
      int y = x - k;
      while (x < n && y < m && a[x] == b[y]) { ++x; ++y; }
      v[k + max] = x;
      if (x >= n && y >= m) { dFound = d; break; }
    }
  }
  std::vector<std::pair<Op, std::string>> edits;
  int x = n, y = m;
  for (int d = dFound; d > 0; --d) {
    const std::vector<int>& pv = trace[d];
    int k = x - y;
    int prevK = (k == -d || (k != d && pv[k - 1 + max] < pv[k + 1 + max])) ? k + 1 : k - 1;
    int prevX = pv[prevK + max], prevY = prevX - prevK;
    while (x > prevX && y > prevY) edits.push_back({Op::kEqual, a[--x]}), --y;
    if (x == prevX) edits.push_back({Op::kInsert, b[--y]});
    else edits.push_back({Op::kDelete, a[--x]});
  }
  while (x > 0 && y > 0) edits.push_back({Op::kEqual, a[--x]}), --y;
  std::reverse(edits.begin(), edits.end());
  return edits;
}

bool isPunctuationOnly(const std::string& s) {
  for (char32_t c : utf8::decode(s)) {
    if (utf8::isHan(c) || utf8::isAsciiAlnum(c)) return false;
  }
  return true;
}

}  // namespace

std::vector<WordEdit> diffWords(const std::string& a, const std::string& b) {
  auto edits = myers(words(a), words(b));
  // Runs of one kind.
  std::vector<WordEdit> runs;
  for (auto& [op, w] : edits) {
    if (!runs.empty() && runs.back().op == op) runs.back().text += w;
    else runs.push_back({op, w});
  }
  // Semantic clean-up: a short equal run (one or two characters, or punctuation) between two
  // changes is folded into them, so that a changed phrase reads as one deletion and one insertion.
  bool changed = true;
  while (changed) {
    changed = false;
    for (size_t i = 1; i + 1 < runs.size(); ++i) {
      if (runs[i].op != Op::kEqual || runs[i - 1].op == Op::kEqual || runs[i + 1].op == Op::kEqual) continue;
      if (utf8::codepointCount(runs[i].text) > 2 && !isPunctuationOnly(runs[i].text)) continue;
      std::string del, ins;
      size_t from = i - 1;
      while (from > 0 && runs[from - 1].op != Op::kEqual) --from;
      size_t to = i + 1;
      while (to + 1 < runs.size() && runs[to + 1].op != Op::kEqual) ++to;
      for (size_t k = from; k <= to; ++k) {
        if (runs[k].op != Op::kInsert) del += runs[k].text;
        if (runs[k].op != Op::kDelete) ins += runs[k].text;
      }
      std::vector<WordEdit> merged(runs.begin(), runs.begin() + static_cast<long>(from));
      merged.push_back({Op::kDelete, del});
      merged.push_back({Op::kInsert, ins});
      merged.insert(merged.end(), runs.begin() + static_cast<long>(to) + 1, runs.end());
      runs = std::move(merged);
      changed = true;
      break;
    }
  }
  return runs;
}

double similarity(const std::string& a, const std::string& b) {
  std::u32string x = utf8::decode(a), y = utf8::decode(b);
  if (x == y) return 1.0;
  if (x.size() < 2 || y.size() < 2) return 0.0;
  std::map<std::u32string, int> grams;
  for (size_t i = 0; i + 1 < x.size(); ++i) ++grams[x.substr(i, 2)];
  int common = 0;
  for (size_t i = 0; i + 1 < y.size(); ++i) {
    auto it = grams.find(y.substr(i, 2));
    if (it != grams.end() && it->second > 0) { --it->second; ++common; }
  }
  return 2.0 * common / static_cast<double>(x.size() - 1 + y.size() - 1);
}

}  // namespace notice
