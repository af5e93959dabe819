// Shared by the archive tests: a scratch folder, an empty archive of either backend, notices
// made to order, the corpus files.
#pragma once

#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "archive/archive.h"
#include "archive/pg_db.h"
#include "archive/sqlite_archive.h"
#include "core/sha256.h"
#include "test_support.h"

namespace notice::archive::testing {

// A folder of its own for one test, removed afterwards.
class ScratchDir {
 public:
  ScratchDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("notice-archive-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// The backends every archive test runs against (INSTANTIATE_TEST_SUITE_P(…, kBackends, backendName)).
enum class Backend { kSqlite, kPostgres };
inline const auto kBackends = ::testing::Values(Backend::kSqlite, Backend::kPostgres);
inline std::string backendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "SQLite" : "PostgreSQL";
}

// The test server (scripts/with-postgres.sh sets NOTICE_TEST_PG), or "" without one.
inline std::string testServer() {
  const char* url = std::getenv("NOTICE_TEST_PG");
  return url ? url : "";
}
constexpr const char* kNoServer =
    "NOTICE_TEST_PG is not set: the PostgreSQL archive tests are SKIPPED. Run them against a throwaway "
    "server with scripts/with-postgres.sh ctest … (needs Debian's postgresql package).";

// A new, empty archive of one backend for one test: a file in a scratch folder, or a schema of
// its own in the test server's database (search_path set in the URL), dropped afterwards.
class ArchiveLocation {
 public:
  explicit ArchiveLocation(Backend backend, const std::string& name = "a.db") : backend_(backend) {
    if (backend == Backend::kSqlite) {
      location_ = dir_.file(name);
      return;
    }
    const std::string server = testServer();
    if (server.empty()) {
      std::fprintf(stderr, "*** %s\n", kNoServer);
      return;
    }
    static std::atomic<int> counter{0};
    schema_ = "notice_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    location_ = server + (server.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema_ + "%2Cpublic";
    auto admin = PgConnection::connect(server);
    if (!admin.ok()) {
      ADD_FAILURE() << admin.error().message;
      location_.clear();
      return;
    }
    // pg_trgm once in public, where every test's schema finds it (scripts/with-postgres.sh makes
    // it; a server of one's own may lack it). Two test programs may race here: the second fails.
    static const bool trgm = !admin.value()->exec("CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public");
    (void)trgm;
    if (auto e = admin.value()->exec("CREATE SCHEMA " + schema_)) {
      ADD_FAILURE() << e->message;
      location_.clear();
    }
  }
  ~ArchiveLocation() {
    if (schema_.empty()) return;
    if (auto admin = PgConnection::connect(testServer()); admin.ok()) admin.value()->exec("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
  }
  ArchiveLocation(const ArchiveLocation&) = delete;
  ArchiveLocation& operator=(const ArchiveLocation&) = delete;

  // False for PostgreSQL without a test server: GTEST_SKIP() << kNoServer then.
  bool available() const { return !location_.empty(); }
  Backend backend() const { return backend_; }
  const std::string& location() const { return location_; }
  const ScratchDir& dir() const { return dir_; }

  // The first value of the first row of `sql` run on the archive as another program would
  // ("" for none; "error: …" when it fails).
  std::string sql(const std::string& statement) const {
    if (backend_ == Backend::kPostgres) {
      auto c = PgConnection::connect(location_);
      if (!c.ok()) return "error: " + c.error().message;
      auto r = c.value()->query(statement);
      if (!r.ok()) return "error: " + r.error().message;
      return r.value().rows() > 0 ? r.value().text(0, 0) : "";
    }
    sqlite3* db = nullptr;
    std::string out;
    if (sqlite3_open_v2(location_.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK ||
        sqlite3_exec(db, statement.c_str(), [](void* o, int, char** values, char**) {
          auto* s = static_cast<std::string*>(o);
          if (s->empty() && values[0]) *s = values[0];
          return 0;
        }, &out, nullptr) != SQLITE_OK) {
      out = std::string("error: ") + sqlite3_errmsg(db);
    }
    sqlite3_close(db);
    return out;
  }
  int64_t count(const std::string& statement) const {
    std::string v = sql(statement);
    return v.empty() || v.rfind("error", 0) == 0 ? -1 : std::atoll(v.c_str());
  }

 private:
  Backend backend_;
  ScratchDir dir_;
  std::string location_, schema_;
};

#define SKIP_WITHOUT(location) \
  if ((location).available()) {                 \
  } else                                         \
    GTEST_SKIP() << ::notice::archive::testing::kNoServer

inline std::unique_ptr<Archive> openOrDie(const std::string& path) {
  auto a = openArchive(path, OpenMode::kCreate);
  if (!a.ok()) {
    ADD_FAILURE() << a.error().message;
    return nullptr;
  }
  return std::move(a).value();
}

// A notice with the fields the filters read; the bytes it is "from" are `bytes`.
struct Made {
  std::string bytes;
  Notice record;
};

inline Made makeNotice(const std::string& bytes, const std::optional<std::string>& docNumber, const std::string& province,
                       int year, const std::optional<std::string>& issueDate) {
  Made m{bytes, {}};
  Notice& n = m.record;
  n.source = {"made.txt", sha256Hex(bytes), "text", std::nullopt, false, "UTF-8"};
  if (docNumber) n.doc_number = DocNumber{*docNumber, "测", year, 1};
  n.title = province + std::to_string(year) + "年的通知";
  n.doc_type = "通知";
  n.province = province;
  n.year = year;
  n.issue_date = issueDate;
  n.issuers = {province + "教育厅"};
  n.text = bytes;
  return m;
}

// Text exports of the samples and the real web set: files the engine reads quickly.
inline std::vector<std::string> textCorpus() {
  std::vector<std::string> out;
  for (const char* folder : {"corpus/text", "corpus/real/web"}) {
    for (const auto& e : std::filesystem::directory_iterator(notice::testing::sourcePath(folder))) {
      out.push_back(e.path().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace notice::archive::testing
