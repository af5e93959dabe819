// The archive (archive/archive.h), the same tests on both backends (SQLite, PostgreSQL): ingest
// and re-ingest, versions and the one queries see, every filter, search, the export's records,
// series; then files and databases that are no archive.
#include <sqlite3.h>

#include <array>
#include <fstream>
#include <random>
#include <set>

#include "archive/batch_ingest.h"
#include "archive/folder_watch.h"
#include "archive/pg_archive.h"
#include "archive/series.h"
#include "archive_support.h"

namespace notice::archive {
namespace {

using testing::ArchiveLocation;
using testing::Backend;
using testing::backendName;
using testing::kBackends;
using testing::makeNotice;
using testing::openOrDie;
using testing::ScratchDir;

// A test of the archive on one backend, with an empty archive of its own.
class Store : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    SKIP_WITHOUT(location_);
    a_ = openOrDie(location_.location());
    ASSERT_TRUE(a_);
  }
  const ScratchDir& dir() const { return location_.dir(); }
  ArchiveLocation location_{GetParam()};
  std::unique_ptr<Archive> a_;
};
INSTANTIATE_TEST_SUITE_P(Backends, Store, kBackends, backendName);

std::vector<std::string> samples() {
  std::vector<std::string> out;
  for (const char* folder : {"corpus/text", "corpus/pdf"}) out.push_back(notice::testing::sourcePath(folder));
  std::vector<FileFailure> failures;
  auto files = expandPaths(out, {}, &failures);
  EXPECT_TRUE(failures.empty());
  return files;
}

std::set<int64_t> ids(const std::vector<Summary>& rows) {
  std::set<int64_t> out;
  for (const auto& r : rows) out.insert(r.id);
  return out;
}

TEST_P(Store, IngestThenIngestAgainChangesNothing) {
  auto& a = a_;
  BatchOptions options;
  options.jobs = 2;
  auto files = samples();
  ASSERT_EQ(files.size(), 10u);
  BatchSummary first = ingestFiles(*a, notice::testing::engine(), files, options);
  EXPECT_TRUE(first.failed.empty()) << first.failed[0].file << ": " << first.failed[0].reason;
  // Five notices, each as a PDF and as a text export: the second copy is another version.
  EXPECT_EQ(first.ingested, 5u);
  EXPECT_EQ(first.versions, 5u);
  EXPECT_EQ(first.duplicates, 0u);
  auto listed = a->list({});
  ASSERT_TRUE(listed.ok());
  EXPECT_EQ(listed.value().size(), 5u);
  for (const auto& s : listed.value()) EXPECT_EQ(s.versions, 2) << *s.doc_number;
  Filter all;
  all.all_versions = true;
  EXPECT_EQ(a->list(all).value().size(), 10u);

  BatchSummary again = ingestFiles(*a, notice::testing::engine(), files, options);
  EXPECT_EQ(again.ingested, 0u);
  EXPECT_EQ(again.versions, 0u);
  EXPECT_EQ(again.duplicates, 10u);
  EXPECT_TRUE(again.failed.empty());
  EXPECT_EQ(a->list(all).value().size(), 10u);
  EXPECT_EQ(ids(a->list({}).value()), ids(listed.value()));
}

TEST_P(Store, AFileThatCannotBeParsedIsReportedAndTheBatchGoesOn) {
  auto& a = a_;
  const ScratchDir& dir = this->dir();
  std::ofstream(dir.file("empty.txt")).close();
  std::vector<std::string> files = {dir.file("empty.txt"), notice::testing::sourcePath("corpus/text/2026-shanxi-jjzc53.txt"),
                                    dir.file("missing.txt")};
  BatchSummary s = ingestFiles(*a, notice::testing::engine(), files, {});
  EXPECT_EQ(s.ingested, 1u);
  ASSERT_EQ(s.failed.size(), 2u);
  std::set<std::string> failed = {s.failed[0].file, s.failed[1].file};
  EXPECT_TRUE(failed.count(dir.file("empty.txt")));
  EXPECT_TRUE(failed.count(dir.file("missing.txt")));
  for (const auto& f : s.failed) EXPECT_FALSE(f.reason.empty());
}

TEST(Archive, ExpandPathsWalksFoldersAndSkipsTheArchive) {
  ScratchDir dir;
  std::filesystem::create_directories(dir.path() / "sub" / ".hidden");
  for (const char* f : {"a.txt", "sub/b.txt", "sub/.hidden/c.txt", ".d.txt", "notices.db"}) std::ofstream(dir.file(f)) << "x";
  std::vector<FileFailure> failures;
  auto files = expandPaths({dir.path().string(), dir.file("nothing-here")}, {dir.file("notices.db")}, &failures);
  EXPECT_EQ(files, (std::vector<std::string>{dir.file("a.txt"), dir.file("sub/b.txt")}));
  ASSERT_EQ(failures.size(), 1u);
  EXPECT_EQ(failures[0].file, dir.file("nothing-here"));
}

TEST_P(Store, VersionsOfOneDocNumberAndTheCurrentOne) {
  auto& a = a_;
  const std::string number = "晋教职成函〔2021〕30号";
  auto first = makeNotice("first", number, "山西省", 2021, "2021-05-06");
  auto older = makeNotice("older", number, "山西省", 2021, "2021-04-01");
  auto sameDay = makeNotice("same day, later ingest", number, "山西省", 2021, "2021-05-06");
  auto undated = makeNotice("no date", number, "山西省", 2021, std::nullopt);

  auto r1 = a->ingest("first.pdf", first.bytes, first.record);
  ASSERT_TRUE(r1.ok()) << r1.error().message;
  EXPECT_EQ(r1.value().outcome, Ingested::Outcome::kAdded);
  auto r2 = a->ingest("older.txt", older.bytes, older.record);
  EXPECT_EQ(r2.value().outcome, Ingested::Outcome::kNewVersion);
  EXPECT_EQ(r2.value().notice_id, r1.value().notice_id);
  // The latest issue date wins over the later ingest.
  EXPECT_EQ(a->resolve(number).value(), r1.value().version_id);
  auto r3 = a->ingest("same-day.html", sameDay.bytes, sameDay.record);
  // Among equal dates, the later ingest.
  EXPECT_EQ(a->resolve(number).value(), r3.value().version_id);
  auto r4 = a->ingest("undated.txt", undated.bytes, undated.record);
  EXPECT_EQ(r4.value().outcome, Ingested::Outcome::kNewVersion);
  EXPECT_EQ(a->resolve(number).value(), r3.value().version_id);

  auto versions = a->versionsOf(r1.value().notice_id);
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions.value().size(), 4u);
  EXPECT_EQ(versions.value()[0].id, r3.value().version_id);
  EXPECT_TRUE(versions.value()[0].current);
  for (size_t i = 1; i < 4; ++i) EXPECT_FALSE(versions.value()[i].current);
  auto listed = a->list({});
  ASSERT_EQ(listed.value().size(), 1u);
  EXPECT_EQ(listed.value()[0].id, r3.value().version_id);
  EXPECT_EQ(listed.value()[0].versions, 4);

  // The same bytes again: a duplicate, pointing at the file they came from first.
  auto again = a->ingest("copy-of-first.pdf", first.bytes, first.record);
  EXPECT_EQ(again.value().outcome, Ingested::Outcome::kDuplicate);
  EXPECT_EQ(again.value().version_id, r1.value().version_id);
  EXPECT_EQ(again.value().first_file, "first.pdf");

  // By id; unknown ones are none; a notice without a 发文字号 is one of its own.
  EXPECT_EQ(a->resolve(std::to_string(r2.value().version_id)).value(), r2.value().version_id);
  EXPECT_FALSE(a->resolve("999").value());
  EXPECT_FALSE(a->resolve("晋教职成函〔1999〕1号").value());
  auto loose1 = makeNotice("loose 1", std::nullopt, "山西省", 2021, "2021-01-01");
  auto loose2 = makeNotice("loose 2", std::nullopt, "山西省", 2021, "2021-01-01");
  EXPECT_EQ(a->ingest("l1", loose1.bytes, loose1.record).value().outcome, Ingested::Outcome::kAdded);
  EXPECT_EQ(a->ingest("l2", loose2.bytes, loose2.record).value().outcome, Ingested::Outcome::kAdded);
  EXPECT_EQ(a->list({}).value().size(), 3u);

  // What was stored comes back: the original bytes and the record.
  auto stored = a->version(r2.value().version_id);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(a->original(stored.value().sha256).value(), "older");
  EXPECT_EQ(toJson(stored.value().record), toJson(older.record));
  EXPECT_EQ(stored.value().summary.file, "older.txt");
  EXPECT_FALSE(a->version(999).ok());
}

class Filters : public Store {
 protected:
  void SetUp() override {
    Store::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto n1 = makeNotice("n1", "晋教职成函〔2021〕30号", "山西省", 2021, "2021-05-06");
    n1.record.deadlines = {{"2021-06-15", "报送总结", "6月15日前报送总结。", std::nullopt}};
    n1.record.event_periods = {{"职业教育活动周", "2021-05-10", "2021-05-16"}};
    auto n2 = makeNotice("n2", "皖教秘职成〔2026〕23号", "安徽省", 2026, "2026-04-29");
    n2.record.issuers = {"安徽省教育厅", "安徽省人力资源和社会保障厅"};
    n2.record.doc_type = "函";
    n2.record.deadlines = {{"2026-05-20", "报送方案", "5月20日前报送方案。", std::nullopt},
                           {"2026-11-30", "填报汇总表", "11月30日前填报。", std::nullopt}};
    n2.record.event_periods = {{"职业教育活动周", "2026-05-10", "2026-05-16"}};
    auto n3 = makeNotice("n3", "晋教职成函〔2026〕53号", "山西省", 2026, "2026-05-09");
    for (auto* m : {&n1, &n2, &n3}) {
      auto r = a_->ingest("f", m->bytes, m->record);
      ASSERT_TRUE(r.ok()) << r.error().message;
      id_.push_back(r.value().version_id);
    }
  }
  std::set<int64_t> run(const Filter& f) {
    auto rows = a_->list(f);
    EXPECT_TRUE(rows.ok()) << rows.error().message;
    auto records = a_->records(f);
    EXPECT_TRUE(records.ok());
    EXPECT_EQ(records.value().size(), rows.value().size());  // export filters as list does
    return ids(rows.value());
  }
  std::set<int64_t> of(std::initializer_list<int> which) {
    std::set<int64_t> out;
    for (int i : which) out.insert(id_[static_cast<size_t>(i - 1)]);
    return out;
  }
  std::vector<int64_t> id_;
};
INSTANTIATE_TEST_SUITE_P(Backends, Filters, kBackends, backendName);

TEST_P(Filters, EachFilter) {
  EXPECT_EQ(run({}), of({1, 2, 3}));
  Filter f;
  f.province = "山西省";
  EXPECT_EQ(run(f), of({1, 3}));
  f = {};
  f.year = 2026;
  EXPECT_EQ(run(f), of({2, 3}));
  f = {};
  f.issuer = "社会保障";  // part of one issuer's name
  EXPECT_EQ(run(f), of({2}));
  f = {};
  f.doc_type = "函";
  EXPECT_EQ(run(f), of({2}));
  f = {};
  f.province = "山西省";
  f.year = 2026;
  EXPECT_EQ(run(f), of({3}));
}

TEST_P(Filters, Deadlines) {
  Filter f;
  f.deadline_after = "2026-06-01";
  EXPECT_EQ(run(f), of({2}));
  f = {};
  f.deadline_before = "2021-06";  // a month bound takes the whole month
  EXPECT_EQ(run(f), of({1}));
  f = {};
  f.deadline_after = "2021-06-15";  // inclusive
  f.deadline_before = "2021-06-15";
  EXPECT_EQ(run(f), of({1}));
  // A deadline in June 2026: n2 has one in May and one in November, none in June.
  f = {};
  f.deadline_after = "2026-06-01";
  f.deadline_before = "2026-06-30";
  EXPECT_EQ(run(f), of({}));
  f = {};
  f.deadline_after = "2026-05";
  f.deadline_before = "2026-05";
  EXPECT_EQ(run(f), of({2}));
}

TEST_P(Filters, EventPeriodsOverlapTheRange) {
  Filter f;
  f.event_after = "2026-05-16";  // the week's last day
  EXPECT_EQ(run(f), of({2}));
  f = {};
  f.event_before = "2021-05-10";  // the week's first day
  EXPECT_EQ(run(f), of({1}));
  f = {};
  f.event_after = "2021-05-12";
  f.event_before = "2021-05-12";  // inside the week
  EXPECT_EQ(run(f), of({1}));
  f = {};
  f.event_after = "2021-05-17";
  f.event_before = "2021-12-31";
  EXPECT_EQ(run(f), of({}));
}

TEST_P(Filters, AllVersions) {
  auto n1b = makeNotice("n1 again", "晋教职成函〔2021〕30号", "山西省", 2021, "2021-05-07");
  auto r = a_->ingest("f", n1b.bytes, n1b.record);
  Filter f;
  f.province = "山西省";
  std::set<int64_t> current = of({3});
  current.insert(r.value().version_id);
  EXPECT_EQ(run(f), current);
  f.all_versions = true;
  current.insert(id_[0]);
  EXPECT_EQ(run(f), current);
}

// The samples ingested once per backend, shared by the tests that only read.
class Corpus : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    auto& shared = archives()[static_cast<int>(GetParam())];
    if (!shared.location) {
      shared.location = std::make_unique<ArchiveLocation>(GetParam(), "corpus.db");
      if (!shared.location->available()) GTEST_SKIP() << testing::kNoServer;
      shared.archive = openOrDie(shared.location->location());
      ASSERT_TRUE(shared.archive);
      BatchOptions options;
      options.jobs = 2;
      auto s = ingestFiles(*shared.archive, notice::testing::engine(), samples(), options);
      ASSERT_TRUE(s.failed.empty()) << s.failed[0].reason;
    }
    SKIP_WITHOUT(*shared.location);
    archive_ = shared.archive.get();
    ASSERT_TRUE(archive_);
  }
  static void TearDownTestSuite() {
    for (auto& shared : archives()) shared = {};
  }
  struct Shared {
    std::unique_ptr<ArchiveLocation> location;
    std::unique_ptr<Archive> archive;
  };
  static std::array<Shared, 2>& archives() {
    static std::array<Shared, 2> all;
    return all;
  }
  Archive* archive_ = nullptr;
};
INSTANTIATE_TEST_SUITE_P(Backends, Corpus, kBackends, backendName);

std::vector<std::string> docNumbers(const std::vector<SearchHit>& hits) {
  std::vector<std::string> out;
  for (const auto& h : hits) out.push_back(h.summary.doc_number.value_or(""));
  return out;
}

TEST_P(Corpus, SearchFindsWordsOfEveryLength) {
  for (const char* word : {"民政", "退役军人", "终身学习", "职业教育活动周"}) {
    auto hits = archive_->search(word, 20, "[", "]", false);
    ASSERT_TRUE(hits.ok()) << hits.error().message;
    EXPECT_FALSE(hits.value().empty()) << word;
    for (const auto& h : hits.value()) EXPECT_NE(h.snippet.find("["), std::string::npos) << word << ": " << h.snippet;
  }
  // 民政 is among the 2026 notices' issuers (民政厅), not 2021's.
  auto hits = archive_->search("民政", 20, "[", "]", false).value();
  for (const auto& n : docNumbers(hits)) EXPECT_EQ(n.find("2021"), std::string::npos) << n;
  // Current versions only, unless asked: each notice once.
  EXPECT_LE(hits.size(), 5u);
  EXPECT_GT(archive_->search("民政", 20, "[", "]", true).value().size(), hits.size());
}

TEST_P(Corpus, SearchOperatorsAndRanking) {
  auto anhui = archive_->search("职业教育 安徽", 20, "[", "]", false).value();
  ASSERT_EQ(docNumbers(anhui), std::vector<std::string>{"皖教秘职成〔2026〕23号"});
  auto notAnhui = archive_->search("职业教育 NOT 安徽", 20, "[", "]", false).value();
  EXPECT_EQ(notAnhui.size(), 3u);  // Shanxi 2021-30, 2024, 2026 (2021-65 is on 终身学习 alone)
  for (const auto& n : docNumbers(notAnhui)) EXPECT_EQ(n.find("皖"), std::string::npos);
  // Best first: scores never decrease.
  auto ranked = archive_->search("活动周", 20, "[", "]", false).value();
  ASSERT_GE(ranked.size(), 2u);
  for (size_t i = 1; i < ranked.size(); ++i) EXPECT_LE(ranked[i - 1].score, ranked[i].score);
  auto bad = archive_->search("\"unclosed", 20, "[", "]", false);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().code, ErrorCode::kBadArgument);
}

TEST_P(Corpus, RecordsComeBackAsTheEngineWroteThem) {
  Filter all;
  all.all_versions = true;
  auto versions = archive_->records(all);
  ASSERT_TRUE(versions.ok());
  ASSERT_EQ(versions.value().size(), 10u);
  for (const auto& v : versions.value()) {
    auto parsed = notice::testing::engine().parseBytes(notice::testing::readFile(v.summary.file), v.summary.file, {});
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(toJson(v.record), parsed.value()) << v.summary.file;
    EXPECT_EQ(sha256Hex(archive_->original(v.sha256).value()), v.sha256);
  }
}

TEST_P(Corpus, SeriesByActivity) {
  auto versions = archive_->records({});
  auto series = findSeries(versions.value(), notice::testing::grammar());
  auto picked = pickSeries(series, "职业教育活动周");
  ASSERT_TRUE(picked.ok()) << picked.error().message;
  EXPECT_EQ(picked.value().kind, Series::Kind::kActivity);
  std::vector<std::string> numbers;
  for (const auto& m : picked.value().members) numbers.push_back(m.doc_number.value_or(""));
  // Shanxi's three years and Anhui, oldest first (2021-65 is on the 终身学习 week alone).
  EXPECT_EQ(numbers, (std::vector<std::string>{"晋教职成函〔2021〕30号", "晋教职成函〔2024〕30号", "皖教秘职成〔2026〕23号",
                                               "晋教职成函〔2026〕53号"}));
  EXPECT_FALSE(pickSeries(series, "活动周").ok());  // two series have it: say which
  EXPECT_FALSE(pickSeries(series, "春节").ok());
}

TEST(Series, ByTitlePatternOfOneIssuer) {
  std::vector<StoredVersion> versions;
  auto add = [&](int64_t id, const std::string& title, const std::string& issuer, int year) {
    auto m = makeNotice(title, std::nullopt, "湖南省", year, std::to_string(year) + "-01-10");
    m.record.title = title;
    m.record.issuers = {issuer};
    StoredVersion v;
    v.summary.id = id;
    v.record = m.record;
    versions.push_back(v);
  };
  add(1, "湖南省人民政府办公厅关于2022年春节放假安排的通知", "湖南省人民政府办公厅", 2022);
  add(2, "湖南省人民政府办公厅关于2021年春节放假安排的通知", "湖南省人民政府办公厅", 2021);
  add(3, "江西省人民政府办公厅关于2021年春节放假安排的通知", "江西省人民政府办公厅", 2021);  // another issuer
  add(4, "湖南省教育厅等十部门关于开展第三届读书节的通知", "湖南省教育厅", 2021);
  add(5, "湖南省教育厅等九部门关于开展第四届读书节的通知", "湖南省教育厅", 2022);
  auto series = findSeries(versions, notice::testing::grammar());
  ASSERT_EQ(series.size(), 2u);
  auto holiday = pickSeries(series, "湖南省人民政府办公厅关于…春节放假安排的通知");
  ASSERT_TRUE(holiday.ok()) << holiday.error().message;
  EXPECT_EQ(holiday.value().kind, Series::Kind::kTitle);
  ASSERT_EQ(holiday.value().members.size(), 2u);
  EXPECT_EQ(holiday.value().members[0].id, 2);  // 2021 first
  auto reading = pickSeries(series, "读书节");
  ASSERT_TRUE(reading.ok()) << reading.error().message;
  EXPECT_EQ(reading.value().name, "湖南省教育厅…关于开展…读书节的通知");
}

// --- files that are no archive ---

void writeBytes(const std::string& path, const std::string& bytes) { std::ofstream(path, std::ios::binary) << bytes; }

// Runs SQL on a file with SQLite itself, as another program would.
void sqlOn(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);
}

std::string openError(const std::string& path, OpenMode mode = OpenMode::kExisting) {
  auto a = openArchive(path, mode);
  return a.ok() ? "" : a.error().message;
}

TEST(ArchiveFile, RandomBytesAreNoArchive) {
  ScratchDir dir;
  std::mt19937 random(7);
  std::string bytes(20000, '\0');
  for (char& c : bytes) c = static_cast<char>(random());
  writeBytes(dir.file("random.db"), bytes);
  for (auto mode : {OpenMode::kExisting, OpenMode::kCreate}) {
    EXPECT_NE(openError(dir.file("random.db"), mode).find("is not a notice archive"), std::string::npos);
  }
  EXPECT_EQ(notice::testing::readFile(dir.file("random.db")), bytes);  // left as it was
}

TEST(ArchiveFile, ACutShortArchiveIsDamaged) {
  ScratchDir dir;
  {
    auto a = openOrDie(dir.file("a.db"));
    for (int i = 0; i < 50; ++i) {
      auto m = makeNotice("notice " + std::to_string(i) + std::string(3000, 'x'), std::nullopt, "山西省", 2026, "2026-01-01");
      ASSERT_TRUE(a->ingest("f", m.bytes, m.record).ok());
    }
  }
  auto size = std::filesystem::file_size(dir.file("a.db"));
  std::filesystem::resize_file(dir.file("a.db"), size / 2);
  EXPECT_NE(openError(dir.file("a.db")).find("is damaged: cut short"), std::string::npos) << openError(dir.file("a.db"));
}

TEST(ArchiveFile, DamagedPagesAreAnErrorNotACrash) {
  ScratchDir dir;
  {
    auto a = openOrDie(dir.file("a.db"));
    for (int i = 0; i < 50; ++i) {
      auto m = makeNotice("notice " + std::to_string(i) + std::string(3000, 'x'), "测〔2026〕" + std::to_string(i) + "号",
                          "山西省", 2026, "2026-01-01");
      ASSERT_TRUE(a->ingest("f", m.bytes, m.record).ok());
    }
  }
  std::string bytes = notice::testing::readFile(dir.file("a.db"));
  std::mt19937 random(11);
  for (size_t i = 4096; i < bytes.size(); ++i) bytes[i] = static_cast<char>(random());  // all but page 1
  writeBytes(dir.file("a.db"), bytes);
  auto a = openSqliteArchive(dir.file("a.db"), OpenMode::kExisting);
  if (!a.ok()) {
    EXPECT_EQ(a.error().code, ErrorCode::kBadArchive) << a.error().message;
    return;
  }
  Filter all;
  all.all_versions = true;
  auto listed = a.value()->list(all);
  auto found = a.value()->search("notice", 10, "[", "]", true);
  auto records = a.value()->records(all);
  EXPECT_FALSE(listed.ok() && found.ok() && records.ok());
  if (!listed.ok()) {
    EXPECT_NE(listed.error().message.find("damaged"), std::string::npos) << listed.error().message;
  }
}

TEST(ArchiveFile, AnotherProgramsDatabaseIsLeftAlone) {
  ScratchDir dir;
  const std::string foreign = dir.file("foreign.db");
  sqlOn(foreign, "CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO photos VALUES (1, 'x')");
  std::string before = notice::testing::readFile(foreign);
  for (auto mode : {OpenMode::kExisting, OpenMode::kCreate}) {
    EXPECT_NE(openError(foreign, mode).find("a SQLite database of another program"), std::string::npos) << openError(foreign, mode);
  }
  EXPECT_EQ(notice::testing::readFile(foreign), before);
}

TEST(ArchiveFile, ANewerArchiveIsRefused) {
  ScratchDir dir;
  { openOrDie(dir.file("a.db")); }
  sqlOn(dir.file("a.db"), "PRAGMA user_version = " + std::to_string(sqliteSchemaVersion() + 1));
  EXPECT_NE(openError(dir.file("a.db")).find("was written by a newer notice"), std::string::npos) << openError(dir.file("a.db"));
}

TEST(ArchiveFile, MissingAndEmpty) {
  ScratchDir dir;
  EXPECT_NE(openError(dir.file("none.db")).find("no archive at"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir.file("none.db")));  // a query creates nothing
  // An empty file (as an ingest killed before its first commit leaves one) is an empty archive.
  writeBytes(dir.file("empty.db"), "");
  EXPECT_EQ(openError(dir.file("empty.db")), "");
  auto a = openSqliteArchive(dir.file("empty.db"), OpenMode::kExisting);
  ASSERT_TRUE(a.ok());
  EXPECT_TRUE(a.value()->list({}).value().empty());
  EXPECT_NE(openError(dir.path().string()).find("is a folder"), std::string::npos);
}

// --- databases that are no archive, and the schemas (PostgreSQL; the same rules as files) ---

TEST(ArchiveSchema, MigrationsAreTheNumberedFilesAndOpeningAppliesThem) {
  for (const char* backend : {"sqlite", "pg"}) {
    size_t files = 0;
    for (const auto& e : std::filesystem::directory_iterator(notice::testing::sourcePath(std::string("schema/sql/") + backend))) {
      files += e.path().extension() == ".sql";
    }
    EXPECT_EQ(files, static_cast<size_t>(std::string(backend) == "pg" ? pgSchemaVersion() : sqliteSchemaVersion())) << backend;
  }
  for (Backend b : {Backend::kSqlite, Backend::kPostgres}) {
    ArchiveLocation location(b);
    if (!location.available()) continue;
    { openOrDie(location.location()); }
    if (b == Backend::kSqlite) EXPECT_EQ(location.sql("PRAGMA user_version"), std::to_string(sqliteSchemaVersion()));
    else EXPECT_EQ(location.sql("SELECT version FROM archive_schema"), std::to_string(pgSchemaVersion()));
  }
}

TEST(ArchiveLocations, AUrlIsAServerAndAnythingElseAFile) {
  EXPECT_TRUE(isServerLocation("postgresql://archive.example/notices"));
  EXPECT_TRUE(isServerLocation("postgres://u@h:5433/db?sslmode=require"));
  EXPECT_FALSE(isServerLocation("notices.db"));
  EXPECT_FALSE(isServerLocation("./postgresql:/x.db"));
  EXPECT_EQ(shownLocation("postgresql://clerk:s3cret@host/db"), "postgresql://clerk:***@host/db");
  EXPECT_EQ(shownLocation("postgresql://clerk@host/db"), "postgresql://clerk@host/db");
}

TEST(ServerArchive, ANewerArchiveIsRefused) {
  ArchiveLocation location(Backend::kPostgres);
  SKIP_WITHOUT(location);
  { openOrDie(location.location()); }
  location.sql("UPDATE archive_schema SET version = " + std::to_string(pgSchemaVersion() + 1));
  auto a = openArchive(location.location(), OpenMode::kExisting);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.error().code, ErrorCode::kBadArchive);
  EXPECT_NE(a.error().message.find("was written by a newer notice"), std::string::npos) << a.error().message;
}

TEST(ServerArchive, AnotherProgramsDatabaseIsLeftAlone) {
  ArchiveLocation location(Backend::kPostgres);
  SKIP_WITHOUT(location);
  location.sql("CREATE TABLE photos (id integer PRIMARY KEY, name text); INSERT INTO photos VALUES (1, 'x')");
  for (auto mode : {OpenMode::kExisting, OpenMode::kCreate}) {
    auto a = openArchive(location.location(), mode);
    ASSERT_FALSE(a.ok());
    EXPECT_NE(a.error().message.find("holds tables of another program"), std::string::npos) << a.error().message;
  }
  EXPECT_EQ(location.sql("SELECT count(*) FROM photos"), "1");
  EXPECT_EQ(location.sql("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"), "1");
}

TEST(ServerArchive, AnEmptyDatabaseIsAnEmptyArchiveAndAServerNotThereIsAnError) {
  ArchiveLocation location(Backend::kPostgres);
  SKIP_WITHOUT(location);
  auto a = openArchive(location.location(), OpenMode::kExisting);
  ASSERT_TRUE(a.ok()) << a.error().message;
  EXPECT_TRUE(a.value()->list({}).value().empty());
  // Port 1 on this machine: nothing listens there.
  auto none = openArchive("postgresql://clerk:s3cret@127.0.0.1:1/notices?connect_timeout=5", OpenMode::kExisting);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, ErrorCode::kIoError);
  EXPECT_NE(none.error().message.find("cannot connect to the archive postgresql://clerk:***@127.0.0.1:1/"), std::string::npos)
      << none.error().message;
  EXPECT_EQ(none.error().message.find("s3cret"), std::string::npos);
  const std::string server = testing::testServer();
  auto missing = openArchive(server.substr(0, server.rfind('/') + 1) + "no_such_database", OpenMode::kExisting);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("does not exist"), std::string::npos) << missing.error().message;
}

TEST(FolderWatch, AFileIsHandedOutOnceItStopsChanging) {
  ScratchDir dir;
  FolderWatch watch(dir.path().string(), {});
  std::vector<FileFailure> failures;
  EXPECT_TRUE(watch.poll(&failures).empty());
  writeBytes(dir.file("a.txt"), "part");
  EXPECT_TRUE(watch.poll(&failures).empty());  // seen once: may still be growing
  EXPECT_EQ(watch.poll(&failures), std::vector<std::string>{dir.file("a.txt")});
  EXPECT_TRUE(watch.poll(&failures).empty());  // handed out already
  writeBytes(dir.file("a.txt"), "part and more");
  EXPECT_TRUE(watch.poll(&failures).empty());
  EXPECT_EQ(watch.poll(&failures), std::vector<std::string>{dir.file("a.txt")});
  EXPECT_TRUE(failures.empty());
}

}  // namespace
}  // namespace notice::archive
