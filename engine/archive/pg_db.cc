#include "archive/pg_db.h"

#include <libpq-fe.h>

#include <cstdlib>

#include "archive/archive.h"

namespace notice::archive {

PgResult::PgResult(pg_result* r) : r_(r, &PQclear) {}
int PgResult::rows() const { return PQntuples(r_.get()); }
bool PgResult::isNull(int row, int column) const { return PQgetisnull(r_.get(), row, column) != 0; }
std::string PgResult::text(int row, int column) const {
  return std::string(PQgetvalue(r_.get(), row, column), static_cast<size_t>(PQgetlength(r_.get(), row, column)));
}
std::optional<std::string> PgResult::textOrNull(int row, int column) const {
  if (isNull(row, column)) return std::nullopt;
  return text(row, column);
}
int64_t PgResult::integer(int row, int column) const { return std::strtoll(PQgetvalue(r_.get(), row, column), nullptr, 10); }
std::optional<int> PgResult::integerOrNull(int row, int column) const {
  if (isNull(row, column)) return std::nullopt;
  return static_cast<int>(integer(row, column));
}
double PgResult::real(int row, int column) const { return std::strtod(PQgetvalue(r_.get(), row, column), nullptr); }

Result<std::unique_ptr<PgConnection>> PgConnection::connect(const std::string& url) {
  std::string name = shownLocation(url);
  pg_conn* c = PQconnectdb(url.c_str());
  if (c == nullptr) return Error{ErrorCode::kIoError, "cannot connect to the archive " + name + ": out of memory"};
  if (PQstatus(c) != CONNECTION_OK) {
    std::string why = PQerrorMessage(c);
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    PQfinish(c);
    return Error{ErrorCode::kIoError, "cannot connect to the archive " + name + ": " + why};
  }
  // Quiet: the server's NOTICEs (an extension already there, …) are not for the user.
  PQsetNoticeProcessor(c, [](void*, const char*) {}, nullptr);
  return std::unique_ptr<PgConnection>(new PgConnection(c, name));
}

PgConnection::~PgConnection() { PQfinish(conn_); }

Error PgConnection::failure(pg_result* r, const std::string& doing) {
  const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  state_ = state ? state : "";
  std::string why = r ? PQresultErrorMessage(r) : PQerrorMessage(conn_);
  if (why.empty()) why = PQerrorMessage(conn_);
  while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
  if (r) PQclear(r);
  bool lost = PQstatus(conn_) != CONNECTION_OK;
  return Error{lost ? ErrorCode::kIoError : ErrorCode::kBadArchive,
               "the archive " + name_ + (lost ? " went away" : "") + " (" + doing + "): " + why};
}

std::optional<Error> PgConnection::exec(const std::string& sql) {
  pg_result* r = PQexec(conn_, sql.c_str());
  ExecStatusType s = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
  if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK) return failure(r, sql.substr(0, sql.find_first_of(" \n")));
  PQclear(r);
  state_.clear();
  return std::nullopt;
}

Result<PgResult> PgConnection::query(const std::string& sql, const std::vector<PgParam>& params, bool binaryResult) {
  std::vector<const char*> values;
  std::vector<int> lengths, formats;
  for (const auto& p : params) {
    values.push_back(p.value ? p.value->data() : nullptr);
    lengths.push_back(p.value ? static_cast<int>(p.value->size()) : 0);
    formats.push_back(p.binary ? 1 : 0);
  }
  pg_result* r = params.empty() && !binaryResult
                     ? PQexec(conn_, sql.c_str())
                     : PQexecParams(conn_, sql.c_str(), static_cast<int>(params.size()), nullptr, values.data(),
                                    lengths.data(), formats.data(), binaryResult ? 1 : 0);
  ExecStatusType s = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
  if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK) {
    std::string doing = sql.substr(0, sql.find(' '));
    for (char& c : doing) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return failure(r, doing);
  }
  state_.clear();
  return PgResult(r);
}

}  // namespace notice::archive
