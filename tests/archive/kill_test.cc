// Nothing lost: a batch killed with SIGKILL at a random moment leaves an archive that opens,
// passes PRAGMA integrity_check and holds every file whole or not at all, and the same batch run
// again completes it; two processes ingesting into one archive at once both finish.
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <random>
#include <set>
#include <thread>

#include "archive/batch_ingest.h"
#include "archive_support.h"

namespace notice::archive {
namespace {

using testing::ScratchDir;
using testing::textCorpus;

std::set<std::string> distinctHashes(const std::vector<std::string>& files) {
  std::set<std::string> out;
  for (const auto& f : files) out.insert(sha256Hex(notice::testing::readFile(f)));
  return out;
}

// Ingests `files` into `path` in a child process; returns its pid. The child writes the reasons
// of any failure to `path`.failures and exits 1 then.
pid_t ingestInChild(const std::string& path, const std::vector<std::string>& files, unsigned jobs) {
  const Engine& engine = notice::testing::engine();  // loaded before the fork, shared read-only
  pid_t pid = fork();
  if (pid != 0) return pid;
  auto a = openSqliteArchive(path, OpenMode::kCreate);
  if (!a.ok()) {
    std::ofstream(path + ".failures", std::ios::app) << a.error().message << "\n";
    _exit(1);
  }
  BatchOptions options;
  options.jobs = jobs;
  BatchSummary s = ingestFiles(*a.value(), engine, files, options);
  for (const auto& f : s.failed) std::ofstream(path + ".failures", std::ios::app) << f.file << ": " << f.reason << "\n";
  _exit(s.failed.empty() ? 0 : 1);
}

// Opened as any program reopens it: read-write, so that SQLite recovers the write-ahead log a
// killed writer left (a read-only connection cannot).
std::string integrity(const std::string& path) {
  sqlite3* db = nullptr;
  std::string result;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK ||
      sqlite3_exec(db, "PRAGMA integrity_check", [](void* out, int, char** values, char**) {
        *static_cast<std::string*>(out) += values[0] ? values[0] : "";
        return 0;
      }, &result, nullptr) != SQLITE_OK) {
    result += sqlite3_errmsg(db);
  }
  sqlite3_close(db);
  return result;
}

int64_t count(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  int64_t n = -1;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr);
  sqlite3_exec(db, sql.c_str(), [](void* out, int, char** values, char**) {
    *static_cast<int64_t*>(out) = std::atoll(values[0]);
    return 0;
  }, &n, nullptr);
  sqlite3_close(db);
  return n;
}

// Every file the archive holds is whole: its bytes are the file's, its record reads, and each
// of its rows (key fields, deadlines, periods, search text) is there. Returns how many.
size_t checkWhole(const std::string& path, const std::vector<std::string>& files) {
  EXPECT_EQ(integrity(path), "ok");
  auto a = openSqliteArchive(path, OpenMode::kExisting);
  EXPECT_TRUE(a.ok()) << a.error().message;
  if (!a.ok()) return 0;
  Filter all;
  all.all_versions = true;
  auto versions = a.value()->records(all);
  EXPECT_TRUE(versions.ok()) << versions.error().message;
  if (!versions.ok()) return 0;
  size_t deadlines = 0, periods = 0;
  std::set<std::string> given(files.begin(), files.end());
  for (const auto& v : versions.value()) {
    EXPECT_TRUE(given.count(v.summary.file)) << v.summary.file;
    auto bytes = a.value()->original(v.sha256);
    EXPECT_TRUE(bytes.ok());
    if (bytes.ok()) {
      EXPECT_EQ(sha256Hex(bytes.value()), v.sha256);
      EXPECT_EQ(bytes.value(), notice::testing::readFile(v.summary.file));
    }
    deadlines += v.record.deadlines.size();
    periods += v.record.event_periods.size();
  }
  auto n = static_cast<int64_t>(versions.value().size());
  EXPECT_EQ(count(path, "SELECT count(*) FROM files"), n);
  EXPECT_EQ(count(path, "SELECT count(*) FROM search_content"), n);
  EXPECT_EQ(count(path, "SELECT count(*) FROM deadlines"), static_cast<int64_t>(deadlines));
  EXPECT_EQ(count(path, "SELECT count(*) FROM event_periods"), static_cast<int64_t>(periods));
  EXPECT_EQ(count(path, "SELECT count(*) FROM notices WHERE current_version IS NULL"), 0);
  return versions.value().size();
}

TEST(KillTest, ABatchKilledAnywhereLosesNothingAndCompletesWhenRunAgain) {
  const auto files = textCorpus();
  const size_t distinct = distinctHashes(files).size();
  ASSERT_GE(files.size(), 20u);
  const int rounds = std::getenv("NOTICE_KILL_ROUNDS") ? std::atoi(std::getenv("NOTICE_KILL_ROUNDS")) : 50;

  // How long a whole batch takes here, so that kills fall all through it.
  ScratchDir timing;
  auto start = std::chrono::steady_clock::now();
  pid_t pid = ingestInChild(timing.file("a.db"), files, 2);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  auto batch = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);

  unsigned seed = std::random_device{}();
  std::mt19937 random(seed);
  std::uniform_int_distribution<int64_t> when(0, batch.count());
  size_t killedPartWay = 0;
  for (int round = 0; round < rounds; ++round) {
    SCOPED_TRACE("round " + std::to_string(round) + ", seed " + std::to_string(seed));
    ScratchDir dir;
    const std::string path = dir.file("a.db");
    pid = ingestInChild(path, files, 2);
    std::this_thread::sleep_for(std::chrono::microseconds(when(random)));
    kill(pid, SIGKILL);
    waitpid(pid, &status, 0);
    if (!std::filesystem::exists(path)) continue;  // killed before the file was made
    size_t kept = checkWhole(path, files);
    if (kept < distinct) ++killedPartWay;
    // The same batch again completes it.
    auto a = openSqliteArchive(path, OpenMode::kCreate);
    ASSERT_TRUE(a.ok()) << a.error().message;
    BatchOptions options;
    options.jobs = 2;
    BatchSummary s = ingestFiles(*a.value(), notice::testing::engine(), files, options);
    EXPECT_TRUE(s.failed.empty()) << s.failed[0].file << ": " << s.failed[0].reason;
    EXPECT_EQ(s.duplicates, files.size() - s.ingested - s.versions);
    a = Error{ErrorCode::kIoError, "closed"};
    EXPECT_EQ(checkWhole(path, files), distinct);
  }
  std::printf("kill test: %d rounds, %zu killed part-way through a batch of %zu files (%.0f ms), seed %u\n", rounds,
              killedPartWay, files.size(), batch.count() / 1000.0, seed);
  EXPECT_GE(killedPartWay, static_cast<size_t>(rounds) / 4);  // the kills land inside the batch
}

TEST(TwoWriters, BothFinishAndNothingIsLost) {
  const auto files = textCorpus();
  ScratchDir dir;
  const std::string path = dir.file("shared.db");
  // Overlapping halves: the middle third is ingested by both at once.
  std::vector<std::string> first(files.begin(), files.begin() + static_cast<long>(files.size() * 2 / 3));
  std::vector<std::string> second(files.begin() + static_cast<long>(files.size() / 3), files.end());
  pid_t a = ingestInChild(path, first, 1);
  pid_t b = ingestInChild(path, second, 1);
  for (pid_t pid : {a, b}) {
    int status = 0;
    waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << notice::testing::readFile(path + ".failures");
  }
  EXPECT_EQ(checkWhole(path, files), distinctHashes(files).size());
}

}  // namespace
}  // namespace notice::archive
