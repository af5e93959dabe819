// Comparison of two notice records (spec: "Comparison output").
//
// diffRecords(a, b) gives:
//   {"schema": "notice-diff/1",
//    "old": {file, doc_number, title}, "new": {…},
//    "fields":   [{path, op: added|removed|changed, old, new, shift_days?}],
//    "issuers_by_role": [{role, op: same|added|removed|renamed, old: [names], new: [names]}],
//    "recipients_by_role": [the same for the 主送 list],
//    "sections": [{op: matched|renumbered|moved|split|merged|added|removed,
//                  old: {number, title} | null, new: {…} | null, similarity}],
//    "text":     [{old_number, new_number, title, edits: [{op: equal|delete|insert, text, moved?}]}]}
// (schema/notice-diff-1.schema.json). Lists are compared item by item; themes and periods are
// matched by event, deadlines by duty (grammars/duties.tsv) and activity, sections by content,
// not by number. A record out of shape (model/record_shape.h) is an error (kBadRecord), not a crash.
#pragma once

#include <array>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "diff/record_shape.h"
#include "grammar/grammar.h"

namespace notice {

// The keys of a record that neither diffRecords nor compareSeries reads (tables, embedded
// notices, warnings): a record read to be compared may be read without them. The test
// Diff.KeysNotComparedChangeNoComparison holds this list to what the comparisons read.
inline constexpr std::array<std::string_view, 3> kKeysNotCompared = {"embedded", "tables", "warnings"};

Result<nlohmann::json> diffRecords(const nlohmann::json& a, const nlohmann::json& b, const Grammar& grammar);
// The same for records already checked, which are not checked again.
Result<nlohmann::json> diffRecords(const ShapedRecord& a, const ShapedRecord& b, const Grammar& grammar);

// One row per notice of a series with the key fields, and the fields that changed against the
// row before: {"schema": "notice-series/1", "columns": [...], "rows": [{values…, "changed": [...]}]}.
Result<nlohmann::json> compareSeries(const std::vector<nlohmann::json>& records, const Grammar& grammar);
Result<nlohmann::json> compareSeries(const std::vector<ShapedRecord>& records, const Grammar& grammar);

}  // namespace notice
