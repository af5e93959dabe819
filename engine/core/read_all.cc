#include "core/read_all.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

namespace notice {

std::optional<std::string> readAll(int fd, std::string& out, size_t most) {
  // Read into the string's own room, grown only when it is full: no buffer to copy through, and
  // a caller that reserved more than the file's size reads it, and sees its end, without a copy
  // (a 64 KiB buffer on the stack cost a page fault per page of it in a short-lived command).
  constexpr size_t kLeastRoom = 4096;
  while (out.size() <= most) {
    const size_t used = out.size();
    // One byte past `most` at most, which is enough to tell that there is more.
    const size_t left = most - used, upTo = left == SIZE_MAX ? left : left + 1;
    const size_t spare = out.capacity() - used;
    // Full, or no more room than a string holds in itself before it allocates.
    const bool grow = spare == 0 || out.capacity() <= std::string().capacity();
    const size_t room = std::min(grow ? std::max(kLeastRoom, used) : spare, upTo);
    out.resize(used + room);
    const ssize_t n = ::read(fd, out.data() + used, room);
    const int err = errno;
    out.resize(used + static_cast<size_t>(std::max<ssize_t>(n, 0)));
    if (n < 0 && err == EINTR) continue;
    if (n < 0) return std::string(std::strerror(err));
    if (n == 0) break;
  }
  return std::nullopt;
}

std::optional<std::string> readAll(const std::string& path, std::string& out, size_t most) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::string(std::strerror(errno));
  auto failed = readAll(fd, out, most);
  ::close(fd);
  return failed;
}

}  // namespace notice
