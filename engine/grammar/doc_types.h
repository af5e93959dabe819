// How a title ends: in a 文种 (grammars/doc_types.txt, longest first), the record's doc_type, or
// in the kind of a document that notices issue (grammars/document_kinds.txt: 办法, 方案 …),
// published on its own. Either ends a title: the one test that the layout, normalize, segment
// and fields stages all make of one.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "grammar/grammar.h"

namespace notice {

std::optional<std::string> docTypeAtEnd(std::string_view text, const Grammar& grammar);
std::optional<std::string> documentKindAtEnd(std::string_view text, const Grammar& grammar);
inline bool endsLikeATitle(std::string_view text, const Grammar& grammar) {
  return docTypeAtEnd(text, grammar).has_value() || documentKindAtEnd(text, grammar).has_value();
}

}  // namespace notice
