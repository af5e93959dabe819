// The role of an issuing body (教育, 网信, 人社, …) from grammars/agencies.tsv, so that
// "省人社厅" and "山西省人力资源和社会保障厅" are one body and lists line up across provinces.
#pragma once

#include <optional>
#include <string>

#include "grammar/tag_table.h"

namespace notice {

class RoleRegistry {
 public:
  explicit RoleRegistry(const Grammar& grammar) : table_(grammar, "agencies") {}
  // The role of a body's name, or nullopt when no row matches.
  std::optional<std::string> roleOf(const std::string& body) const { return table_.first(body); }

 private:
  TagTable table_;
};

}  // namespace notice
