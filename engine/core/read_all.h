// A file's bytes read with read(2): a command that reads a few files (two records, two rule
// files) need not set up iostreams for them.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

namespace notice {

// Appends what `fd` holds, to its end, to `out`, and stops once `out` holds more than `most`
// bytes (the caller sees the size). What went wrong (strerror's words) when a read failed.
std::optional<std::string> readAll(int fd, std::string& out, size_t most = static_cast<size_t>(-1));

// The same for the file at `path`, opened and closed here.
std::optional<std::string> readAll(const std::string& path, std::string& out, size_t most = static_cast<size_t>(-1));

}  // namespace notice
