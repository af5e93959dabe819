// The record's format and version: the value of its "schema" key (schema/notice-1.schema.json).
#pragma once

namespace notice {

inline constexpr const char* kRecordSchema = "notice/1";

}  // namespace notice
