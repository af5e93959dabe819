#include "diff/record_shape.h"

#include "core/record_bounds.h"

#include <functional>
#include <map>
#include <memory>
#include <utility>
#include <vector>

namespace notice {
namespace {

using nlohmann::json;
// A check of one value: empty when it fits, else what was expected.
using Check = std::function<std::optional<std::string>(const json&, const RecordPath& at)>;

std::optional<std::string> fail(const RecordPath& at, const char* expected) { return at.str() + ": expected " + expected; }

Check textOrNull() {
  return [](const json& v, const RecordPath& at) { return v.is_string() || v.is_null() ? std::nullopt : fail(at, "text or null"); };
}
Check intOrNull() {
  return [](const json& v, const RecordPath& at) {
    return v.is_number_integer() || v.is_null() ? std::nullopt : fail(at, "a whole number or null");
  };
}
// Whether `v` is a list whose items fit `item`.
std::optional<std::string> eachItem(const json& v, const RecordPath& at, const Check& item) {
  if (!v.is_array()) return fail(at, "a list");
  for (size_t i = 0; i < v.size(); ++i) {
    if (auto e = item(v[i], RecordPath{&at, nullptr, i})) return e;
  }
  return std::nullopt;
}
Check listOf(Check item) {
  return [item = std::move(item)](const json& v, const RecordPath& at) { return eachItem(v, at, item); };
}
Check text() {
  return [](const json& v, const RecordPath& at) { return v.is_string() ? std::nullopt : fail(at, "text"); };
}
// An object whose listed keys, where present, fit their checks; `orNull` lets the whole be null.
Check object(std::map<std::string, Check> keys, bool orNull = false) {
  return [keys = std::move(keys), orNull](const json& v, const RecordPath& at) -> std::optional<std::string> {
    if (orNull && v.is_null()) return std::nullopt;
    if (!v.is_object()) return fail(at, orNull ? "an object or null" : "an object");
    for (const auto& [key, check] : keys) {
      if (auto it = v.find(key); it != v.end()) {
        if (auto e = check(*it, RecordPath{&at, &key, 0})) return e;
      }
    }
    return std::nullopt;
  };
}

Check section() {
  // Sections nest: the check refers to itself. The returned check owns it; the reference
  // inside is weak, so that the two do not keep each other alive (a leak, audit F14).
  auto self = std::make_shared<Check>();
  std::weak_ptr<Check> inner = self;
  *self = object({{"number", text()},
                  {"title", text()},
                  {"children", [inner](const json& v, const RecordPath& at) { return eachItem(v, at, *inner.lock()); }}});
  return [self](const json& v, const RecordPath& at) { return (*self)(v, at); };
}

const Check& recordCheck() {
  static const Check check = object({
      {"title", textOrNull()},
      {"doc_type", textOrNull()},
      {"province", textOrNull()},
      {"issue_date", textOrNull()},
      {"publicity", textOrNull()},
      {"text", textOrNull()},
      {"year", intOrNull()},
      {"issuer_count", intOrNull()},
      {"doc_number", object({{"text", text()}, {"prefix", textOrNull()}, {"year", intOrNull()}, {"serial", intOrNull()}}, true)},
      {"printed", object({{"org", textOrNull()}, {"date", textOrNull()}}, true)},
      {"issuer_mark", listOf(text())},
      {"issuers", listOf(text())},
      {"recipients", listOf(text())},
      {"cc", listOf(text())},
      {"themes", listOf(object({{"event", textOrNull()}, {"theme", textOrNull()}}))},
      {"event_periods", listOf(object({{"event", textOrNull()}, {"start", textOrNull()}, {"end", textOrNull()}}))},
      {"deadlines", listOf(object({{"date", textOrNull()}, {"action", textOrNull()}, {"text", textOrNull()},
                                   {"relative", textOrNull()}}))},
      {"contacts", listOf(object({{"name", textOrNull()}, {"org", textOrNull()}, {"phones", listOf(text())},
                                  {"emails", listOf(text())}}))},
      {"attachments", listOf(object({{"index", intOrNull()}, {"title", textOrNull()}}))},
      {"references", listOf(object({{"title", textOrNull()}, {"doc_number", textOrNull()}}))},
      {"sections", listOf(section())},
      {"tables", listOf(object({{"caption", textOrNull()}, {"header", listOf(text())}, {"rows", listOf(listOf(text()))}}))},
      {"source", object({{"file", text()}})},
      {"provenance", [](const json& v, const RecordPath& at) -> std::optional<std::string> {
         if (!v.is_object()) return fail(at, "an object");
         for (auto it = v.begin(); it != v.end(); ++it) {
           const json& p = it.value();
           const json* chars = p.is_object() && p.contains("chars") ? &p["chars"] : nullptr;
           if (!chars || !chars->is_array() || chars->size() != 2 || !(*chars)[0].is_number_unsigned() ||
               !(*chars)[1].is_number_unsigned() || (*chars)[0] > (*chars)[1]) {
             return fail(RecordPath{&at, &it.key(), 0}, "{\"chars\": [begin, end]}");
           }
         }
         return std::nullopt;
       }},
  });
  return check;
}

}  // namespace

std::optional<std::string> recordShapeError(const json& record) {
  // Bounds first, without recursion: the checks below recurse, and a hostile record of 30,000
  // levels would overflow the stack (F04); a list of millions would cost minutes.
  if (auto e = recordBoundsError(record)) return e;
  return recordCheck()(record, RecordPath{});
}

Result<ShapedRecord> ShapedRecord::of(nlohmann::json record) {
  if (auto wrong = recordShapeError(record)) return Error{ErrorCode::kBadRecord, *wrong};
  return ShapedRecord(std::move(record));
}

}  // namespace notice
