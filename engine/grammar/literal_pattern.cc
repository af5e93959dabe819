#include "grammar/literal_pattern.h"

#include "core/utf8.h"

namespace notice {
namespace {

// RE2's metacharacters: text holding none of them stands for itself.
bool hasMeta(std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '\\': case '.': case '+': case '*': case '?': case '(': case ')': case '[': case ']': case '{': case '}':
      case '|': case '^': case '$':
        return true;
      default:
        break;
    }
  }
  return false;
}

// Calls each(piece) for the pieces of `pattern` between the `|` outside parentheses, in order;
// false when the parentheses do not pair up or `each` says false.
template <typename Each>
bool forEachTopLevelAlternative(std::string_view pattern, Each each) {
  int depth = 0;
  size_t from = 0;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      ++i;  // an escaped character is no bracket or bar
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (--depth < 0) return false;
    } else if (c == '|' && depth == 0) {
      if (!each(pattern.substr(from, i - from))) return false;
      from = i + 1;
    }
  }
  return depth == 0 && each(pattern.substr(from));
}

// The alternatives of `pattern`, appended to `out` (when there is one: without, only whether it
// has that form).
bool appendAlternatives(std::string_view pattern, bool inGroup, std::vector<LiteralAlternative>* out) {
  return forEachTopLevelAlternative(pattern, [&](std::string_view piece) {
    if (!inGroup && piece.size() >= 4 && piece.substr(0, 3) == "(?:" && piece.back() == ')') {
      return appendAlternatives(piece.substr(3, piece.size() - 4), true, out);
    }
    const bool atEnd = !piece.empty() && piece.back() == '$';
    if (atEnd) piece.remove_suffix(1);
    if (hasMeta(piece)) return false;
    if (out != nullptr) out->push_back({std::string(piece), atEnd});
    return true;
  });
}

}  // namespace

std::optional<std::vector<LiteralAlternative>> literalAlternatives(std::string_view pattern) {
  std::vector<LiteralAlternative> out;
  if (!appendAlternatives(pattern, false, &out)) return std::nullopt;
  return out;
}

bool isLiteralAlternatives(std::string_view pattern) { return appendAlternatives(pattern, false, nullptr); }

bool occursIn(const std::vector<LiteralAlternative>& alternatives, std::string_view text) {
  for (const auto& a : alternatives) {
    if (a.atEnd ? utf8::endsWith(text, a.text) : text.find(a.text) != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace notice
