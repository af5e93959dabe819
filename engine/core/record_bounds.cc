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
  // Every object and list met, with where it hangs in its parent: the path of one is spelled out
  // only for a message, not for each of the thousands of values a record holds.
  struct Node {
    const json* v;
    size_t depth;
    size_t parent;            // index in `nodes`; the root is its own parent
    const std::string* key;   // in the parent object, or null for a list item
    size_t index;             // in the parent list
  };
  std::vector<Node> nodes{{&record, 1, 0, nullptr, 0}};
  auto step = [](const std::string* key, size_t index) { return "/" + (key ? *key : std::to_string(index)); };
  auto pathOf = [&](size_t n) {
    std::string at;
    for (; n != 0; n = nodes[n].parent) at = step(nodes[n].key, nodes[n].index) + at;
    return at.empty() ? std::string("/") : at;
  };
  auto tooLong = [&](const json& v, const auto& at) -> std::optional<std::string> {
    if (!v.is_string() || v.get_ref<const std::string&>().size() <= bounds.text_bytes) return std::nullopt;
    return at() + ": text of " + std::to_string(v.get_ref<const std::string&>().size() >> 20) +
           " MiB (a record's text is at most " + std::to_string(bounds.text_bytes >> 20) + " MiB)";
  };
  if (auto e = tooLong(record, [] { return std::string("/"); })) return e;
  std::vector<size_t> stack{0};
  while (!stack.empty()) {
    const size_t n = stack.back();
    stack.pop_back();
    const json& v = *nodes[n].v;
    const size_t depth = nodes[n].depth;
    if (!v.is_structured()) continue;
    if (depth > bounds.depth) {
      return pathOf(n) + ": nested deeper than " + std::to_string(bounds.depth) + " levels (no notice nests so deep)";
    }
    if (v.is_array() && v.size() > bounds.list_items) {
      return pathOf(n) + ": " + std::to_string(v.size()) + " items (a record holds at most " +
             std::to_string(bounds.list_items) + " in one list)";
    }
    if (v.is_object() && v.size() > bounds.object_keys) {
      return pathOf(n) + ": " + std::to_string(v.size()) + " keys (a record holds at most " +
             std::to_string(bounds.object_keys) + " in one object)";
    }
    auto visit = [&](const json& child, const std::string* key, size_t index) -> std::optional<std::string> {
      if (auto e = tooLong(child, [&] { return (n == 0 ? "" : pathOf(n)) + step(key, index); })) return e;
      if (child.is_structured()) {
        nodes.push_back({&child, depth + 1, n, key, index});
        stack.push_back(nodes.size() - 1);
      }
      return std::nullopt;
    };
    if (v.is_array()) {
      for (size_t i = 0; i < v.size(); ++i) {
        if (auto e = visit(v[i], nullptr, i)) return e;
      }
    } else {
      for (auto it = v.begin(); it != v.end(); ++it) {
        if (auto e = visit(it.value(), &it.key(), 0)) return e;
      }
    }
  }
  return std::nullopt;
}

}  // namespace notice
