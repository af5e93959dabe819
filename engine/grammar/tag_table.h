// A grammar table whose rows are `tag <TAB> RE2 pattern` (agencies.tsv: role and name pattern;
// duties.tsv: kind of duty and wording), asked which tags a text carries. Rows are tried in file
// order, so specific rows go first. The patterns are the ones Grammar::load checked (a table
// registered in grammar/rules.h as "tag pattern:re2"): one of literal text joined by `|` is
// searched for as text (grammar/literal_pattern.h), any other is the grammar's compiled pattern,
// shared, not copied.
#pragma once

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "grammar/grammar.h"
#include "grammar/literal_pattern.h"

namespace notice {

class TagTable {
 public:
  TagTable(const Grammar& grammar, const std::string& table);
  // The tag of the first row whose pattern occurs in `text`.
  std::optional<std::string> first(const std::string& text) const;
  // The tags of every row whose pattern occurs in `text`.
  std::set<std::string> all(const std::string& text) const;

 private:
  struct Row {
    std::string tag;
    std::optional<std::vector<LiteralAlternative>> literals;
    std::shared_ptr<const RE2> re;  // when the pattern is not literal text
  };
  static bool matches(const Row& row, const std::string& text);

  std::vector<Row> rows_;
};

}  // namespace notice
