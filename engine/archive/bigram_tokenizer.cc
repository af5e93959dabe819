#include "archive/bigram_tokenizer.h"

#include <sqlite3.h>

#include <cstring>
#include <string_view>

#include "archive/bigram_tokens.h"

namespace notice {
namespace {

constexpr const char* kTokenizerName = "notice_bigram";

struct Options {
  bool singles = true;  // index each Han character of a run by itself too (one-character queries)
};

int tokenize(Fts5Tokenizer* tokenizer, void* ctx, int flags, const char* data, int size,
             int (*callback)(void*, int, const char*, int, int, int)) {
  const auto* options = reinterpret_cast<const Options*>(tokenizer);
  bool singles = options->singles && (flags & FTS5_TOKENIZE_QUERY) == 0;
  std::string_view text(data, size > 0 ? static_cast<size_t>(size) : 0);
  for (const BigramToken& t : bigramTokens(text, singles)) {
    int rc = callback(ctx, t.colocated ? FTS5_TOKEN_COLOCATED : 0, t.text.data(), static_cast<int>(t.text.size()),
                      static_cast<int>(t.begin), static_cast<int>(t.end));
    if (rc != SQLITE_OK) return rc;
  }
  return SQLITE_OK;
}

int createTokenizer(void*, const char** args, int argCount, Fts5Tokenizer** tokenizer) {
  auto* options = new Options;
  for (int i = 0; i < argCount; i += 2) {
    bool known = std::strcmp(args[i], "singles") == 0 && i + 1 < argCount &&
                 (std::strcmp(args[i + 1], "0") == 0 || std::strcmp(args[i + 1], "1") == 0);
    if (!known) {
      delete options;
      return SQLITE_ERROR;
    }
    options->singles = args[i + 1][0] == '1';
  }
  *tokenizer = reinterpret_cast<Fts5Tokenizer*>(options);
  return SQLITE_OK;
}

void deleteTokenizer(Fts5Tokenizer* tokenizer) { delete reinterpret_cast<Options*>(tokenizer); }

fts5_api* fts5Api(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(statement, 1, &api, "fts5_api_ptr", nullptr);
    sqlite3_step(statement);
  }
  sqlite3_finalize(statement);
  return api;
}

}  // namespace

bool registerBigramTokenizer(sqlite3* db, std::string* error) {
  fts5_api* api = fts5Api(db);
  if (api == nullptr || api->iVersion < 2) {
    if (error) *error = "this SQLite library has no FTS5 (full-text search needs it)";
    return false;
  }
  fts5_tokenizer tokenizer{createTokenizer, deleteTokenizer, tokenize};
  int rc = api->xCreateTokenizer(api, kTokenizerName, nullptr, &tokenizer, nullptr);
  if (rc != SQLITE_OK) {
    if (error) *error = std::string("could not register the ") + kTokenizerName + " tokenizer: " + sqlite3_errstr(rc);
    return false;
  }
  return true;
}

}  // namespace notice
