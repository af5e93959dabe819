#include "archive/pg_schema.h"

#include "archive/pg_archive.h"
#include "archive/schema_sql.h"

namespace notice::archive {
namespace {

// The advisory lock every opener takes while it looks at (and maybe migrates) the schema:
// "NTCA", as the SQLite archive's application_id.
constexpr const char* kSchemaLock = "SELECT pg_advisory_xact_lock(1314145089)";

std::optional<Error> migrate(PgConnection& db) {
  const int latest = pgSchemaVersion();
  auto marked = db.query("SELECT to_regclass('archive_schema') IS NOT NULL");
  if (!marked.ok()) return marked.error();
  int version = 0;
  if (marked.value().text(0, 0) == "t") {
    auto v = db.query("SELECT version FROM archive_schema");
    if (!v.ok()) return v.error();
    if (v.value().rows() != 1) return Error{ErrorCode::kBadArchive, db.name() + " is damaged: archive_schema holds no version"};
    version = static_cast<int>(v.value().integer(0, 0));
  } else {
    // No archive yet: a database (schema) with tables of its own belongs to another program.
    auto tables = db.query("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()");
    if (!tables.ok()) return tables.error();
    if (tables.value().integer(0, 0) > 0) {
      return Error{ErrorCode::kBadArchive, db.name() + " holds tables of another program, not a notice archive "
                                           "(give a database of its own, or one with a schema of its own in search_path)"};
    }
  }
  if (version > latest) {
    return Error{ErrorCode::kBadArchive, db.name() + " was written by a newer notice (archive schema " +
                                             std::to_string(version) + "; this one reads up to " + std::to_string(latest) +
                                             "): use that version or a newer one"};
  }
  for (int v = version; v < latest; ++v) {
    if (auto e = db.exec(pgMigrations()[static_cast<size_t>(v)])) return e;
  }
  if (version < latest) return db.exec("UPDATE archive_schema SET version = " + std::to_string(latest));
  return std::nullopt;
}

}  // namespace

int pgSchemaVersion() { return static_cast<int>(pgMigrations().size()); }

Result<std::unique_ptr<PgConnection>> openPgDatabase(const std::string& url) {
  auto db = PgConnection::connect(url);
  if (!db.ok()) return db.error();
  PgConnection& c = *db.value();
  // Messages and text in UTF-8 whatever the server's defaults.
  if (auto e = c.exec("SET client_encoding = 'UTF8'")) return *e;
  auto failed = inTransaction(c, [&]() -> std::optional<Error> {
    if (auto e = c.exec(kSchemaLock)) return e;
    return migrate(c);
  });
  if (failed) return *failed;
  return std::move(db).value();
}

}  // namespace notice::archive
