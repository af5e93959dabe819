#include "grammar/tag_table.h"

#include <cstdio>

namespace notice {

TagTable::TagTable(const Grammar& grammar, const std::string& table) {
  const auto& rows = grammar.table(table);
  for (size_t i = 0; i < rows.size(); ++i) {
    if (rows[i].size() < 2) continue;
    if (auto literals = literalAlternatives(rows[i][1])) {
      rows_.push_back({rows[i][0], std::move(literals), nullptr});
      continue;
    }
    std::shared_ptr<const RE2> re = grammar.tablePattern(table, i, 1);
    if (!re) {
      // A table not registered with a pattern column: compiled here, a bad row said, not dropped silently.
      auto own = std::make_shared<const RE2>(rows[i][1], RE2::Quiet);
      if (!own->ok()) {
        std::fprintf(stderr, "notice: %s.tsv row %zu: bad pattern skipped: %s\n", table.c_str(), i + 1,
                     own->error().c_str());
        continue;
      }
      re = std::move(own);
    }
    rows_.push_back({rows[i][0], std::nullopt, std::move(re)});
  }
}

bool TagTable::matches(const Row& row, const std::string& text) {
  return row.literals ? occursIn(*row.literals, text) : RE2::PartialMatch(text, *row.re);
}

std::optional<std::string> TagTable::first(const std::string& text) const {
  for (const auto& row : rows_) {
    if (matches(row, text)) return row.tag;
  }
  return std::nullopt;
}

std::set<std::string> TagTable::all(const std::string& text) const {
  std::set<std::string> tags;
  for (const auto& row : rows_) {
    if (matches(row, text)) tags.insert(row.tag);
  }
  return tags;
}

}  // namespace notice
