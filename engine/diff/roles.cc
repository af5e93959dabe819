#include "diff/roles.h"

namespace notice {

RoleRegistry::RoleRegistry(const Grammar& grammar) {
  for (const auto& row : grammar.table("agencies")) {
    if (row.size() < 2) continue;
    auto re = std::make_unique<RE2>(row[1], RE2::Quiet);
    if (re->ok()) rows_.emplace_back(row[0], std::move(re));
  }
}

std::optional<std::string> RoleRegistry::roleOf(const std::string& body) const {
  for (const auto& [role, re] : rows_) {
    if (RE2::PartialMatch(body, *re)) return role;
  }
  return std::nullopt;
}

}  // namespace notice
