#include "core/record_bounds.h"

#include <deque>
#include <vector>

namespace notice {

using nlohmann::json;

std::optional<std::string> recordSizeError(size_t bytes, const RecordBounds& bounds) {
  if (bytes <= bounds.bytes) return std::nullopt;
  return std::to_string(bytes >> 20) + " MiB of JSON (a record is at most " + std::to_string(bounds.bytes >> 20) +
         " MiB; no notice needs so much)";
}

std::optional<std::string> recordBoundsError(const json& record, const RecordBounds& bounds) {
  // Every object and list met, with its path; a deque, so that a child's path can point at its
  // parent's while more are added.
  struct Node {
    const json* v;
    size_t depth;
    RecordPath at;
  };
  auto where = [](const RecordPath& at) {
    std::string s = at.str();
    return s.empty() ? std::string("/") : s;
  };
  auto tooLong = [&](const json& v, const RecordPath& at) -> std::optional<std::string> {
    if (!v.is_string() || v.get_ref<const std::string&>().size() <= bounds.text_bytes) return std::nullopt;
    return where(at) + ": text of " + std::to_string(v.get_ref<const std::string&>().size() >> 20) +
           " MiB (a record's text is at most " + std::to_string(bounds.text_bytes >> 20) + " MiB)";
  };
  if (auto e = tooLong(record, RecordPath{})) return e;
  std::deque<Node> nodes{{&record, 1, RecordPath{}}};
  std::vector<const Node*> stack{&nodes.front()};
  while (!stack.empty()) {
    const Node& node = *stack.back();
    stack.pop_back();
    const json& v = *node.v;
    if (!v.is_structured()) continue;
    if (node.depth > bounds.depth) {
      return where(node.at) + ": nested deeper than " + std::to_string(bounds.depth) + " levels (no notice nests so deep)";
    }
    if (v.is_array() && v.size() > bounds.list_items) {
      return where(node.at) + ": " + std::to_string(v.size()) + " items (a record holds at most " +
             std::to_string(bounds.list_items) + " in one list)";
    }
    if (v.is_object() && v.size() > bounds.object_keys) {
      return where(node.at) + ": " + std::to_string(v.size()) + " keys (a record holds at most " +
             std::to_string(bounds.object_keys) + " in one object)";
    }
    auto visit = [&](const json& child, RecordPath at) -> std::optional<std::string> {
      if (auto e = tooLong(child, at)) return e;
      if (child.is_structured()) stack.push_back(&nodes.emplace_back(Node{&child, node.depth + 1, at}));
      return std::nullopt;
    };
    if (v.is_array()) {
      for (size_t i = 0; i < v.size(); ++i) {
        if (auto e = visit(v[i], RecordPath{&node.at, nullptr, i})) return e;
      }
    } else {
      for (auto it = v.begin(); it != v.end(); ++it) {
        if (auto e = visit(it.value(), RecordPath{&node.at, &it.key(), 0})) return e;
      }
    }
  }
  return std::nullopt;
}

}  // namespace notice
