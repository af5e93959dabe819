// JSON text read into nlohmann::json, the engine's value type. simdjson reads it where it can:
// records are mostly long strings of Chinese, which nlohmann's lexer takes a byte at a time (in
// `notice diff`, reading the two records cost as much as comparing them). Where simdjson refuses
// a text (a byte-order mark, a number too large for 64 bits, nesting past its depth of 1024, or
// anything that is not JSON), nlohmann's parser reads it, so what is accepted, and how, is
// nlohmann's; simdjson accepts no text that nlohmann refuses.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace notice {

// The value of `text`; a discarded value (is_discarded()) when it is not JSON, as from
// nlohmann::json::parse(text, nullptr, false).
nlohmann::json parseJson(std::string_view text);

// The bytes a reader of JSON text keeps allocated past its end, so that the one below reads it
// in place; a file read for it is best reserved its size plus this.
constexpr size_t kJsonPadding = 64;

// The same, reading `text` where it is, with kJsonPadding bytes of its own added past its end
// and taken off again: a record of 50 KB is not copied before it is read, nor at all when the
// string has the room already. The keys `leftOut` of the top-level object are left out of the
// value (a reader that has no use for them need not build them).
nlohmann::json parseJson(std::string& text, std::span<const std::string_view> leftOut = {});

}  // namespace notice
