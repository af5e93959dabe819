// A thin layer over the sqlite3 C API for the archive: a connection and prepared statements
// that own their handles, and SQLite's failures turned into Errors that name the archive file.
// Not thread-safe: one connection per thread.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace notice::archive {

class Statement;

class Database {
 public:
  Database(sqlite3* db, std::string path);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

  // Runs one or more statements that return no rows.
  std::optional<Error> exec(const std::string& sql);
  Result<Statement> prepare(const std::string& sql);
  int64_t lastInsertId() const;

  // An Error for the connection's last failure, worded for a person: a damaged or foreign
  // file, a lock held too long, or SQLite's own message with what was being done.
  Error error(const std::string& doing) const;
  Error error(int code, const std::string& doing) const;

 private:
  sqlite3* db_;
  std::string path_;
};

// A prepared statement: bind (1-based), step, read columns (0-based).
class Statement {
 public:
  Statement(Database* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt, &finalize) {}

  Statement& bind(int i, std::string_view text);
  Statement& bind(int i, const std::string& text) { return bind(i, std::string_view(text)); }
  Statement& bind(int i, int64_t value);
  Statement& bind(int i, const std::optional<std::string>& text);
  Statement& bind(int i, const std::optional<int>& value);
  Statement& bindBlob(int i, std::string_view bytes);
  Statement& bindNull(int i);

  // True while a row is there; an Error when the step fails.
  Result<bool> step();
  // Steps to the end; for statements that return no rows.
  std::optional<Error> run();
  void reset();

  bool isNull(int column) const;
  int64_t integer(int column) const;
  double real(int column) const;
  std::string text(int column) const;
  std::optional<std::string> textOrNull(int column) const;
  std::optional<int> integerOrNull(int column) const;

 private:
  static void finalize(sqlite3_stmt* stmt);
  Database* db_;
  std::unique_ptr<sqlite3_stmt, void (*)(sqlite3_stmt*)> stmt_;
};

// Runs `body` inside BEGIN IMMEDIATE … COMMIT; rolls back when it returns an Error.
template <typename F>
std::optional<Error> inTransaction(Database& db, F&& body) {
  if (auto e = db.exec("BEGIN IMMEDIATE")) return e;
  std::optional<Error> failed = body();
  if (failed) {
    db.exec("ROLLBACK");
    return failed;
  }
  if (auto e = db.exec("COMMIT")) {
    db.exec("ROLLBACK");
    return e;
  }
  return std::nullopt;
}

}  // namespace notice::archive
