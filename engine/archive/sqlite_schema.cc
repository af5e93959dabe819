#include "archive/sqlite_schema.h"

#include <sqlite3.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <vector>

#include "archive/bigram_tokenizer.h"

namespace notice::archive {
namespace {

// PRAGMA application_id of a notice archive: "NTCA".
constexpr int64_t kApplicationId = 0x4E544341;

// Migration i takes the schema from version i to i + 1; a program knows versions up to their
// count. Never edit one that has shipped: add the next.
const std::vector<const char*>& migrations() {
  static const std::vector<const char*> all = {
      // 0 → 1: the first archive.
      R"sql(
      CREATE TABLE files (               -- every original file, once, by the SHA-256 of its bytes
        sha256 TEXT PRIMARY KEY,
        bytes BLOB NOT NULL,
        size INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE TABLE notices (             -- versions with one 发文字号 are one notice
        id INTEGER PRIMARY KEY,
        doc_number TEXT UNIQUE,          -- null: a notice without one (each a notice of its own)
        current_version INTEGER          -- archive.h: latest issue_date, then latest ingest
      );
      CREATE TABLE versions (            -- one per stored file; its id is the archive id
        id INTEGER PRIMARY KEY,
        notice_id INTEGER NOT NULL REFERENCES notices(id),
        sha256 TEXT NOT NULL UNIQUE REFERENCES files(sha256),
        file TEXT NOT NULL,              -- the path it was ingested from
        format TEXT NOT NULL,
        ingested_at TEXT NOT NULL,
        record TEXT NOT NULL,            -- the notice/1 record, JSON
        doc_number TEXT, doc_prefix TEXT, doc_year INTEGER, doc_serial INTEGER,
        title TEXT, doc_type TEXT, province TEXT, year INTEGER, issue_date TEXT
      );
      CREATE INDEX versions_notice ON versions(notice_id);
      CREATE INDEX versions_doc_number ON versions(doc_number);
      CREATE INDEX versions_province_year ON versions(province, year);
      CREATE TABLE issuers (version_id INTEGER NOT NULL REFERENCES versions(id), position INTEGER NOT NULL, name TEXT NOT NULL);
      CREATE INDEX issuers_version ON issuers(version_id);
      CREATE TABLE recipients (version_id INTEGER NOT NULL REFERENCES versions(id), position INTEGER NOT NULL, name TEXT NOT NULL);
      CREATE INDEX recipients_version ON recipients(version_id);
      CREATE TABLE deadlines (
        version_id INTEGER NOT NULL REFERENCES versions(id), position INTEGER NOT NULL,
        date TEXT, action TEXT NOT NULL, text TEXT NOT NULL, relative TEXT
      );
      CREATE INDEX deadlines_date ON deadlines(date);
      CREATE INDEX deadlines_version ON deadlines(version_id);
      CREATE TABLE event_periods (
        version_id INTEGER NOT NULL REFERENCES versions(id), position INTEGER NOT NULL,
        event TEXT, start TEXT NOT NULL, "end" TEXT NOT NULL
      );
      CREATE INDEX event_periods_version ON event_periods(version_id);
      CREATE VIRTUAL TABLE search USING fts5(title, body, tokenize = 'notice_bigram');
      )sql",
  };
  return all;
}

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
    auto app = pragmaInt(db, "application_id");
    if (!app.ok()) return app.error();
    auto version = pragmaInt(db, "user_version");
    if (!version.ok()) return version.error();
    auto objects = pragmaInt(db, "schema_version");  // 0 for a file with no tables at all
    if (!objects.ok()) return objects.error();
    // A file with nothing in it (new, or left by an ingest killed before its first commit) is
    // made an archive, whichever the mode.
    bool fresh = app.value() == 0 && version.value() == 0 && objects.value() == 0;
    if (!fresh && app.value() != kApplicationId) {
      return Error{ErrorCode::kBadArchive, db.path() + " is a SQLite database of another program, not a notice archive"};
    }
    if (version.value() > latest) {
      return Error{ErrorCode::kBadArchive, db.path() + " was written by a newer notice (archive schema " +
                                               std::to_string(version.value()) + "; this one reads up to " +
                                               std::to_string(latest) + "): use that version or a newer one"};
    }
    if (version.value() == latest) return inside ? db.exec("COMMIT") : std::nullopt;
    if (!inside) {
      // Look again inside a write transaction: another process may be migrating the same file.
      if (auto e = db.exec("BEGIN IMMEDIATE")) return e;
      continue;
    }
    for (int v = static_cast<int>(version.value()); v < latest; ++v) {
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
  sqlite3_busy_timeout(raw, 30000);
  std::string tokenizerError;
  if (!registerBigramTokenizer(raw, &tokenizerError)) {
    return Error{ErrorCode::kBadArchive, "cannot search " + path + ": " + tokenizerError};
  }
  // Whose file it is, before anything is written to it (WAL mode would change a foreign file).
  auto app = pragmaInt(*db, "application_id");
  if (!app.ok()) return app.error();
  auto objects = pragmaInt(*db, "schema_version");
  if (!objects.ok()) return objects.error();
  if (app.value() != kApplicationId && objects.value() != 0) {
    return Error{ErrorCode::kBadArchive, path + " is a SQLite database of another program, not a notice archive"};
  }
  if (auto journal = pragmaInt(*db, "journal_mode = WAL"); !journal.ok()) return journal.error();
  if (auto e = db->exec("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON")) return *e;
  if (auto e = migrate(*db)) return *e;
  return db;
}

}  // namespace notice::archive
