#include "core/json_text.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include <simdjson.h>

namespace notice {
namespace {

using nlohmann::json;
namespace dom = simdjson::dom;

// A value of simdjson's document as nlohmann's parser would have made it: a non-negative integer
// is unsigned, and of a key given twice the last value is kept; an object's keys `leftOut` are
// left out (the top level's only: its members are converted with none). Recursion is bounded by
// simdjson's depth limit.
json converted(dom::element e, std::span<const std::string_view> leftOut = {}) {
  switch (e.type()) {
    case dom::element_type::OBJECT: {
      json out(json::value_t::object);
      auto& members = out.get_ref<json::object_t&>();
      dom::object object = e.get_object().value_unsafe();
      for (dom::key_value_pair member : object) {
        if (!leftOut.empty() && std::find(leftOut.begin(), leftOut.end(), member.key) != leftOut.end()) continue;
        members.insert_or_assign(std::string(member.key), converted(member.value));
      }
      return out;
    }
    case dom::element_type::ARRAY: {
      json out(json::value_t::array);
      auto& items = out.get_ref<json::array_t&>();
      dom::array array = e.get_array().value_unsafe();
      items.reserve(array.size());
      for (dom::element item : array) items.push_back(converted(item));
      return out;
    }
    case dom::element_type::INT64: {
      const int64_t i = e.get_int64().value_unsafe();
      return i >= 0 ? json(static_cast<uint64_t>(i)) : json(i);
    }
    case dom::element_type::UINT64: return json(e.get_uint64().value_unsafe());
    case dom::element_type::DOUBLE: return json(e.get_double().value_unsafe());
    case dom::element_type::STRING: return json(std::string(e.get_string().value_unsafe()));
    case dom::element_type::BOOL: return json(e.get_bool().value_unsafe());
    case dom::element_type::NULL_VALUE: break;
  }
  return json(nullptr);
}

}  // namespace

static_assert(kJsonPadding >= simdjson::SIMDJSON_PADDING);

json parseJson(std::string_view text) {
  dom::parser parser;
  dom::element root;
  if (parser.parse(text.data(), text.size()).get(root) == simdjson::SUCCESS) return converted(root);
  return json::parse(text.begin(), text.end(), nullptr, false);
}

json parseJson(std::string& text, std::span<const std::string_view> leftOut) {
  // simdjson reads up to its padding past the end: bytes of the string's own, set, and taken
  // off again after.
  const size_t size = text.size();
  text.resize(size + kJsonPadding, ' ');
  dom::parser parser;
  dom::element root;
  const bool read = parser.parse(text.data(), size, false).get(root) == simdjson::SUCCESS;
  text.resize(size);
  if (read) return converted(root, leftOut);
  json out = json::parse(text.begin(), text.end(), nullptr, false);
  if (out.is_object()) {
    for (std::string_view key : leftOut) out.erase(std::string(key));
  }
  return out;
}

}  // namespace notice
