#include "model/duplicates.h"

namespace notice {

std::optional<Duplicate> DuplicateIndex::add(const Notice& record, const std::string& name) {
  if (!record.source.sha256.empty()) {
    auto [it, fresh] = bySha256_.emplace(record.source.sha256, name);
    if (!fresh) return Duplicate{Duplicate::Kind::kSameFile, it->second};
  }
  if (record.doc_number) {
    auto [it, fresh] = byDocNumber_.emplace(record.doc_number->text, name);
    if (!fresh) return Duplicate{Duplicate::Kind::kSameDocNumber, it->second};
  }
  return std::nullopt;
}

}  // namespace notice
