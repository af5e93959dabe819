// Whether a JSON document has the shape of a notice/1 record where the comparison reads it: a
// record stored by `notice parse` and then edited by hand, or written by another tool, must not
// bring `notice diff` down. Keys may be missing (older or partial records); a key present must
// hold what schema/notice-1.schema.json says it holds.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/status.h"

namespace notice {

// Empty when the record is usable, else where it is not: "themes/2/theme: expected text or null".
std::optional<std::string> recordShapeError(const nlohmann::json& record);

// A record that recordShapeError has passed, kept as it is: what the comparison takes without
// walking it again (the check is a walk of the whole record, a fifth of reading it).
class ShapedRecord {
 public:
  // The record, or kBadRecord with recordShapeError's text ("themes/2/theme: expected …").
  static Result<ShapedRecord> of(nlohmann::json record);
  const nlohmann::json& record() const { return record_; }

 private:
  explicit ShapedRecord(nlohmann::json record) : record_(std::move(record)) {}
  nlohmann::json record_;
};

}  // namespace notice
