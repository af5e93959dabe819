// The archive in a PostgreSQL database (archive.h says what is stored and which version queries
// see), for an archive many people and machines share.
//
// The tables are the SQLite archive's (schema/sql/pg), in the database the URL names, in its
// current schema (search_path). Opening applies the migrations the database lacks (in one
// transaction, under an advisory lock, so that processes opening a new archive at once take
// turns), and refuses a database written by a newer program or holding another program's
// tables. Each ingest is one transaction; which bytes are new and which 发文字号 is a new notice
// are decided by the database's unique constraints (INSERT … ON CONFLICT), so that any number
// of ingesters may write at once. Search: pg_search.h. Needs the pg_trgm extension (Debian's
// postgresql-contrib; trusted, so the database's owner may create it).
#pragma once

#include <memory>
#include <string>

#include "archive/archive.h"

namespace notice::archive {

// `url`: postgresql://[user[:password]@]host[:port]/database[?options] (libpq's form).
Result<std::unique_ptr<Archive>> openPgArchive(const std::string& url);

// The archive schema this program writes (archive_schema.version).
int pgSchemaVersion();

}  // namespace notice::archive
