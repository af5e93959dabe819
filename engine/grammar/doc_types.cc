#include "grammar/doc_types.h"

#include "core/utf8.h"

namespace notice {

std::optional<std::string> docTypeAtEnd(std::string_view text, const Grammar& g) {
  for (const auto& t : g.list("doc_types")) {
    if (utf8::endsWith(text, t)) return t;
  }
  return std::nullopt;
}

std::optional<std::string> documentKindAtEnd(std::string_view text, const Grammar& g) {
  for (const auto& t : g.list("document_kinds")) {
    if (utf8::endsWith(text, t)) return t;
  }
  return std::nullopt;
}

}  // namespace notice
