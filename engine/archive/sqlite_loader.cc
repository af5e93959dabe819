// openSqliteArchive for a program that loads the SQLite archive when it first opens one
// (archive/sqlite_module.h).
#include "archive/sqlite_archive.h"
#include "archive/sqlite_module.h"
#include "core/program_module.h"

namespace notice::archive {

Result<std::unique_ptr<Archive>> openSqliteArchive(const std::string& path, OpenMode mode) {
  static const Result<void*> entry =
      programModuleEntry("notice-sqlite.so", NOTICE_SQLITE_MODULE_BUILT, kSqliteModuleOpen);
  if (!entry.ok()) {
    return Error{ErrorCode::kUnsupportedFormat, "cannot open the archive " + shownLocation(path) + ": " + entry.error().message};
  }
  std::optional<Result<std::unique_ptr<Archive>>> out;
  reinterpret_cast<OpenSqliteArchiveFunction>(entry.value())(path, mode, &out);
  return std::move(*out);
}

}  // namespace notice::archive
