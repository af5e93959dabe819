// The size of an FTS5 index over text files, for the notice_bigram tokenizer with and without
// its single characters (one-character queries) and for SQLite's trigram and unicode61: what
// the choice of tokenizer costs in archive size.
//
//   fts_index_size FILE...
#include <sqlite3.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "archive/bigram_tokenizer.h"

namespace {

struct Measure {
  long long indexBytes = -1;
  double seconds = 0;
};

// A contentless table (content=''), so that the database holds the index and little else: its
// size after VACUUM is what the index costs.
Measure measure(const std::vector<std::string>& texts, const std::string& tokenize) {
  sqlite3* db = nullptr;
  Measure m;
  std::string error;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK || !notice::registerBigramTokenizer(db, &error)) {
    std::fprintf(stderr, "fts_index_size: %s\n", error.empty() ? sqlite3_errmsg(db) : error.c_str());
    sqlite3_close(db);
    return m;
  }
  std::string create = "CREATE VIRTUAL TABLE t USING fts5(body, content='', tokenize='" + tokenize + "')";
  sqlite3_stmt* insert = nullptr;
  if (sqlite3_exec(db, create.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK &&
      sqlite3_prepare_v2(db, "INSERT INTO t(body) VALUES (?1)", -1, &insert, nullptr) == SQLITE_OK) {
    auto start = std::chrono::steady_clock::now();
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    for (const auto& text : texts) {
      sqlite3_bind_text(insert, 1, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
      sqlite3_step(insert);
      sqlite3_reset(insert);
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_exec(db, "INSERT INTO t(t) VALUES ('optimize')", nullptr, nullptr, nullptr);
    m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    sqlite3_stmt* size = nullptr;
    sqlite3_exec(db, "VACUUM", nullptr, nullptr, nullptr);
    if (sqlite3_prepare_v2(db, "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()", -1, &size,
                           nullptr) == SQLITE_OK &&
        sqlite3_step(size) == SQLITE_ROW)
      m.indexBytes = sqlite3_column_int64(size, 0);
    sqlite3_finalize(size);
  }
  if (m.indexBytes < 0) std::fprintf(stderr, "fts_index_size: %s: %s\n", tokenize.c_str(), sqlite3_errmsg(db));
  sqlite3_finalize(insert);
  sqlite3_close(db);
  return m;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: fts_index_size FILE...\n");
    return 2;
  }
  std::vector<std::string> texts;
  long long textBytes = 0;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "fts_index_size: cannot read %s\n", argv[i]);
      return 1;
    }
    texts.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    textBytes += static_cast<long long>(texts.back().size());
  }
  std::printf("%zu files, %.2f MiB of text\n", texts.size(), static_cast<double>(textBytes) / 1048576);
  std::printf("%-28s %12s %8s %9s\n", "tokenize", "index MiB", "× text", "seconds");
  for (const char* tokenize : {"notice_bigram", "notice_bigram singles 0", "trigram", "unicode61"}) {
    Measure m = measure(texts, tokenize);
    if (m.indexBytes < 0) return 1;
    std::printf("%-28s %12.2f %8.2f %9.2f\n", tokenize, static_cast<double>(m.indexBytes) / 1048576,
                static_cast<double>(m.indexBytes) / static_cast<double>(textBytes), m.seconds);
  }
  return 0;
}
