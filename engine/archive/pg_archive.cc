#include "archive/pg_archive.h"

#include <nlohmann/json.hpp>

#include "archive/pg_db.h"
#include "archive/pg_schema.h"
#include "archive/pg_search.h"
#include "core/sha256.h"
#include "core/utf8.h"

namespace notice::archive {
namespace {

// The columns of a Summary, in the order readSummary reads them (as the SQLite archive's).
constexpr const char* kSummaryColumns =
    "v.id, v.notice_id, v.doc_number, v.title, v.doc_type, v.province, v.issue_date, v.year, v.file, "
    "(SELECT count(*) FROM versions w WHERE w.notice_id = v.notice_id), (n.current_version = v.id)::int, "
    "(SELECT string_agg(name, chr(31) ORDER BY position) FROM issuers WHERE version_id = v.id)";
constexpr int kSummaryColumnCount = 12;
// The columns of a StoredVersion after its Summary.
constexpr const char* kVersionColumns = ", v.sha256, v.format, f.size, v.ingested_at, v.record";
constexpr const char* kVersionFrom = " FROM versions v JOIN notices n ON n.id = v.notice_id JOIN files f ON f.sha256 = v.sha256";

// Oldest first; a version without an issue date last.
constexpr const char* kOrder = " ORDER BY v.issue_date IS NULL, v.issue_date, v.id";
// The current version of a notice: latest issue date (an undated one last), then latest ingest.
constexpr const char* kCurrentOrder = "ORDER BY issue_date IS NULL, issue_date DESC, id DESC";

Summary readSummary(const PgResult& r, int row) {
  Summary s;
  s.id = r.integer(row, 0);
  s.notice_id = r.integer(row, 1);
  s.doc_number = r.textOrNull(row, 2);
  s.title = r.textOrNull(row, 3);
  s.doc_type = r.textOrNull(row, 4);
  s.province = r.textOrNull(row, 5);
  s.issue_date = r.textOrNull(row, 6);
  s.year = r.integerOrNull(row, 7);
  s.file = r.text(row, 8);
  s.versions = static_cast<int>(r.integer(row, 9));
  s.current = r.integer(row, 10) != 0;
  std::string issuers = r.text(row, 11);
  for (size_t from = 0; !issuers.empty() && from <= issuers.size();) {
    size_t to = issuers.find('\x1f', from);
    if (to == std::string::npos) to = issuers.size();
    s.issuers.push_back(issuers.substr(from, to - from));
    from = to + 1;
  }
  return s;
}

// A LIKE pattern for `text` anywhere in a value (a substring, as instr() on SQLite).
std::string containing(const std::string& text) {
  std::string out = "%";
  for (char c : text) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

// The WHERE clause of a filter and its parameters ($first…).
struct Where {
  std::string sql;
  std::vector<PgParam> params;
};

Where whereOf(const Filter& f, int first = 1) {
  Where w;
  auto param = [&](PgParam value) {
    w.params.push_back(std::move(value));
    return "$" + std::to_string(first + static_cast<int>(w.params.size()) - 1);
  };
  if (f.province) w.sql += " AND v.province = " + param(*f.province);
  if (f.year) w.sql += " AND v.year = " + param(int64_t{*f.year});
  if (f.issuer) w.sql += " AND EXISTS (SELECT 1 FROM issuers i WHERE i.version_id = v.id AND i.name LIKE " + param(containing(*f.issuer)) + ")";
  if (f.doc_type) w.sql += " AND v.doc_type = " + param(*f.doc_type);
  if (f.deadline_after || f.deadline_before) {
    w.sql += " AND EXISTS (SELECT 1 FROM deadlines d WHERE d.version_id = v.id AND d.date IS NOT NULL";
    if (f.deadline_after) w.sql += " AND d.date >= " + param(*f.deadline_after);
    if (f.deadline_before) {
      std::string p = param(*f.deadline_before);
      w.sql += " AND substr(d.date, 1, length(" + p + ")) <= " + p;
    }
    w.sql += ")";
  }
  if (f.event_after || f.event_before) {
    w.sql += " AND EXISTS (SELECT 1 FROM event_periods e WHERE e.version_id = v.id";
    if (f.event_after) w.sql += " AND e.\"end\" >= " + param(*f.event_after);
    if (f.event_before) {
      std::string p = param(*f.event_before);
      w.sql += " AND substr(e.start, 1, length(" + p + ")) <= " + p;
    }
    w.sql += ")";
  }
  if (!f.all_versions) w.sql += " AND n.current_version = v.id";
  return w;
}

Result<Notice> parseStored(const std::string& json, int64_t id, const std::string& name) {
  auto parsed = nlohmann::json::parse(json, nullptr, false);
  if (parsed.is_discarded()) return Error{ErrorCode::kBadArchive, name + ": the record of #" + std::to_string(id) + " is not JSON"};
  auto notice = noticeFromJson(parsed);
  if (!notice.ok()) {
    return Error{ErrorCode::kBadArchive, name + ": the record of #" + std::to_string(id) + " is " + notice.error().message};
  }
  return std::move(notice).value();
}

// "INSERT INTO t (a, b) VALUES ($1, $2), ($3, $4)…" for `rows` rows of `columns` values.
std::string multiRowInsert(const std::string& head, size_t columns, size_t rows) {
  std::string sql = head + " VALUES ";
  for (size_t r = 0; r < rows; ++r) {
    sql += r ? ", (" : "(";
    for (size_t c = 0; c < columns; ++c) sql += (c ? ", $" : "$") + std::to_string(r * columns + c + 1);
    sql += ")";
  }
  return sql;
}

class PgArchive final : public Archive {
 public:
  explicit PgArchive(std::unique_ptr<PgConnection> db) : db_(std::move(db)) {}

  Result<Ingested> ingest(const std::string& file, std::string_view bytes, const Notice& record) override {
    Ingested out{Ingested::Outcome::kAdded, 0, 0, {}};
    const std::string sha = sha256Hex(bytes);  // the bytes decide, whatever the record says
    PgConnection& db = *db_;
    auto failed = inTransaction(db, [&]() -> std::optional<Error> {
      // The unique key decides which ingester stores the bytes: another one writing the same
      // bytes waits here for this one's transaction, then finds them there.
      auto put = db.query("INSERT INTO files (sha256, bytes, size) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING RETURNING 1",
                          {sha, PgParam::bytes(bytes), static_cast<int64_t>(bytes.size())});
      if (!put.ok()) return put.error();
      if (put.value().rows() == 0) {
        auto seen = db.query("SELECT id, notice_id, file FROM versions WHERE sha256 = $1", {sha});
        if (!seen.ok()) return seen.error();
        if (seen.value().rows() == 0) return Error{ErrorCode::kBadArchive, db.name() + " is damaged: the file " + sha + " has no version"};
        out = {Ingested::Outcome::kDuplicate, seen.value().integer(0, 0), seen.value().integer(0, 1), seen.value().text(0, 2)};
        return std::nullopt;
      }

      std::optional<std::string> docNumber;
      if (record.doc_number) docNumber = record.doc_number->text;
      if (auto e = noticeOf(docNumber, out)) return e;

      // PostgreSQL refuses text that is not UTF-8: bytes that are none are kept as U+FFFD (the
      // tokens are the same, as the tokenizer reads them as separators either way).
      const std::string title = utf8::repaired(record.title.value_or(""));
      const std::string body = utf8::repaired(record.text);
      std::vector<PgParam> v = {out.notice_id, sha, file, record.source.format, toJson(record).dump(), docNumber};
      if (record.doc_number) {
        v.insert(v.end(), {record.doc_number->prefix, int64_t{record.doc_number->year}, int64_t{record.doc_number->serial}});
      } else {
        v.insert(v.end(), {std::nullopt, std::nullopt, std::nullopt});
      }
      v.insert(v.end(), {record.title, record.doc_type, record.province, record.year, record.issue_date, body,
                         tsvectorLiteral(title, body)});
      auto version = db.query(
          "INSERT INTO versions (notice_id, sha256, file, format, ingested_at, record, doc_number, doc_prefix, doc_year, "
          "doc_serial, title, doc_type, province, year, issue_date, body, tokens) "
          "VALUES ($1, $2, $3, $4, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), $5, $6, $7, $8, $9, "
          "$10, $11, $12, $13, $14, $15, CAST($16 AS tsvector)) RETURNING id",
          v);
      if (!version.ok()) return version.error();
      out.version_id = version.value().integer(0, 0);

      if (auto e = insertNames("issuers", out.version_id, record.issuers)) return e;
      if (auto e = insertNames("recipients", out.version_id, record.recipients)) return e;
      if (!record.deadlines.empty()) {
        std::vector<PgParam> p;
        for (size_t i = 0; i < record.deadlines.size(); ++i) {
          const Deadline& d = record.deadlines[i];
          p.insert(p.end(), {out.version_id, static_cast<int64_t>(i), d.date, d.action, d.text, d.relative});
        }
        auto r = db.query(multiRowInsert("INSERT INTO deadlines (version_id, position, date, action, text, relative)", 6,
                                         record.deadlines.size()), p);
        if (!r.ok()) return r.error();
      }
      if (!record.event_periods.empty()) {
        std::vector<PgParam> p;
        for (size_t i = 0; i < record.event_periods.size(); ++i) {
          const EventPeriod& e = record.event_periods[i];
          p.insert(p.end(), {out.version_id, static_cast<int64_t>(i), e.event, e.start, e.end});
        }
        auto r = db.query(multiRowInsert("INSERT INTO event_periods (version_id, position, event, start, \"end\")", 5,
                                         record.event_periods.size()), p);
        if (!r.ok()) return r.error();
      }
      // The notice's row is locked (noticeOf): every version of it committed before is seen here.
      auto current = db.query(std::string("UPDATE notices SET current_version = (SELECT id FROM versions WHERE notice_id = $1 ") +
                                  kCurrentOrder + " LIMIT 1) WHERE id = $1",
                              {out.notice_id});
      if (!current.ok()) return current.error();
      return std::nullopt;
    });
    if (failed) return *failed;
    return out;
  }

  Result<std::unordered_set<std::string>> storedHashes() override {
    auto r = db_->query("SELECT sha256 FROM files");
    if (!r.ok()) return r.error();
    std::unordered_set<std::string> out;
    for (int i = 0; i < r.value().rows(); ++i) out.insert(r.value().text(i, 0));
    return out;
  }

  Result<std::vector<Summary>> list(const Filter& filter) override {
    Where w = whereOf(filter);
    auto r = db_->query(std::string("SELECT ") + kSummaryColumns +
                            " FROM versions v JOIN notices n ON n.id = v.notice_id WHERE true" + w.sql + kOrder,
                        w.params);
    if (!r.ok()) return r.error();
    std::vector<Summary> out;
    for (int i = 0; i < r.value().rows(); ++i) out.push_back(readSummary(r.value(), i));
    return out;
  }

  Result<std::vector<StoredVersion>> records(const Filter& filter) override {
    Where w = whereOf(filter);
    auto r = db_->query(std::string("SELECT ") + kSummaryColumns + kVersionColumns + kVersionFrom + " WHERE true" + w.sql + kOrder,
                        w.params);
    if (!r.ok()) return r.error();
    std::vector<StoredVersion> out;
    for (int i = 0; i < r.value().rows(); ++i) {
      auto v = readVersion(r.value(), i);
      if (!v.ok()) return v.error();
      out.push_back(std::move(v).value());
    }
    return out;
  }

  Result<std::optional<int64_t>> resolve(const std::string& key) override {
    bool digits = !key.empty() && key.size() < 18 && key.find_first_not_of("0123456789") == std::string::npos;
    auto r = digits ? db_->query("SELECT id FROM versions WHERE id = $1", {int64_t{std::stoll(key)}})
                    : db_->query("SELECT current_version FROM notices WHERE doc_number = $1", {key});
    if (!r.ok()) return r.error();
    if (r.value().rows() == 0 || r.value().isNull(0, 0)) return std::optional<int64_t>();
    return std::optional<int64_t>(r.value().integer(0, 0));
  }

  Result<StoredVersion> version(int64_t id) override {
    auto r = db_->query(std::string("SELECT ") + kSummaryColumns + kVersionColumns + kVersionFrom + " WHERE v.id = $1", {id});
    if (!r.ok()) return r.error();
    if (r.value().rows() == 0) return Error{ErrorCode::kBadArgument, db_->name() + " holds no notice #" + std::to_string(id)};
    return readVersion(r.value(), 0);
  }

  Result<std::vector<Summary>> versionsOf(int64_t noticeId) override {
    auto r = db_->query(std::string("SELECT ") + kSummaryColumns +
                            " FROM versions v JOIN notices n ON n.id = v.notice_id WHERE v.notice_id = $1 "
                            "ORDER BY n.current_version = v.id DESC, v.issue_date IS NULL, v.issue_date DESC, v.id DESC",
                        {noticeId});
    if (!r.ok()) return r.error();
    std::vector<Summary> out;
    for (int i = 0; i < r.value().rows(); ++i) out.push_back(readSummary(r.value(), i));
    return out;
  }

  Result<std::string> original(const std::string& sha256) override {
    auto r = db_->query("SELECT bytes FROM files WHERE sha256 = $1", {sha256}, /*binaryResult=*/true);
    if (!r.ok()) return r.error();
    if (r.value().rows() == 0) return Error{ErrorCode::kBadArchive, db_->name() + " lacks the file " + sha256};
    return r.value().text(0, 0);
  }

  Result<std::vector<SearchHit>> search(const std::string& query, size_t limit, const std::string& open,
                                        const std::string& close, bool allVersions) override {
    auto q = toTsQuery(query);
    if (!q.ok()) {
      return Error{ErrorCode::kBadArgument, "cannot read the query '" + query + "' (" + q.error().message +
                                                "): words, \"a phrase\", NOT, OR, AND, NEAR(a b, 10)"};
    }
    auto r = db_->query(std::string("SELECT ") + kSummaryColumns + ", coalesce(v.title, ''), v.body, ts_rank(" + kRankWeights +
                            ", v.tokens, q) AS rank "
                            "FROM versions v JOIN notices n ON n.id = v.notice_id, CAST($1 AS tsquery) q "
                            "WHERE v.tokens @@ q" + (allVersions ? "" : " AND n.current_version = v.id") +
                            " ORDER BY rank DESC, v.id LIMIT $2",
                        {q.value().text, static_cast<int64_t>(limit)});
    if (!r.ok()) return r.error();
    std::vector<SearchHit> out;
    for (int i = 0; i < r.value().rows(); ++i) {
      const PgResult& s = r.value();
      // The snippet from the column with the most hits, as FTS5's snippet(search, -1, …).
      size_t titleHits = 0, bodyHits = 0;
      std::string title = snippetOfHits(s.text(i, kSummaryColumnCount), q.value().phrases, open, close, "…", 24, &titleHits);
      std::string body = snippetOfHits(s.text(i, kSummaryColumnCount + 1), q.value().phrases, open, close, "…", 24, &bodyHits);
      std::string snippet = titleHits > bodyHits ? title : body;
      for (char& c : snippet) {
        if (c == '\n' || c == '\r') c = ' ';  // one line per hit
      }
      // Lower is better, as bm25.
      out.push_back({readSummary(s, i), snippet, -s.real(i, kSummaryColumnCount + 2)});
    }
    return out;
  }

 private:
  // The notice a version with `docNumber` belongs to, its row locked until the transaction
  // ends: found, or made (the unique 发文字号 decides between two ingesters making it at once).
  std::optional<Error> noticeOf(const std::optional<std::string>& docNumber, Ingested& out) {
    PgConnection& db = *db_;
    if (!docNumber) {
      auto add = db.query("INSERT INTO notices (doc_number) VALUES (NULL) RETURNING id");
      if (!add.ok()) return add.error();
      out.notice_id = add.value().integer(0, 0);
      return std::nullopt;
    }
    for (int attempt = 0; attempt < 2; ++attempt) {
      auto found = db.query("SELECT id FROM notices WHERE doc_number = $1 FOR UPDATE", {*docNumber});
      if (!found.ok()) return found.error();
      if (found.value().rows() > 0) {
        out.notice_id = found.value().integer(0, 0);
        out.outcome = Ingested::Outcome::kNewVersion;
        return std::nullopt;
      }
      if (attempt > 0) break;
      auto add = db.query("INSERT INTO notices (doc_number) VALUES ($1) ON CONFLICT (doc_number) DO NOTHING RETURNING id",
                          {*docNumber});
      if (!add.ok()) return add.error();
      if (add.value().rows() > 0) {
        out.notice_id = add.value().integer(0, 0);
        return std::nullopt;
      }
      // Another ingester made it meanwhile and has committed: it is there now.
    }
    return Error{ErrorCode::kBadArchive, db.name() + ": the notice " + *docNumber + " vanished while it was being added to"};
  }

  std::optional<Error> insertNames(const std::string& table, int64_t version, const std::vector<std::string>& names) {
    if (names.empty()) return std::nullopt;
    std::vector<PgParam> p;
    for (size_t i = 0; i < names.size(); ++i) p.insert(p.end(), {version, static_cast<int64_t>(i), names[i]});
    auto r = db_->query(multiRowInsert("INSERT INTO " + table + " (version_id, position, name)", 3, names.size()), p);
    return r.ok() ? std::nullopt : std::optional<Error>(r.error());
  }

  Result<StoredVersion> readVersion(const PgResult& r, int row) {
    int c = kSummaryColumnCount;
    int64_t id = r.integer(row, 0);
    auto record = parseStored(r.text(row, c + 4), id, db_->name());
    if (!record.ok()) return record.error();
    return StoredVersion{readSummary(r, row), r.text(row, c), r.text(row, c + 1), r.integer(row, c + 2), r.text(row, c + 3),
                         std::move(record).value()};
  }

  std::unique_ptr<PgConnection> db_;
};

}  // namespace

Result<std::unique_ptr<Archive>> openPgArchive(const std::string& url) {
  auto db = openPgDatabase(url);
  if (!db.ok()) return db.error();
  return std::unique_ptr<Archive>(std::make_unique<PgArchive>(std::move(db).value()));
}

}  // namespace notice::archive
