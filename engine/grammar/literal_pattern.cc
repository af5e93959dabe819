#include "grammar/literal_pattern.h"

#include "core/utf8.h"

namespace notice {
namespace {

// RE2's metacharacters: text holding none of them stands for itself.
constexpr std::string_view kMeta = "\\.+*?()[]{}|^$";

// The pieces of `pattern` between the `|` outside parentheses; nullopt when the parentheses do
// not pair up.
std::optional<std::vector<std::string_view>> topLevelAlternatives(std::string_view pattern) {
  std::vector<std::string_view> out;
  int depth = 0;
  size_t from = 0;
  for (size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '\\') {
      ++i;  // an escaped character is no bracket or bar
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (--depth < 0) return std::nullopt;
    } else if (c == '|' && depth == 0) {
      out.push_back(pattern.substr(from, i - from));
      from = i + 1;
    }
  }
  if (depth != 0) return std::nullopt;
  out.push_back(pattern.substr(from));
  return out;
}

bool appendAlternatives(std::string_view pattern, bool inGroup, std::vector<LiteralAlternative>& out) {
  auto pieces = topLevelAlternatives(pattern);
  if (!pieces) return false;
  for (std::string_view piece : *pieces) {
    if (!inGroup && piece.size() >= 4 && piece.substr(0, 3) == "(?:" && piece.back() == ')') {
      if (!appendAlternatives(piece.substr(3, piece.size() - 4), true, out)) return false;
      continue;
    }
    LiteralAlternative alternative;
    if (!piece.empty() && piece.back() == '$') {
      alternative.atEnd = true;
      piece.remove_suffix(1);
    }
    if (piece.find_first_of(kMeta) != std::string_view::npos) return false;
    alternative.text = std::string(piece);
    out.push_back(std::move(alternative));
  }
  return true;
}

}  // namespace

std::optional<std::vector<LiteralAlternative>> literalAlternatives(std::string_view pattern) {
  std::vector<LiteralAlternative> out;
  if (!appendAlternatives(pattern, false, out)) return std::nullopt;
  return out;
}

bool occursIn(const std::vector<LiteralAlternative>& alternatives, std::string_view text) {
  for (const auto& a : alternatives) {
    if (a.atEnd ? utf8::endsWith(text, a.text) : text.find(a.text) != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace notice
