// Whole reads and writes on a socket or pipe, retried on EINTR: what the child processes and the
// parse server (child_process.h, isolated_parser.h) send each other.
#pragma once

#include <cstddef>
#include <string>

namespace notice::isolate {

// All of `size` bytes (send, without SIGPIPE); false when the other end is gone.
bool sendAll(int fd, const char* data, size_t size);
// Exactly `size` bytes; false at an early end.
bool readExactly(int fd, char* data, size_t size);
// Everything until the other end closes.
std::string readToEnd(int fd);

}  // namespace notice::isolate
