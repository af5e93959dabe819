#include "grammar/tag_table.h"

namespace notice {

TagTable::TagTable(const Grammar& grammar, const std::string& table) {
  for (const auto& row : grammar.table(table)) {
    if (row.size() < 2) continue;
    auto re = std::make_unique<RE2>(row[1], RE2::Quiet);
    if (re->ok()) rows_.emplace_back(row[0], std::move(re));
  }
}

std::optional<std::string> TagTable::first(const std::string& text) const {
  for (const auto& [tag, re] : rows_) {
    if (RE2::PartialMatch(text, *re)) return tag;
  }
  return std::nullopt;
}

std::set<std::string> TagTable::all(const std::string& text) const {
  std::set<std::string> tags;
  for (const auto& [tag, re] : rows_) {
    if (RE2::PartialMatch(text, *re)) tags.insert(tag);
  }
  return tags;
}

}  // namespace notice
