// The kinds of duty a deadline asks for (方案, 总结, 统计表, …) from grammars/duties.tsv, so that
// a deadline is matched to its counterpart in another notice by what is due, not by position.
#pragma once

#include <set>
#include <string>

#include "grammar/tag_table.h"

namespace notice {

class DutyKinds {
 public:
  explicit DutyKinds(const Grammar& grammar) : table_(grammar, "duties") {}
  // Every kind whose pattern occurs in `action`; empty when none does.
  std::set<std::string> of(const std::string& action) const { return table_.all(action); }
  // How alike two deadlines' duties are, in [0, 1]: the overlap of their kinds where both have
  // some (against the smaller set, so "总结" is in "统计表及总结"), weighed with the likeness of
  // their wording.
  double likeness(const std::string& actionA, const std::string& actionB) const;

 private:
  TagTable table_;
};

}  // namespace notice
