// Bounds of a notice/1 record that no real notice reaches, checked before a stored record is read
// (model/notice_record.h, diff/record_shape.h), so that a hand-edited or hostile record is refused
// with what it exceeds instead of costing minutes, gigabytes or the stack. A notice has tens of
// issuers, themes or sections, hundreds of table rows and provenance entries, tens of KiB of text.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace notice {

struct RecordBounds {
  size_t bytes = size_t{64} << 20;  // the record's JSON, before it is parsed
  size_t depth = 64;                // levels of nesting (sections in sections, embedded notices)
  size_t list_items = 10000;        // items of one list (issuers, themes, deadlines, rows …)
  size_t object_keys = 100000;      // keys of one object (provenance has one per value it places)
  size_t text_bytes = size_t{16} << 20;  // one string (the text: a text export's limit)
};

inline constexpr RecordBounds kRecordBounds{};

// Where a value is in a record: a key of an object or an item of a list, under its parent (null
// for the record itself). Checks pass one down and spell it out ("/sections/1/title") only for a
// message, not for each of the thousands of values a record holds.
struct RecordPath {
  const RecordPath* parent = nullptr;
  const std::string* key = nullptr;  // or null for a list item
  size_t index = 0;
  std::string str() const {  // "" for the record itself
    if (!parent) return "";
    return parent->str() + "/" + (key ? *key : std::to_string(index));
  }
};

// Empty when `record` keeps within the bounds, else where and what it exceeds:
// "/themes: 20000 items (a record holds at most 10000 in one list)". Found without recursion.
std::optional<std::string> recordBoundsError(const nlohmann::json& record, const RecordBounds& bounds = kRecordBounds);

// The same for a record's bytes before they are parsed.
std::optional<std::string> recordSizeError(size_t bytes, const RecordBounds& bounds = kRecordBounds);

}  // namespace notice
