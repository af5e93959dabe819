#include "archive/sqlite_schema.h"

#include <sqlite3.h>

#include <array>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "archive/bigram_tokenizer.h"
#include "archive/schema_sql.h"

namespace notice::archive {
namespace {

// PRAGMA application_id of a notice archive: "NTCA".
constexpr int64_t kApplicationId = 0x4E544341;
// How long a connection waits for another process's transaction before it says the file is busy.
constexpr int kBusyTimeoutMs = 30000;

// The migrations: schema/sql/sqlite/NNN_*.sql (schema_sql.h).
const std::vector<const char*>& migrations() { return sqliteMigrations(); }

bool isSqliteHeader(const std::string& path, std::string* problem) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (ec || size == 0) return true;  // a new or empty file: SQLite makes it an archive
  std::array<unsigned char, 100> header{};
  std::ifstream in(path, std::ios::binary);
  in.read(reinterpret_cast<char*>(header.data()), header.size());
  if (in.gcount() < 100 || std::string(reinterpret_cast<char*>(header.data()), 16) != std::string("SQLite format 3\0", 16)) {
    *problem = path + " is not a notice archive (not a SQLite database)";
    return false;
  }
  // A file cut short: the header's page count says how long it should be. Only trusted when
  // SQLite marks it valid (bytes 92-95 equal the change counter at 24-27) and no write-ahead
  // log is there, which may hold pages a checkpoint was still copying when a process died.
  auto be32 = [&](size_t at) {
    return uint32_t{header[at]} << 24 | uint32_t{header[at + 1]} << 16 | uint32_t{header[at + 2]} << 8 | header[at + 3];
  };
  uint32_t pageSize = uint32_t{header[16]} << 8 | header[17];
  if (pageSize == 1) pageSize = 65536;
  uint64_t expected = uint64_t{be32(28)} * pageSize;
  std::error_code walEc;
  bool walThere = std::filesystem::file_size(path + "-wal", walEc) > 0 && !walEc;
  if (be32(92) == be32(24) && !walThere && expected > size) {
    *problem = path + " is damaged: cut short (" + std::to_string(size) + " of " + std::to_string(expected) +
               " bytes); restore it from a copy, or ingest the files again into a new archive";
    return false;
  }
  return true;
}

// What marks a file as an archive, read in one statement so that all three come from one
// snapshot: read one by one, another process's migration could commit in between, and a new
// archive would look like another program's file.
struct Marks {
  int64_t application_id = 0, user_version = 0, schema_version = 0;  // schema_version: 0 for no tables
};

Result<Marks> readMarks(Database& db) {
  auto st = db.prepare("SELECT a.application_id, u.user_version, s.schema_version "
                       "FROM pragma_application_id() a, pragma_user_version() u, pragma_schema_version() s");
  if (!st.ok()) return st.error();
  auto row = st.value().step();
  if (!row.ok()) return row.error();
  if (!row.value()) return Marks{};
  return Marks{st.value().integer(0), st.value().integer(1), st.value().integer(2)};
}

Result<int64_t> pragmaInt(Database& db, const std::string& name) {
  auto st = db.prepare("PRAGMA " + name);
  if (!st.ok()) return st.error();
  auto row = st.value().step();
  if (!row.ok()) return row.error();
  return row.value() ? st.value().integer(0) : 0;
}

// Brings the schema to the latest version, or says why the file cannot be an archive.
std::optional<Error> migrate(Database& db) {
  const int latest = static_cast<int>(migrations().size());
  for (bool inside = false;; inside = true) {
    auto marks = readMarks(db);
    if (!marks.ok()) return marks.error();
    const int64_t app = marks.value().application_id, version = marks.value().user_version;
    // A file with nothing in it (new, or left by an ingest killed before its first commit) is
    // made an archive, whichever the mode.
    bool fresh = app == 0 && version == 0 && marks.value().schema_version == 0;
    if (!fresh && app != kApplicationId) {
      return Error{ErrorCode::kBadArchive, db.path() + " is a SQLite database of another program, not a notice archive"};
    }
    if (version > latest) {
      return Error{ErrorCode::kBadArchive, db.path() + " was written by a newer notice (archive schema " +
                                               std::to_string(version) + "; this one reads up to " +
                                               std::to_string(latest) + "): use that version or a newer one"};
    }
    if (version == latest) return inside ? db.exec("COMMIT") : std::nullopt;
    if (!inside) {
      // Look again inside a write transaction: another process may be migrating the same file.
      if (auto e = db.exec("BEGIN IMMEDIATE")) return e;
      continue;
    }
    for (int v = static_cast<int>(version); v < latest; ++v) {
      if (auto e = db.exec(migrations()[static_cast<size_t>(v)])) {
        db.exec("ROLLBACK");
        return e;
      }
    }
    db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    db.exec("PRAGMA user_version = " + std::to_string(latest));
    if (auto e = db.exec("COMMIT")) {
      db.exec("ROLLBACK");
      return e;
    }
    return std::nullopt;
  }
}

// The switch to WAL takes an exclusive lock and SQLite returns SQLITE_BUSY for it at once, without
// the busy handler, while another process is opening the same new file: try again, for as long
// as the busy timeout.
std::optional<Error> switchToWal(Database& db) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(kBusyTimeoutMs);
  while (true) {
    auto journal = pragmaInt(db, "journal_mode = WAL");
    if (journal.ok()) return std::nullopt;
    if (journal.error().code != ErrorCode::kArchiveBusy || std::chrono::steady_clock::now() > deadline) return journal.error();
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

}  // namespace

int sqliteSchemaVersion() { return static_cast<int>(migrations().size()); }

Result<std::unique_ptr<Database>> openArchiveDatabase(const std::string& path, OpenMode mode) {
  std::error_code ec;
  if (mode == OpenMode::kExisting && !std::filesystem::exists(path, ec)) {
    return Error{ErrorCode::kIoError, "no archive at " + path + " (make one with `notice ingest`)"};
  }
  if (std::filesystem::is_directory(path, ec)) return Error{ErrorCode::kIoError, path + " is a folder, not an archive"};
  std::string problem;
  if (!isSqliteHeader(path, &problem)) return Error{ErrorCode::kBadArchive, problem};
  sqlite3* raw = nullptr;
  int flags = SQLITE_OPEN_READWRITE | (mode == OpenMode::kCreate ? SQLITE_OPEN_CREATE : 0);
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  auto db = std::make_unique<Database>(raw, path);
  if (rc != SQLITE_OK) return db->error(rc, "opening it");
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);
  std::string tokenizerError;
  if (!registerBigramTokenizer(raw, &tokenizerError)) {
    return Error{ErrorCode::kBadArchive, "cannot search " + path + ": " + tokenizerError};
  }
  // Whose file it is, before anything is written to it (WAL mode would change a foreign file).
  auto marks = readMarks(*db);
  if (!marks.ok()) return marks.error();
  if (marks.value().application_id != kApplicationId && marks.value().schema_version != 0) {
    return Error{ErrorCode::kBadArchive, path + " is a SQLite database of another program, not a notice archive"};
  }
  if (auto e = switchToWal(*db)) return *e;
  if (auto e = db->exec("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON")) return *e;
  if (auto e = migrate(*db)) return *e;
  return db;
}

}  // namespace notice::archive
