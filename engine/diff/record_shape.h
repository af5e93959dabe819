// Whether a JSON document has the shape of a notice/1 record where the comparison reads it: a
// record stored by `notice parse` and then edited by hand, or written by another tool, must not
// bring `notice diff` down. Keys may be missing (older or partial records); a key present must
// hold what schema/notice-1.schema.json says it holds.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace notice {

// Empty when the record is usable, else where it is not: "themes/2/theme: expected text or null".
std::optional<std::string> recordShapeError(const nlohmann::json& record);

}  // namespace notice
