// openPgArchive for a program that loads the PostgreSQL archive when it first opens one
// (archive/pg_module.h).
#include "archive/pg_archive.h"
#include "archive/pg_module.h"
#include "core/program_module.h"

namespace notice::archive {

Result<std::unique_ptr<Archive>> openPgArchive(const std::string& url) {
  static const Result<void*> entry = programModuleEntry("notice-pg.so", NOTICE_PG_MODULE_BUILT, kPgModuleOpen);
  if (!entry.ok()) {
    return Error{ErrorCode::kUnsupportedFormat, "cannot open the archive " + shownLocation(url) + ": " + entry.error().message};
  }
  std::optional<Result<std::unique_ptr<Archive>>> out;
  reinterpret_cast<OpenPgArchiveFunction>(entry.value())(url, &out);
  return std::move(*out);
}

}  // namespace notice::archive
