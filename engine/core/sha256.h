// SHA-256 of a byte string as 64 lowercase hex digits (source.sha256; duplicate detection).
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace notice {

std::string sha256Hex(std::string_view bytes);

// The SHA-256 of the parts one after another, without joining them first (a page image is
// megabytes).
std::string sha256Hex(std::initializer_list<std::string_view> parts);

}  // namespace notice
