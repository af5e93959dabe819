#include "core/read_all.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

namespace notice {

std::optional<std::string> readAll(int fd, std::string& out, size_t most) {
  char buf[1 << 16];
  while (out.size() <= most) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return std::string(std::strerror(errno));
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
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
