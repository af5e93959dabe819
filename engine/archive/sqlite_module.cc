// The entry of notice-sqlite.so (archive/sqlite_module.h). The module is linked -Bsymbolic, so
// this openSqliteArchive is its own, not the loader's of the program that loads it.
#include "archive/sqlite_module.h"

#include "archive/sqlite_archive.h"

extern "C" __attribute__((visibility("default"))) void notice_sqlite_module_open(
    const std::string& path, notice::archive::OpenMode mode,
    std::optional<notice::Result<std::unique_ptr<notice::archive::Archive>>>* out) {
  out->emplace(notice::archive::openSqliteArchive(path, mode));
}
