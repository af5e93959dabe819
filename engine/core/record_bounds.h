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

// Empty when `record` keeps within the bounds, else where and what it exceeds:
// "/themes: 20000 items (a record holds at most 10000 in one list)". Found without recursion.
std::optional<std::string> recordBoundsError(const nlohmann::json& record, const RecordBounds& bounds = kRecordBounds);

// The same for a record's bytes before they are parsed.
std::optional<std::string> recordSizeError(size_t bytes, const RecordBounds& bounds = kRecordBounds);

}  // namespace notice
