// The entry of notice-pg.so (archive/pg_module.h). The module is linked -Bsymbolic, so this
// openPgArchive is its own, not the loader's of the program that loads it.
#include "archive/pg_module.h"

#include "archive/pg_archive.h"

extern "C" __attribute__((visibility("default"))) void notice_pg_module_open(
    const std::string& url, std::optional<notice::Result<std::unique_ptr<notice::archive::Archive>>>* out) {
  out->emplace(notice::archive::openPgArchive(url));
}
