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

// Myers' O(ND) shortest edit script over word ids. Only the diagonals reachable at step d
// (k in [-d, d]) are kept for the backtrack, so memory is O(D²) rather than O(D·(N+M)).
std::vector<Op> myers(const std::vector<int>& a, const std::vector<int>& b) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size()), max = n + m;
  std::vector<int> v(2 * static_cast<size_t>(max) + 2, 0);
  std::vector<std::vector<int>> trace;  // trace[d][k + d] = v[k] before step d
  int dFound = -1;
  for (int d = 0; d <= max && dFound < 0; ++d) {
    trace.emplace_back(v.begin() + (max - d), v.begin() + (max + d + 1));
    for (int k = -d; k <= d; k += 2) {
      int x = (k == -d || (k != d && v[k - 1 + max] < v[k + 1 + max])) ? v[k + 1 + max] : v[k - 1 + max] + 1;
      int y = x - k;
      while (x < n && y < m && a[x] == b[y]) { ++x; ++y; }
      v[k + max] = x;
      if (x >= n && y >= m) { dFound = d; break; }
    }
  }
  std::vector<Op> ops;
  int x = n, y = m;
  for (int d = dFound; d > 0; --d) {
    const std::vector<int>& pv = trace[d];
    auto at = [&](int k) { return pv[k + d]; };
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

}  // namespace

std::vector<WordEdit> diffWords(const std::string& a, const std::string& b) {
  std::vector<std::string> wa = words(a), wb = words(b);
  // Words as small integers, so that the diff compares numbers, not strings.
  std::map<std::string, int> ids;
  auto idsOf = [&](const std::vector<std::string>& ws) {
    std::vector<int> out;
    out.reserve(ws.size());
    for (const auto& w : ws) out.push_back(ids.emplace(w, static_cast<int>(ids.size())).first->second);
    return out;
  };
  std::vector<int> ia = idsOf(wa), ib = idsOf(wb);
  // The common head and tail need no search.
  size_t head = 0;
  while (head < ia.size() && head < ib.size() && ia[head] == ib[head]) ++head;
  size_t tail = 0;
  while (tail < ia.size() - head && tail < ib.size() - head && ia[ia.size() - 1 - tail] == ib[ib.size() - 1 - tail]) ++tail;
  std::vector<Op> ops(head, Op::kEqual);
  auto middle = myers(std::vector<int>(ia.begin() + static_cast<long>(head), ia.end() - static_cast<long>(tail)),
                      std::vector<int>(ib.begin() + static_cast<long>(head), ib.end() - static_cast<long>(tail)));
  ops.insert(ops.end(), middle.begin(), middle.end());
  ops.insert(ops.end(), tail, Op::kEqual);

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
  for (auto& block : blocks) {
    if (block.equal) {
      runs.push_back({Op::kEqual, std::move(block.text)});
      continue;
    }
    if (!block.text.empty()) runs.push_back({Op::kDelete, std::move(block.text)});
    if (!block.inserted.empty()) runs.push_back({Op::kInsert, std::move(block.inserted)});
  }
  return runs;
}

Bigrams bigrams(const std::string& text) {
  std::u32string u = utf8::decode(text);
  Bigrams out;
  if (u.size() < 2) return out;
  out.grams.reserve(u.size() - 1);
  for (size_t i = 0; i + 1 < u.size(); ++i) out.grams.push_back(static_cast<uint64_t>(u[i]) << 32 | u[i + 1]);
  std::sort(out.grams.begin(), out.grams.end());
  return out;
}

double similarity(const Bigrams& a, const Bigrams& b) {
  if (a.empty() || b.empty()) return 0.0;
  size_t common = 0, i = 0, j = 0;
  while (i < a.grams.size() && j < b.grams.size()) {
    if (a.grams[i] < b.grams[j]) ++i;
    else if (b.grams[j] < a.grams[i]) ++j;
    else ++common, ++i, ++j;
  }
  return 2.0 * static_cast<double>(common) / static_cast<double>(a.grams.size() + b.grams.size());
}

double similarity(const std::string& a, const std::string& b) {
  if (a == b) return 1.0;
  return similarity(bigrams(a), bigrams(b));
}

}  // namespace notice
