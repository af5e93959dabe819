#include "archive/bigram_tokenizer.h"

#include <sqlite3.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <cstring>
#include <string_view>
#include <vector>

#include "core/utf8.h"

namespace notice {
namespace {

constexpr const char* kTokenizerName = "notice_bigram";

struct Options {
  bool singles = true;  // index each Han character of a run by itself too (one-character queries)
};

enum class CharClass { kHan, kWord, kSeparator };

CharClass classify(char32_t c) {
  if (utf8::isHan(c)) return CharClass::kHan;
  UChar32 u = static_cast<UChar32>(c);
  // Letters and digits of any script (full-width ones included) make words; a combining mark
  // stays with the letter it follows.
  if (u_isalnum(u) || u_charType(u) == U_NON_SPACING_MARK) return CharClass::kWord;
  return CharClass::kSeparator;
}

struct Span {
  size_t begin, end;  // bytes
};

// Feeds tokens to FTS5 and remembers the first error it returns.
class Emitter {
 public:
  using Callback = int (*)(void*, int, const char*, int, int, int);
  Emitter(void* ctx, Callback callback) : ctx_(ctx), callback_(callback) {}

  bool emit(std::string_view token, Span span, bool colocated = false) {
    if (rc_ != SQLITE_OK) return false;
    rc_ = callback_(ctx_, colocated ? FTS5_TOKEN_COLOCATED : 0, token.data(), static_cast<int>(token.size()),
                    static_cast<int>(span.begin), static_cast<int>(span.end));
    return rc_ == SQLITE_OK;
  }
  int rc() const { return rc_; }

 private:
  void* ctx_;
  Callback callback_;
  int rc_ = SQLITE_OK;
};

// NFKC with case folding for anything beyond ASCII (full-width Latin and digits become ASCII).
std::string foldWord(std::string_view word) {
  bool ascii = true;
  for (unsigned char ch : word) ascii = ascii && ch < 0x80;
  std::string out(word);
  if (ascii) {
    for (char& ch : out)
      if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkcCaseFold = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status)) return out;
  icu::UnicodeString folded = nfkcCaseFold->normalize(
      icu::UnicodeString::fromUTF8(icu::StringPiece(word.data(), static_cast<int32_t>(word.size()))), status);
  if (U_FAILURE(status)) return out;
  out.clear();
  folded.toUTF8String(out);
  return out;
}

// A run of Han characters: overlapping pairs; a lone character as itself. In documents (not
// queries) with `singles`, every character also by itself: colocated with the pair it opens,
// the last one at the next position.
bool emitHanRun(std::string_view text, const std::vector<Span>& chars, bool singles, Emitter& out) {
  auto piece = [&](Span s) { return text.substr(s.begin, s.end - s.begin); };
  if (chars.size() == 1) return out.emit(piece(chars[0]), chars[0]);
  for (size_t i = 0; i + 1 < chars.size(); ++i) {
    Span pair{chars[i].begin, chars[i + 1].end};
    if (!out.emit(piece(pair), pair)) return false;
    if (singles && !out.emit(piece(chars[i]), chars[i], /*colocated=*/true)) return false;
  }
  return !singles || out.emit(piece(chars.back()), chars.back());
}

int tokenize(Fts5Tokenizer* tokenizer, void* ctx, int flags, const char* data, int size, Emitter::Callback callback) {
  const auto* options = reinterpret_cast<const Options*>(tokenizer);
  bool singles = options->singles && (flags & FTS5_TOKENIZE_QUERY) == 0;
  std::string_view text(data, size > 0 ? static_cast<size_t>(size) : 0);
  Emitter out(ctx, callback);
  std::vector<Span> han;
  size_t wordBegin = 0, wordEnd = 0;
  auto flushHan = [&] {
    bool ok = han.empty() || emitHanRun(text, han, singles, out);
    han.clear();
    return ok;
  };
  auto flushWord = [&] {
    bool ok = wordEnd == wordBegin ||
              out.emit(foldWord(text.substr(wordBegin, wordEnd - wordBegin)), {wordBegin, wordEnd});
    wordBegin = wordEnd = 0;
    return ok;
  };
  size_t i = 0;
  while (i < text.size()) {
    size_t begin = i;
    CharClass cls = classify(utf8::next(text, i));  // invalid bytes read as U+FFFD: a separator
    if (cls != CharClass::kHan && !flushHan()) break;
    if (cls != CharClass::kWord && !flushWord()) break;
    if (cls == CharClass::kHan) {
      han.push_back({begin, i});
    } else if (cls == CharClass::kWord) {
      if (wordEnd == wordBegin) wordBegin = begin;
      wordEnd = i;
    }
  }
  if (out.rc() == SQLITE_OK && flushHan()) flushWord();
  return out.rc();
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
