#include "model/duplicates.h"

namespace notice {

std::optional<Duplicate> DuplicateIndex::add(const nlohmann::json& record, const std::string& name) {
  std::string sha = record.contains("source") ? record["source"].value("sha256", "") : "";
  if (!sha.empty()) {
    auto [it, fresh] = bySha256_.emplace(sha, name);
    if (!fresh) return Duplicate{Duplicate::Kind::kSameFile, it->second};
  }
  const auto& dn = record.contains("doc_number") ? record["doc_number"] : nlohmann::json();
  if (dn.is_object() && dn["text"].is_string()) {
    auto [it, fresh] = byDocNumber_.emplace(dn["text"].get<std::string>(), name);
    if (!fresh) return Duplicate{Duplicate::Kind::kSameDocNumber, it->second};
  }
  return std::nullopt;
}

}  // namespace notice
