// The archive: notices kept in one store with their original files, found again by their key
// fields, their dates and their words.
//
// Model. A *file* ingested is stored once, by the SHA-256 of its bytes (the same bytes again are a
// duplicate: counted, not stored). Each stored file gives one *version*, which holds the file's
// record (notice/1) and is what an archive id names. Versions with the same 发文字号 are versions
// of one *notice* (a PDF and its web copy, a corrected re-issue); a record without a 发文字号 is a
// notice of its own.
//
// Which version a query sees. A notice's *current* version is the one with the latest
// issue_date (a version without one comes after every dated one), and among equal dates the one
// ingested last. list, search, export and series see current versions only unless
// `all_versions` is asked for; show lists every version of the notice.
//
// The interface is the same for every backend: one SQLite file (sqlite_archive.h) or a
// PostgreSQL database (pg_archive.h); openArchive picks one by the location. An Archive is one
// connection: use it from one thread at a time; several processes may share one archive.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/status.h"
#include "model/notice_record.h"

namespace notice::archive {

// What one ingest did.
struct Ingested {
  enum class Outcome {
    kAdded,       // a new notice
    kNewVersion,  // another version of a notice already there (same 发文字号, other bytes)
    kDuplicate,   // the same bytes were there already: nothing stored
  } outcome;
  int64_t version_id = 0;  // the new version, or for a duplicate the version of the stored bytes
  int64_t notice_id = 0;
  std::string first_file;  // for a duplicate: the file the bytes were first ingested from
};

// The key fields of one version, as list and search show them.
struct Summary {
  int64_t id = 0;  // the version's archive id
  int64_t notice_id = 0;
  std::optional<std::string> doc_number, title, doc_type, province, issue_date;
  std::optional<int> year;
  std::vector<std::string> issuers;
  std::string file;       // the path it was ingested from
  int versions = 1;       // how many versions its notice has
  bool current = true;    // whether it is its notice's current version
};

// One stored version in full.
struct StoredVersion {
  Summary summary;
  std::string sha256;
  std::string format;
  int64_t size = 0;  // bytes of the original file
  std::string ingested_at;  // UTC, ISO 8601
  Notice record;
};

// Filters of list and export; every one given must hold. Dates compare as ISO text, so a bound
// may be a day (2026-06-30) or a month (2026-06). Bounds are inclusive.
struct Filter {
  std::optional<std::string> province;  // exactly as the record writes it (山西省)
  std::optional<int> year;
  std::optional<std::string> issuer;    // part of the name of one of its issuers (教育厅)
  std::optional<std::string> doc_type;  // 通知, 函, …
  // A deadline on or after / on or before; with both, one deadline within both.
  std::optional<std::string> deadline_after, deadline_before;
  // An event period that ends on or after / starts on or before (overlaps the range).
  std::optional<std::string> event_after, event_before;
  bool all_versions = false;
};

struct SearchHit {
  Summary summary;
  std::string snippet;  // the words around the hits, each hit between the markers given
  double score = 0;     // bm25: lower is better
};

class Archive {
 public:
  virtual ~Archive() = default;

  // Stores one file and its record in one transaction: all of it or nothing.
  virtual Result<Ingested> ingest(const std::string& file, std::string_view bytes, const Notice& record) = 0;
  // The SHA-256 of every stored file (so that a batch can skip them before parsing).
  virtual Result<std::unordered_set<std::string>> storedHashes() = 0;

  // Versions that pass the filter, ordered by issue date then id.
  virtual Result<std::vector<Summary>> list(const Filter& filter) = 0;
  // The same, with their records (export, series).
  virtual Result<std::vector<StoredVersion>> records(const Filter& filter) = 0;
  // A version by archive id ("12") or a notice's current version by 发文字号; nullopt when none.
  virtual Result<std::optional<int64_t>> resolve(const std::string& id_or_doc_number) = 0;
  virtual Result<StoredVersion> version(int64_t id) = 0;
  // Every version of a notice, current first.
  virtual Result<std::vector<Summary>> versionsOf(int64_t notice_id) = 0;
  // The original bytes of a stored file.
  virtual Result<std::string> original(const std::string& sha256) = 0;
  // Full-text search (FTS5 query syntax: words, "phrases", AND, OR, NOT, prefix*, NEAR(a b, N))
  // over titles and text, best first. The same tokens on every backend (bigram_tokens.h).
  virtual Result<std::vector<SearchHit>> search(const std::string& query, size_t limit, const std::string& hit_open,
                                                const std::string& hit_close, bool all_versions) = 0;
};

enum class OpenMode {
  kCreate,    // create the archive when there is none (ingest)
  kExisting,  // a file must be there (every query); an empty file or database is an empty archive
};

// A PostgreSQL URL (postgresql://… or postgres://…) names a server's database; anything else is
// the path of a SQLite file.
bool isServerLocation(const std::string& location);

// `location` as it may be shown: a URL's password replaced by ***.
std::string shownLocation(const std::string& location);

// The archive at `location`, of the backend its form names.
Result<std::unique_ptr<Archive>> openArchive(const std::string& location, OpenMode mode);

}  // namespace notice::archive
