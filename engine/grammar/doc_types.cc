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

bool endsAsTitle(std::string_view text, const Grammar& g) {
  if (endsLikeATitle(text, g)) return true;
  re2::StringPiece in(text.data(), text.size()), note;
  if (!g.re("structure.title_note").Match(in, 0, in.size(), RE2::UNANCHORED, &note, 1)) return false;
  return endsLikeATitle(text.substr(0, static_cast<size_t>(note.data() - text.data())), g);
}

}  // namespace notice
