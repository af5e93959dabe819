#include "archive/sqlite_db.h"

#include <sqlite3.h>

namespace notice::archive {

Database::Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}

Database::~Database() { sqlite3_close_v2(db_); }

std::optional<Error> Database::exec(const std::string& sql) {
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return error(rc, "running " + sql.substr(0, sql.find_first_of("(\n")));
  return std::nullopt;
}

Result<Statement> Database::prepare(const std::string& sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) return error(rc, "reading the archive");
  return Statement(this, stmt);
}

int64_t Database::lastInsertId() const { return sqlite3_last_insert_rowid(db_); }

Error Database::error(const std::string& doing) const { return error(sqlite3_extended_errcode(db_), doing); }

Error Database::error(int code, const std::string& doing) const {
  std::string said = sqlite3_errmsg(db_);
  switch (code & 0xff) {
    case SQLITE_NOTADB:
      return Error{ErrorCode::kBadArchive, path_ + " is not a notice archive (not a SQLite database: " + said + ")"};
    case SQLITE_CORRUPT:
      return Error{ErrorCode::kBadArchive, path_ + " is damaged (" + said + " while " + doing +
                                               "): restore it from a copy, or ingest the files again into a new archive"};
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Error{ErrorCode::kArchiveBusy, path_ + " is locked by another process (" + said + " while " + doing +
                                                "); try again when it is done"};
    case SQLITE_FULL:
      return Error{ErrorCode::kIoError, path_ + ": the disk is full (" + doing + "); nothing of this file was kept"};
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_IOERR:
      return Error{ErrorCode::kIoError, path_ + ": " + said + " while " + doing};
    default:
      return Error{ErrorCode::kBadArchive, path_ + ": " + said + " while " + doing};
  }
}

void Statement::finalize(sqlite3_stmt* stmt) { sqlite3_finalize(stmt); }

Statement& Statement::bind(int i, std::string_view text) {
  sqlite3_bind_text(stmt_.get(), i, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::bind(int i, int64_t value) {
  sqlite3_bind_int64(stmt_.get(), i, value);
  return *this;
}
Statement& Statement::bind(int i, const std::optional<std::string>& text) { return text ? bind(i, std::string_view(*text)) : bindNull(i); }
Statement& Statement::bind(int i, const std::optional<int>& value) { return value ? bind(i, int64_t{*value}) : bindNull(i); }
Statement& Statement::bindBlob(int i, std::string_view bytes) {
  sqlite3_bind_blob64(stmt_.get(), i, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
  return *this;
}
Statement& Statement::bindNull(int i) {
  sqlite3_bind_null(stmt_.get(), i);
  return *this;
}

Result<bool> Statement::step() {
  int rc = sqlite3_step(stmt_.get());
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return db_->error(rc, "reading the archive");
}

std::optional<Error> Statement::run() {
  while (true) {
    auto row = step();
    if (!row.ok()) return row.error();
    if (!row.value()) break;
  }
  reset();
  return std::nullopt;
}

void Statement::reset() {
  sqlite3_reset(stmt_.get());
  sqlite3_clear_bindings(stmt_.get());
}

bool Statement::isNull(int column) const { return sqlite3_column_type(stmt_.get(), column) == SQLITE_NULL; }
int64_t Statement::integer(int column) const { return sqlite3_column_int64(stmt_.get(), column); }
double Statement::real(int column) const { return sqlite3_column_double(stmt_.get(), column); }
std::string Statement::text(int column) const {
  const void* data = sqlite3_column_blob(stmt_.get(), column);
  int size = sqlite3_column_bytes(stmt_.get(), column);
  return data ? std::string(static_cast<const char*>(data), static_cast<size_t>(size)) : std::string();
}
std::optional<std::string> Statement::textOrNull(int column) const {
  if (isNull(column)) return std::nullopt;
  return text(column);
}
std::optional<int> Statement::integerOrNull(int column) const {
  if (isNull(column)) return std::nullopt;
  return static_cast<int>(integer(column));
}

}  // namespace notice::archive
