// SHA-256 of a byte string as 64 lowercase hex digits (source.sha256; duplicate detection).
#pragma once

#include <string>
#include <string_view>

namespace notice {

std::string sha256Hex(std::string_view bytes);

}  // namespace notice
