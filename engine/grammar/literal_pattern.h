// A pattern that is only literal text joined by `|`, as most cells of the grammars' tables are
// (lists of names and words), read as its alternatives so that it is found by a plain search.
// RE2 builds its automaton state by state as a text first needs them, which is most of its cost
// in a command that matches a few dozen short names once.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace notice {

struct LiteralAlternative {
  std::string text;
  bool atEnd = false;  // written with `$`: found only at the end of the text
};

// The alternatives of `pattern` when each is literal text, ending in `$` or not (a group `(?:…)`
// of such alternatives counts as its alternatives); nullopt for any other pattern.
std::optional<std::vector<LiteralAlternative>> literalAlternatives(std::string_view pattern);
// Whether literalAlternatives(pattern) has a value, without making it.
bool isLiteralAlternatives(std::string_view pattern);

// Whether one of the alternatives occurs in `text`: what an unanchored RE2 search for the
// pattern finds.
bool occursIn(const std::vector<LiteralAlternative>& alternatives, std::string_view text);

}  // namespace notice
