#include "archive/archive.h"
#include "archive/pg_archive.h"
#include "archive/sqlite_archive.h"

namespace notice::archive {

bool isServerLocation(const std::string& location) {
  return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

std::string shownLocation(const std::string& location) {
  if (!isServerLocation(location)) return location;
  // postgresql://user:password@host… → postgresql://user:***@host…
  size_t scheme = location.find("://");
  size_t at = location.find('@', scheme + 3);
  size_t slash = location.find('/', scheme + 3);
  if (at == std::string::npos || (slash != std::string::npos && slash < at)) return location;
  size_t colon = location.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return location;
  return location.substr(0, colon + 1) + "***" + location.substr(at);
}

Result<std::unique_ptr<Archive>> openArchive(const std::string& location, OpenMode mode) {
  if (isServerLocation(location)) return openPgArchive(location);
  return openSqliteArchive(location, mode);
}

}  // namespace notice::archive
