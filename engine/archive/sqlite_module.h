// The SQLite archive as a module of its own (notice-sqlite.so: the sqlite_*.cc of this folder and
// the FTS5 tokenizer, with libsqlite3), so that a command which opens no archive (`notice diff`
// of two record files, `parse` without --archive) does not load SQLite (core/program_module.h).
// Tests and tools link the backend in (notice_sqlite); a program whose target sets
// NOTICE_SQLITE_MODULE gets openSqliteArchive from sqlite_loader.cc instead, which loads the
// module on the first call (archive/CMakeLists.txt).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "archive/archive.h"

namespace notice::archive {

// The module's entry, looked up by this name: openSqliteArchive, which writes its result to `out`
// (a function of C linkage returns no C++ class).
using OpenSqliteArchiveFunction = void (*)(const std::string&, OpenMode,
                                           std::optional<Result<std::unique_ptr<Archive>>>* out);
inline constexpr const char* kSqliteModuleOpen = "notice_sqlite_module_open";

}  // namespace notice::archive
