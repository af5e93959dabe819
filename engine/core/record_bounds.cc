#include "core/record_bounds.h"

#include <vector>

namespace notice {

using nlohmann::json;

std::optional<std::string> recordSizeError(size_t bytes, const RecordBounds& bounds) {
  if (bytes <= bounds.bytes) return std::nullopt;
  return std::to_string(bytes >> 20) + " MiB of JSON (a record is at most " + std::to_string(bounds.bytes >> 20) +
         " MiB; no notice needs so much)";
}

std::optional<std::string> recordBoundsError(const json& record, const RecordBounds& bounds) {
  struct Item {
    const json* v;
    size_t depth;
    std::string at;
  };
  auto where = [](const std::string& at) { return at.empty() ? std::string("/") : at; };
  auto tooLong = [&](const json& v, const std::string& at) -> std::optional<std::string> {
    if (!v.is_string() || v.get_ref<const std::string&>().size() <= bounds.text_bytes) return std::nullopt;
    return where(at) + ": text of " + std::to_string(v.get_ref<const std::string&>().size() >> 20) +
           " MiB (a record's text is at most " + std::to_string(bounds.text_bytes >> 20) + " MiB)";
  };
  if (auto e = tooLong(record, "")) return e;
  std::vector<Item> stack{{&record, 1, ""}};
  while (!stack.empty()) {
    Item item = std::move(stack.back());
    stack.pop_back();
    const json& v = *item.v;
    if (!v.is_structured()) continue;
    if (item.depth > bounds.depth) {
      return where(item.at) + ": nested deeper than " + std::to_string(bounds.depth) + " levels (no notice nests so deep)";
    }
    if (v.is_array() && v.size() > bounds.list_items) {
      return where(item.at) + ": " + std::to_string(v.size()) + " items (a record holds at most " +
             std::to_string(bounds.list_items) + " in one list)";
    }
    if (v.is_object() && v.size() > bounds.object_keys) {
      return where(item.at) + ": " + std::to_string(v.size()) + " keys (a record holds at most " +
             std::to_string(bounds.object_keys) + " in one object)";
    }
    auto visit = [&](const json& child, std::string at) -> std::optional<std::string> {
      if (auto e = tooLong(child, at)) return e;
      if (child.is_structured()) stack.push_back({&child, item.depth + 1, std::move(at)});
      return std::nullopt;
    };
    if (v.is_array()) {
      for (size_t i = 0; i < v.size(); ++i) {
        if (auto e = visit(v[i], item.at + "/" + std::to_string(i))) return e;
      }
    } else {
      for (const auto& [key, child] : v.items()) {
        if (auto e = visit(child, item.at + "/" + key)) return e;
      }
    }
  }
  return std::nullopt;
}

}  // namespace notice
