// The archive in one SQLite file (archive.h says what is stored and which version queries see).
//
// The file: WAL journal, a busy timeout so that two processes may write at once (their
// transactions take turns), synchronous=NORMAL (a killed process loses nothing committed; a
// power cut may lose the last transactions, never the file's integrity). Each ingest is one
// transaction. The schema's version is PRAGMA user_version and the file is marked as ours with
// PRAGMA application_id; opening applies the migrations the file lacks and refuses a file
// written by a newer program, a SQLite file of another program, and bytes that are no SQLite
// file at all, each with an error that says so.
#pragma once

#include <memory>
#include <string>

#include "archive/archive.h"

namespace notice::archive {

Result<std::unique_ptr<Archive>> openSqliteArchive(const std::string& path, OpenMode mode);

// The archive schema this program writes (PRAGMA user_version).
int sqliteSchemaVersion();

}  // namespace notice::archive
