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

}  // namespace notice
