// The archive commands as a user runs them: ingest's summary and exit code, paths on stdin,
// where the archive is, each query, the consume folder, and a damaged or foreign archive given
// to every command.
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <fstream>
#include <random>
#include <thread>

#include "archive_support.h"

namespace notice::archive {
namespace {

using notice::testing::readFile;
using notice::testing::sourcePath;
using testing::ArchiveLocation;
using testing::Backend;
using testing::backendName;
using testing::kBackends;
using testing::ScratchDir;

struct Outcome {
  int code;  // -1: killed by a signal (a crash)
  std::string out, err;
};

// Runs `notice ARGS` through the shell (ARGS may hold redirections and variables).
Outcome notice(const std::string& args, const std::string& prefix = "") {
  static int counter = 0;
  std::string errFile = std::filesystem::temp_directory_path() /
                        ("notice-cli-err-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::string command = prefix + std::string(NOTICE_BIN) + " " + args + " 2>" + errFile;
  FILE* pipe = popen(command.c_str(), "r");
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  int status = pclose(pipe);
  Outcome r{WIFEXITED(status) ? WEXITSTATUS(status) : -1, out, readFile(errFile)};
  std::filesystem::remove(errFile);
  return r;
}

std::string quoted(const std::string& s) { return "'" + s + "'"; }

size_t lines(const std::string& s) { return static_cast<size_t>(std::count(s.begin(), s.end(), '\n')); }

// The commands on each backend: --archive FILE or --archive postgresql://….
class Commands : public ::testing::TestWithParam<Backend> {};
INSTANTIATE_TEST_SUITE_P(Backends, Commands, kBackends, backendName);

TEST_P(Commands, IngestSummaryExitCodeAndIngestAgain) {
  ArchiveLocation where(GetParam());
  SKIP_WITHOUT(where);
  const ScratchDir& dir = where.dir();
  std::ofstream(dir.file("empty.txt")).close();
  std::string db = quoted(where.location());
  Outcome r = notice("ingest --archive " + db + " " + quoted(sourcePath("corpus/text")) + " " + quoted(dir.file("empty.txt")));
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("5 ingested, 0 versions, 0 duplicates, 1 failed"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find(dir.file("empty.txt") + ": "), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find('\r'), std::string::npos);  // no progress line when stderr is no terminal
  r = notice("ingest --archive " + db + " -j 1 " + quoted(sourcePath("corpus/text")) + " " + quoted(sourcePath("corpus/pdf")));
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("0 ingested, 5 versions, 5 duplicates, 0 failed"), std::string::npos) << r.out;
  EXPECT_EQ(notice("ingest --archive " + db).code, 2);
  EXPECT_EQ(notice("ingest --archive " + db + " -j 0 x").code, 2);
}

TEST(ArchiveCli, PathsOnStdinAndWhereTheArchiveIs) {
  ScratchDir dir;
  std::string paths = sourcePath("corpus/text/2021-shanxi-jjzc30.txt") + "\\n" + sourcePath("corpus/text/2026-shanxi-jjzc53.txt");
  Outcome r = notice("ingest -", "cd " + quoted(dir.path().string()) + " && printf '" + paths + "\\n' | ");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("2 ingested"), std::string::npos) << r.out;
  EXPECT_TRUE(std::filesystem::exists(dir.file("notices.db")));  // the default, in the working folder
  r = notice("list --format jsonl", "NOTICE_ARCHIVE=" + quoted(dir.file("notices.db")) + " ");
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(lines(r.out), 2u);
  r = notice("list --format jsonl --archive " + quoted(dir.file("other.db")), "NOTICE_ARCHIVE=" + quoted(dir.file("notices.db")) + " ");
  EXPECT_EQ(r.code, 1);  // --archive wins, and a query creates no archive
  EXPECT_NE(r.err.find("no archive at"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir.file("other.db")));
}

// The samples ingested once per backend with `notice ingest`, for the queries.
class Queries : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    auto& shared = archives()[static_cast<int>(GetParam())];
    if (!shared) {
      shared = std::make_unique<ArchiveLocation>(GetParam());
      if (!shared->available()) GTEST_SKIP() << testing::kNoServer;
      Outcome r = notice("ingest --archive " + quoted(shared->location()) + " " + quoted(sourcePath("corpus/text")) + " " +
                         quoted(sourcePath("corpus/pdf")));
      ASSERT_EQ(r.code, 0) << r.err;
    }
    SKIP_WITHOUT(*shared);
    db_ = quoted(shared->location());
    dir_ = &shared->dir();
  }
  static void TearDownTestSuite() {
    for (auto& shared : archives()) shared.reset();
  }
  static std::array<std::unique_ptr<ArchiveLocation>, 2>& archives() {
    static std::array<std::unique_ptr<ArchiveLocation>, 2> all;
    return all;
  }
  const ScratchDir* dir_ = nullptr;
  std::string db_;
};
INSTANTIATE_TEST_SUITE_P(Backends, Queries, kBackends, backendName);

TEST_P(Queries, ListFormatsAndFilters) {
  Outcome r = notice("list --archive " + db_ + " --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  auto all = nlohmann::json::parse(r.out);
  EXPECT_EQ(all.size(), 5u);
  for (const auto& row : all) EXPECT_EQ(row["versions"], 2);
  r = notice("list --archive " + db_ + " --format jsonl --province 安徽省");
  EXPECT_EQ(lines(r.out), 1u);
  EXPECT_EQ(nlohmann::json::parse(r.out)["doc_number"], "皖教秘职成〔2026〕23号");
  r = notice("list --archive " + db_ + " --format jsonl --year 2021 --issuer 教育厅 --doc-type 通知");
  EXPECT_EQ(lines(r.out), 2u);
  r = notice("list --archive " + db_ + " --format jsonl --deadline-after 2026-11-01 --deadline-before 2026-12");
  EXPECT_EQ(lines(r.out), 2u) << r.out;  // the 汇总表 of 2026: Shanxi's by 11-30, Anhui's by 12-01
  r = notice("list --archive " + db_ + " --format jsonl --event-after 2024-05-01 --event-before 2024-05-31");
  EXPECT_EQ(lines(r.out), 1u) << r.out;  // the 2024 week
  r = notice("list --archive " + db_ + " --format csv --all-versions");
  EXPECT_EQ(r.out.rfind("id,doc_number,title,", 0), 0u) << r.out;
  EXPECT_EQ(lines(r.out), 11u);
  r = notice("list --archive " + db_ + " --format table");
  EXPECT_NE(r.out.find("5 notices"), std::string::npos);
  EXPECT_EQ(notice("list --archive " + db_ + " --year twenty").code, 2);
  EXPECT_EQ(notice("list --archive " + db_ + " --deadline-after 6月1日").code, 2);
  EXPECT_EQ(notice("list --archive " + db_ + " --format xml").code, 2);
}

TEST_P(Queries, ShowSearchExport) {
  Outcome r = notice("show --archive " + db_ + " 晋教职成函〔2026〕53号");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("versions (2;"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"schema\": \"notice/1\""), std::string::npos);
  r = notice("show --archive " + db_ + " --format json --original " + quoted(dir_->file("orig")) + " 晋教职成函〔2026〕53号");
  ASSERT_EQ(r.code, 0) << r.err;
  auto shown = nlohmann::json::parse(r.out);
  EXPECT_EQ(shown["versions"].size(), 2u);
  EXPECT_EQ(sha256Hex(readFile(dir_->file("orig"))), shown["file"]["sha256"]);
  EXPECT_EQ(notice("show --archive " + db_ + " " + std::to_string(shown["id"].get<int>())).code, 0);
  EXPECT_EQ(notice("show --archive " + db_ + " 999").code, 1);

  r = notice("search --archive " + db_ + " 民政");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("【民政】"), std::string::npos) << r.out;
  r = notice("search --archive " + db_ + " --format json 职业教育 NOT 安徽");
  EXPECT_EQ(nlohmann::json::parse(r.out).size(), 3u);
  r = notice("search --archive " + db_ + " '\"unclosed'");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("cannot read the query"), std::string::npos) << r.err;

  r = notice("export --archive " + db_ + " --format jsonl");
  EXPECT_EQ(lines(r.out), 5u);
  r = notice("export --archive " + db_ + " --format csv --province 山西省 -o " + quoted(dir_->file("x.csv")));
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(lines(readFile(dir_->file("x.csv"))), 5u);  // a header and four notices
}

TEST_P(Queries, SeriesAndComparisonsFromTheArchive) {
  Outcome r = notice("series --archive " + db_);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("activity 职业教育活动周  — 4 notices"), std::string::npos) << r.out;
  r = notice("compare --archive " + db_ + " --series 职业教育活动周 --format json");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["rows"].size(), 4u);
  EXPECT_EQ(notice("compare --archive " + db_ + " --series 活动周").code, 2);  // two series match
  r = notice("diff --archive " + db_ + " --format json 晋教职成函〔2021〕30号 晋教职成函〔2026〕53号");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["new"]["doc_number"], "晋教职成函〔2026〕53号");
  // Files and archive ids mix.
  r = notice("diff --archive " + db_ + " " + quoted(sourcePath("corpus/text/2021-shanxi-jjzc30.txt")) + " 1");
  EXPECT_EQ(r.code, 0) << r.err;
  r = notice("diff --archive " + db_ + " 1 晋教职成函〔1999〕1号");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("nor an archive id or 发文字号"), std::string::npos) << r.err;
}

TEST(ArchiveCli, WatchIngestsNewFilesUntilStopped) {
  ScratchDir dir;
  std::filesystem::create_directories(dir.path() / "inbox");
  pid_t pid = fork();
  if (pid == 0) {
    std::freopen(dir.file("out").c_str(), "w", stdout);
    std::freopen("/dev/null", "w", stderr);
    execl(NOTICE_BIN, NOTICE_BIN, "ingest", "--quiet", "--archive", dir.file("a.db").c_str(), "--watch",
          dir.file("inbox").c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  std::filesystem::copy_file(sourcePath("corpus/text/2026-anhui-wjmzc23.txt"), dir.file("inbox/a.txt"));
  size_t found = 0;
  for (int i = 0; i < 100 && found == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (std::filesystem::exists(dir.file("a.db"))) found = lines(notice("list --format jsonl --archive " + quoted(dir.file("a.db"))).out);
  }
  EXPECT_EQ(found, 1u);
  kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_NE(readFile(dir.file("out")).find("stopped; in all: 1 ingested"), std::string::npos) << readFile(dir.file("out"));
}

// Every command, given an archive that is none.
const std::vector<std::string> kCommands = {
    "ingest " + sourcePath("corpus/text/2026-shanxi-jjzc53.txt"), "list", "show 1", "search 教育", "export", "series",
    "diff 1 2", "compare 1 2", "compare --series 职业教育活动周"};

void everyCommandRefuses(const std::string& path, const std::string& expected) {
  std::string before = readFile(path);
  for (const auto& command : kCommands) {
    Outcome r = notice(command + " --archive " + quoted(path));
    EXPECT_EQ(r.code, 1) << command << ": " << r.err;
    EXPECT_NE(r.err.find(expected), std::string::npos) << command << ": " << r.err;
  }
  EXPECT_EQ(readFile(path), before);  // left as it was
}

TEST(ArchiveCli, RandomBytes) {
  ScratchDir dir;
  std::mt19937 random(3);
  std::string bytes(50000, '\0');
  for (char& c : bytes) c = static_cast<char>(random());
  std::ofstream(dir.file("a.db"), std::ios::binary) << bytes;
  everyCommandRefuses(dir.file("a.db"), "is not a notice archive");
}

TEST(ArchiveCli, ACutShortArchive) {
  ScratchDir dir;
  ASSERT_EQ(notice("ingest --archive " + quoted(dir.file("a.db")) + " " + quoted(sourcePath("corpus/pdf"))).code, 0);
  std::filesystem::resize_file(dir.file("a.db"), std::filesystem::file_size(dir.file("a.db")) / 3);
  everyCommandRefuses(dir.file("a.db"), "is damaged");
}

TEST(ArchiveCli, AForeignDatabase) {
  ScratchDir dir;
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(dir.file("a.db").c_str(), &db), SQLITE_OK);
  sqlite3_exec(db, "CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  everyCommandRefuses(dir.file("a.db"), "a SQLite database of another program");
}

TEST(ArchiveCli, ANewerArchive) {
  ScratchDir dir;
  ASSERT_EQ(notice("ingest --archive " + quoted(dir.file("a.db")) + " " + quoted(sourcePath("corpus/text"))).code, 0);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(dir.file("a.db").c_str(), &db), SQLITE_OK);
  sqlite3_exec(db, ("PRAGMA user_version = " + std::to_string(sqliteSchemaVersion() + 1)).c_str(), nullptr, nullptr, nullptr);
  sqlite3_close(db);
  everyCommandRefuses(dir.file("a.db"), "was written by a newer notice");
}

// A server: $NOTICE_ARCHIVE selects it as --archive does; a newer archive, another program's
// database and a server not there are refused by every command, with what is wrong.
TEST(ArchiveCli, AServerArchive) {
  ArchiveLocation where(Backend::kPostgres);
  SKIP_WITHOUT(where);
  std::string env = "NOTICE_ARCHIVE=" + quoted(where.location()) + " ";
  Outcome r = notice("ingest " + quoted(sourcePath("corpus/text")), env);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("5 ingested, 0 versions, 0 duplicates, 0 failed → " + where.location()), std::string::npos) << r.out;
  r = notice("list --format jsonl", env);
  EXPECT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(lines(r.out), 5u);
  where.sql("UPDATE archive_schema SET version = version + 1");
  for (const auto& command : kCommands) {
    r = notice(command, env);
    EXPECT_EQ(r.code, 1) << command << ": " << r.err;
    EXPECT_NE(r.err.find("was written by a newer notice"), std::string::npos) << command << ": " << r.err;
  }
  ArchiveLocation foreign(Backend::kPostgres);
  foreign.sql("CREATE TABLE photos (id integer PRIMARY KEY, name text)");
  for (const auto& command : kCommands) {
    r = notice(command + " --archive " + quoted(foreign.location()));
    EXPECT_EQ(r.code, 1) << command << ": " << r.err;
    EXPECT_NE(r.err.find("holds tables of another program"), std::string::npos) << command << ": " << r.err;
  }
  for (const auto& command : kCommands) {
    r = notice(command + " --archive 'postgresql://clerk:s3cret@127.0.0.1:1/notices'");
    EXPECT_EQ(r.code, 1) << command << ": " << r.err;
    EXPECT_NE(r.err.find("cannot connect to the archive postgresql://clerk:***@127.0.0.1:1/notices"), std::string::npos)
        << command << ": " << r.err;
    EXPECT_EQ(r.err.find("s3cret"), std::string::npos);
  }
}

}  // namespace
}  // namespace notice::archive
