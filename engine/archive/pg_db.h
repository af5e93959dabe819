// A thin layer over libpq for the PostgreSQL archive: a connection and a query's result that own
// their handles, parameters always bound (never spliced into SQL), and the server's failures
// turned into Errors that name the archive (its URL without a password).
// Not thread-safe: one connection per thread.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

struct pg_conn;
struct pg_result;

namespace notice::archive {

// One parameter of a query: text (or SQL NULL), or raw bytes (bytea).
struct PgParam {
  std::optional<std::string> value;
  bool binary = false;

  PgParam(std::nullopt_t) {}                                     // NOLINT: implicit by design
  PgParam(std::string v) : value(std::move(v)) {}                // NOLINT
  PgParam(const char* v) : value(std::string(v)) {}              // NOLINT
  PgParam(std::optional<std::string> v) : value(std::move(v)) {}  // NOLINT
  PgParam(int64_t v) : value(std::to_string(v)) {}               // NOLINT
  PgParam(std::optional<int> v) {                                // NOLINT
    if (v) value = std::to_string(*v);
  }
  static PgParam bytes(std::string_view b) {
    PgParam p{std::string(b)};
    p.binary = true;
    return p;
  }
};

class PgResult {
 public:
  explicit PgResult(pg_result* r);
  int rows() const;
  bool isNull(int row, int column) const;
  std::string text(int row, int column) const;  // raw bytes when the query asked for binary
  std::optional<std::string> textOrNull(int row, int column) const;
  int64_t integer(int row, int column) const;
  std::optional<int> integerOrNull(int row, int column) const;
  double real(int row, int column) const;

 private:
  std::shared_ptr<pg_result> r_;
};

class PgConnection {
 public:
  // Connects to `url` (postgresql://…); an Error that says why not.
  static Result<std::unique_ptr<PgConnection>> connect(const std::string& url);
  ~PgConnection();
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  const std::string& name() const { return name_; }  // the URL without its password

  // Runs statements that return no rows (no parameters).
  std::optional<Error> exec(const std::string& sql);
  // Runs one statement with parameters $1… (without parameters, statements separated by ;
  // the last one's rows); `binaryResult` returns columns as raw bytes.
  Result<PgResult> query(const std::string& sql, const std::vector<PgParam>& params = {}, bool binaryResult = false);
  // The SQLSTATE of the last failure ("" when none), e.g. 42601 for a syntax error.
  const std::string& lastState() const { return state_; }

 private:
  PgConnection(pg_conn* c, std::string name) : conn_(c), name_(std::move(name)) {}
  Error failure(pg_result* r, const std::string& doing);
  pg_conn* conn_;
  std::string name_;
  std::string state_;
};

// Runs `body` inside BEGIN … COMMIT; rolls back when it returns an Error.
template <typename F>
std::optional<Error> inTransaction(PgConnection& db, F&& body) {
  if (auto e = db.exec("BEGIN")) return e;
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
