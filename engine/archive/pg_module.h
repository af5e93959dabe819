// The PostgreSQL archive as a module of its own (notice-pg.so: the pg_*.cc of this folder with
// libpq), so that a program loads libpq, and the TLS, Kerberos and LDAP libraries it links,
// only when it opens a server's archive (core/program_module.h). Tests and tools link the
// backend in (notice_pg); a program whose target sets NOTICE_PG_MODULE gets openPgArchive from
// pg_loader.cc instead, which loads the module on the first call (archive/CMakeLists.txt).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "archive/archive.h"

namespace notice::archive {

// The module's entry, looked up by this name: openPgArchive, which writes its result to `out` (a
// function of C linkage returns no C++ class).
using OpenPgArchiveFunction = void (*)(const std::string&, std::optional<Result<std::unique_ptr<Archive>>>* out);
inline constexpr const char* kPgModuleOpen = "notice_pg_module_open";

}  // namespace notice::archive
