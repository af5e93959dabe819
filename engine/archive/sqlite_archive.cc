#include "archive/sqlite_archive.h"

#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include "archive/sqlite_db.h"
#include "archive/sqlite_schema.h"
#include "core/sha256.h"

namespace notice::archive {
namespace {

// The columns of a Summary, in the order readSummary reads them.
constexpr const char* kSummaryColumns =
    "v.id, v.notice_id, v.doc_number, v.title, v.doc_type, v.province, v.issue_date, v.year, v.file, "
    "(SELECT count(*) FROM versions w WHERE w.notice_id = v.notice_id), n.current_version = v.id, "
    "(SELECT group_concat(name, char(31)) FROM (SELECT name FROM issuers WHERE version_id = v.id ORDER BY position))";
constexpr int kSummaryColumnCount = 12;

// Oldest first; a version without an issue date last.
constexpr const char* kOrder = " ORDER BY v.issue_date IS NULL, v.issue_date, v.id";

Summary readSummary(const Statement& st) {
  Summary s;
  s.id = st.integer(0);
  s.notice_id = st.integer(1);
  s.doc_number = st.textOrNull(2);
  s.title = st.textOrNull(3);
  s.doc_type = st.textOrNull(4);
  s.province = st.textOrNull(5);
  s.issue_date = st.textOrNull(6);
  s.year = st.integerOrNull(7);
  s.file = st.text(8);
  s.versions = static_cast<int>(st.integer(9));
  s.current = st.integer(10) != 0;
  std::string issuers = st.text(11);
  for (size_t from = 0; !issuers.empty() && from <= issuers.size();) {
    size_t to = issuers.find('\x1f', from);
    if (to == std::string::npos) to = issuers.size();
    s.issuers.push_back(issuers.substr(from, to - from));
    from = to + 1;
  }
  return s;
}

// The WHERE clause of a filter and the values it binds, in order.
struct Where {
  std::string sql;
  std::vector<std::optional<std::string>> texts;  // every bound value, as text or an integer below
  std::vector<bool> isInteger;
};

Where whereOf(const Filter& f) {
  Where w;
  auto add = [&](const std::string& condition, const std::optional<std::string>& value, bool integer = false) {
    w.sql += " AND " + condition;
    w.texts.push_back(value);
    w.isInteger.push_back(integer);
  };
  if (f.province) add("v.province = ?", f.province);
  if (f.year) add("v.year = ?", std::to_string(*f.year), true);
  if (f.issuer) add("EXISTS (SELECT 1 FROM issuers i WHERE i.version_id = v.id AND instr(i.name, ?) > 0)", f.issuer);
  if (f.doc_type) add("v.doc_type = ?", f.doc_type);
  if (f.deadline_after || f.deadline_before) {
    std::string c = "EXISTS (SELECT 1 FROM deadlines d WHERE d.version_id = v.id AND d.date IS NOT NULL";
    if (f.deadline_after) c += " AND d.date >= ?";
    if (f.deadline_before) c += " AND substr(d.date, 1, length(?)) <= ?";
    w.sql += " AND " + c + ")";
    if (f.deadline_after) { w.texts.push_back(f.deadline_after); w.isInteger.push_back(false); }
    if (f.deadline_before) {
      for (int i = 0; i < 2; ++i) { w.texts.push_back(f.deadline_before); w.isInteger.push_back(false); }
    }
  }
  if (f.event_after || f.event_before) {
    std::string c = "EXISTS (SELECT 1 FROM event_periods e WHERE e.version_id = v.id";
    if (f.event_after) c += " AND e.\"end\" >= ?";
    if (f.event_before) c += " AND substr(e.start, 1, length(?)) <= ?";
    w.sql += " AND " + c + ")";
    if (f.event_after) { w.texts.push_back(f.event_after); w.isInteger.push_back(false); }
    if (f.event_before) {
      for (int i = 0; i < 2; ++i) { w.texts.push_back(f.event_before); w.isInteger.push_back(false); }
    }
  }
  if (!f.all_versions) w.sql += " AND n.current_version = v.id";
  return w;
}

void bindWhere(Statement& st, const Where& w, int first) {
  for (size_t i = 0; i < w.texts.size(); ++i) {
    int at = first + static_cast<int>(i);
    if (w.isInteger[i]) st.bind(at, int64_t{std::stoll(*w.texts[i])});
    else st.bind(at, w.texts[i]);
  }
}

Result<Notice> parseStored(const std::string& json, int64_t id, const std::string& path) {
  auto parsed = nlohmann::json::parse(json, nullptr, false);
  if (parsed.is_discarded()) return Error{ErrorCode::kBadArchive, path + ": the record of #" + std::to_string(id) + " is not JSON"};
  auto notice = noticeFromJson(parsed);
  if (!notice.ok()) {
    return Error{ErrorCode::kBadArchive, path + ": the record of #" + std::to_string(id) + " is " + notice.error().message};
  }
  return std::move(notice).value();
}

class SqliteArchive final : public Archive {
 public:
  explicit SqliteArchive(std::unique_ptr<Database> db) : db_(std::move(db)) {}

  Result<Ingested> ingest(const std::string& file, std::string_view bytes, const Notice& record) override {
    Ingested out{Ingested::Outcome::kAdded, 0, 0, {}};
    const std::string sha = sha256Hex(bytes);  // the bytes decide, whatever the record says
    auto failed = inTransaction(*db_, [&]() -> std::optional<Error> {
      auto seen = db_->prepare("SELECT id, notice_id, file FROM versions WHERE sha256 = ?");
      if (!seen.ok()) return seen.error();
      auto row = seen.value().bind(1, sha).step();
      if (!row.ok()) return row.error();
      if (row.value()) {
        out = {Ingested::Outcome::kDuplicate, seen.value().integer(0), seen.value().integer(1), seen.value().text(2)};
        return std::nullopt;
      }
      auto put = db_->prepare("INSERT INTO files (sha256, bytes, size) VALUES (?, ?, ?)");
      if (!put.ok()) return put.error();
      if (auto e = put.value().bind(1, sha).bindBlob(2, bytes).bind(3, static_cast<int64_t>(bytes.size())).run()) return e;

      std::optional<std::string> docNumber;
      if (record.doc_number) docNumber = record.doc_number->text;
      if (docNumber) {
        auto find = db_->prepare("SELECT id FROM notices WHERE doc_number = ?");
        if (!find.ok()) return find.error();
        auto found = find.value().bind(1, *docNumber).step();
        if (!found.ok()) return found.error();
        if (found.value()) {
          out.notice_id = find.value().integer(0);
          out.outcome = Ingested::Outcome::kNewVersion;
        }
      }
      if (out.notice_id == 0) {
        auto add = db_->prepare("INSERT INTO notices (doc_number) VALUES (?)");
        if (!add.ok()) return add.error();
        if (auto e = add.value().bind(1, docNumber).run()) return e;
        out.notice_id = db_->lastInsertId();
      }

      auto version = db_->prepare(
          "INSERT INTO versions (notice_id, sha256, file, format, ingested_at, record, doc_number, doc_prefix, doc_year, "
          "doc_serial, title, doc_type, province, year, issue_date) "
          "VALUES (?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
      if (!version.ok()) return version.error();
      Statement& v = version.value();
      v.bind(1, out.notice_id).bind(2, sha).bind(3, file).bind(4, record.source.format).bind(5, toJson(record).dump());
      v.bind(6, docNumber);
      if (record.doc_number) {
        v.bind(7, record.doc_number->prefix).bind(8, int64_t{record.doc_number->year}).bind(9, int64_t{record.doc_number->serial});
      } else {
        v.bindNull(7).bindNull(8).bindNull(9);
      }
      v.bind(10, record.title).bind(11, record.doc_type).bind(12, record.province).bind(13, record.year).bind(14, record.issue_date);
      if (auto e = v.run()) return e;
      out.version_id = db_->lastInsertId();

      if (auto e = insertNames("issuers", out.version_id, record.issuers)) return e;
      if (auto e = insertNames("recipients", out.version_id, record.recipients)) return e;
      auto deadline = db_->prepare("INSERT INTO deadlines (version_id, position, date, action, text, relative) VALUES (?, ?, ?, ?, ?, ?)");
      if (!deadline.ok()) return deadline.error();
      for (size_t i = 0; i < record.deadlines.size(); ++i) {
        const Deadline& d = record.deadlines[i];
        deadline.value().bind(1, out.version_id).bind(2, static_cast<int64_t>(i)).bind(3, d.date).bind(4, d.action).bind(5, d.text).bind(6, d.relative);
        if (auto e = deadline.value().run()) return e;
      }
      auto period = db_->prepare("INSERT INTO event_periods (version_id, position, event, start, \"end\") VALUES (?, ?, ?, ?, ?)");
      if (!period.ok()) return period.error();
      for (size_t i = 0; i < record.event_periods.size(); ++i) {
        const EventPeriod& p = record.event_periods[i];
        period.value().bind(1, out.version_id).bind(2, static_cast<int64_t>(i)).bind(3, p.event).bind(4, p.start).bind(5, p.end);
        if (auto e = period.value().run()) return e;
      }
      auto text = db_->prepare("INSERT INTO search (rowid, title, body) VALUES (?, ?, ?)");
      if (!text.ok()) return text.error();
      if (auto e = text.value().bind(1, out.version_id).bind(2, record.title.value_or("")).bind(3, record.text).run()) return e;

      auto current = db_->prepare(
          "UPDATE notices SET current_version = (SELECT id FROM versions WHERE notice_id = ?1 "
          "ORDER BY issue_date IS NULL, issue_date DESC, id DESC LIMIT 1) WHERE id = ?1");
      if (!current.ok()) return current.error();
      return current.value().bind(1, out.notice_id).run();
    });
    if (failed) return *failed;
    return out;
  }

  Result<std::unordered_set<std::string>> storedHashes() override {
    auto st = db_->prepare("SELECT sha256 FROM files");
    if (!st.ok()) return st.error();
    std::unordered_set<std::string> out;
    while (true) {
      auto row = st.value().step();
      if (!row.ok()) return row.error();
      if (!row.value()) break;
      out.insert(st.value().text(0));
    }
    return out;
  }

  Result<std::vector<Summary>> list(const Filter& filter) override {
    Where w = whereOf(filter);
    auto st = db_->prepare(std::string("SELECT ") + kSummaryColumns +
                           " FROM versions v JOIN notices n ON n.id = v.notice_id WHERE 1" + w.sql + kOrder);
    if (!st.ok()) return st.error();
    bindWhere(st.value(), w, 1);
    return summaries(st.value());
  }

  Result<std::vector<StoredVersion>> records(const Filter& filter) override {
    Where w = whereOf(filter);
    auto st = db_->prepare(std::string("SELECT v.id FROM versions v JOIN notices n ON n.id = v.notice_id WHERE 1") + w.sql + kOrder);
    if (!st.ok()) return st.error();
    bindWhere(st.value(), w, 1);
    std::vector<int64_t> ids;
    while (true) {
      auto row = st.value().step();
      if (!row.ok()) return row.error();
      if (!row.value()) break;
      ids.push_back(st.value().integer(0));
    }
    std::vector<StoredVersion> out;
    for (int64_t id : ids) {
      auto v = version(id);
      if (!v.ok()) return v.error();
      out.push_back(std::move(v).value());
    }
    return out;
  }

  Result<std::optional<int64_t>> resolve(const std::string& key) override {
    bool digits = !key.empty() && key.size() < 18 && key.find_first_not_of("0123456789") == std::string::npos;
    auto st = db_->prepare(digits ? "SELECT id FROM versions WHERE id = ?"
                                  : "SELECT current_version FROM notices WHERE doc_number = ?");
    if (!st.ok()) return st.error();
    if (digits) st.value().bind(1, int64_t{std::stoll(key)});
    else st.value().bind(1, key);
    auto row = st.value().step();
    if (!row.ok()) return row.error();
    if (!row.value()) return std::optional<int64_t>();
    return std::optional<int64_t>(st.value().integer(0));
  }

  Result<StoredVersion> version(int64_t id) override {
    auto st = db_->prepare(std::string("SELECT ") + kSummaryColumns +
                           ", v.sha256, v.format, f.size, v.ingested_at, v.record FROM versions v "
                           "JOIN notices n ON n.id = v.notice_id JOIN files f ON f.sha256 = v.sha256 WHERE v.id = ?");
    if (!st.ok()) return st.error();
    auto row = st.value().bind(1, id).step();
    if (!row.ok()) return row.error();
    if (!row.value()) return Error{ErrorCode::kBadArgument, db_->path() + " holds no notice #" + std::to_string(id)};
    const Statement& s = st.value();
    int c = kSummaryColumnCount;
    auto record = parseStored(s.text(c + 4), id, db_->path());
    if (!record.ok()) return record.error();
    return StoredVersion{readSummary(s), s.text(c), s.text(c + 1), s.integer(c + 2), s.text(c + 3), std::move(record).value()};
  }

  Result<std::vector<Summary>> versionsOf(int64_t noticeId) override {
    auto st = db_->prepare(std::string("SELECT ") + kSummaryColumns +
                           " FROM versions v JOIN notices n ON n.id = v.notice_id WHERE v.notice_id = ? "
                           "ORDER BY n.current_version = v.id DESC, v.issue_date IS NULL, v.issue_date DESC, v.id DESC");
    if (!st.ok()) return st.error();
    st.value().bind(1, noticeId);
    return summaries(st.value());
  }

  Result<std::string> original(const std::string& sha256) override {
    auto st = db_->prepare("SELECT bytes FROM files WHERE sha256 = ?");
    if (!st.ok()) return st.error();
    auto row = st.value().bind(1, sha256).step();
    if (!row.ok()) return row.error();
    if (!row.value()) return Error{ErrorCode::kBadArchive, db_->path() + " lacks the file " + sha256};
    return st.value().text(0);
  }

  Result<std::vector<SearchHit>> search(const std::string& query, size_t limit, const std::string& open,
                                        const std::string& close, bool allVersions) override {
    // Title hits weigh more than body hits.
    auto st = db_->prepare(std::string("SELECT ") + kSummaryColumns +
                           ", snippet(search, -1, ?, ?, '…', 24), bm25(search, 5.0, 1.0) AS score "
                           "FROM search JOIN versions v ON v.id = search.rowid JOIN notices n ON n.id = v.notice_id "
                           "WHERE search MATCH ?" + (allVersions ? "" : " AND n.current_version = v.id") +
                           " ORDER BY score, v.id LIMIT ?");
    if (!st.ok()) return st.error();
    st.value().bind(1, open).bind(2, close).bind(3, query).bind(4, static_cast<int64_t>(limit));
    std::vector<SearchHit> out;
    while (true) {
      auto row = st.value().step();
      if (!row.ok()) {
        // A plain SQLITE_ERROR here is FTS5 refusing the query (syntax, an unclosed quote).
        std::string message = sqlite3_errmsg(db_->handle());
        if ((sqlite3_errcode(db_->handle()) & 0xff) == SQLITE_ERROR) {
          return Error{ErrorCode::kBadArgument, "cannot read the query '" + query + "' (" + message +
                                                    "): words, \"a phrase\", NOT, OR, AND, NEAR(a b, 10)"};
        }
        return row.error();
      }
      if (!row.value()) break;
      const Statement& s = st.value();
      std::string snippet = s.text(kSummaryColumnCount);
      for (char& c : snippet) {
        if (c == '\n' || c == '\r') c = ' ';  // one line per hit
      }
      out.push_back({readSummary(s), snippet, s.real(kSummaryColumnCount + 1)});
    }
    return out;
  }

 private:
  std::optional<Error> insertNames(const std::string& table, int64_t version, const std::vector<std::string>& names) {
    auto st = db_->prepare("INSERT INTO " + table + " (version_id, position, name) VALUES (?, ?, ?)");
    if (!st.ok()) return st.error();
    for (size_t i = 0; i < names.size(); ++i) {
      if (auto e = st.value().bind(1, version).bind(2, static_cast<int64_t>(i)).bind(3, names[i]).run()) return e;
    }
    return std::nullopt;
  }

  Result<std::vector<Summary>> summaries(Statement& st) {
    std::vector<Summary> out;
    while (true) {
      auto row = st.step();
      if (!row.ok()) return row.error();
      if (!row.value()) break;
      out.push_back(readSummary(st));
    }
    return out;
  }

  std::unique_ptr<Database> db_;
};

}  // namespace

Result<std::unique_ptr<Archive>> openSqliteArchive(const std::string& path, OpenMode mode) {
  auto db = openArchiveDatabase(path, mode);
  if (!db.ok()) return db.error();
  return std::unique_ptr<Archive>(std::make_unique<SqliteArchive>(std::move(db).value()));
}

}  // namespace notice::archive
