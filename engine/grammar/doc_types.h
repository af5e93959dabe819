// The 文种 a text ends with (grammars/doc_types.txt, longest first): the one test that the
// layout, normalize, segment and fields stages all make of a title.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "grammar/grammar.h"

namespace notice {

std::optional<std::string> docTypeAtEnd(std::string_view text, const Grammar& grammar);
inline bool endsWithDocType(std::string_view text, const Grammar& grammar) {
  return docTypeAtEnd(text, grammar).has_value();
}
// Whether a text ends as a title does: in a 文种, or in one followed by a short note in brackets
// ("…的通知（暂行）", grammars/structure.re2 title_note).
bool endsAsTitle(std::string_view text, const Grammar& grammar);

}  // namespace notice
