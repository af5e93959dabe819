#include "archive/archive.h"
#include "archive/pg_archive.h"
#include "archive/pg_db.h"
#include "archive/sqlite_archive.h"

namespace notice::archive {

bool isServerLocation(const std::string& location) {
  return location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0;
}

std::string shownLocation(const std::string& location) {
  return isServerLocation(location) ? redactedUrl(location) : location;
}

Result<std::unique_ptr<Archive>> openArchive(const std::string& location, OpenMode mode) {
  if (isServerLocation(location)) return openPgArchive(location);
  return openSqliteArchive(location, mode);
}

}  // namespace notice::archive
