// Chinese search, the same cases on both backends: the notice_bigram FTS5 tokenizer through
// SQLite itself (an in-memory FTS5 table), and the same tokens as a tsvector with the query
// translated to a tsquery on the PostgreSQL test server (pg_search.h); over the bundled notices
// (corpus/text and corpus/real/web) and a few lines written for one case each.
#include "archive/bigram_tokenizer.h"
#include "archive/bigram_tokens.h"
#include "archive/pg_search.h"
#include "archive_support.h"
#include "core/utf8.h"

#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace notice {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using Names = std::set<std::string>;

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The corpus notices, by file stem.
const std::vector<std::pair<std::string, std::string>>& corpusNotices() {
  static const auto notices = [] {
    std::vector<std::pair<std::string, std::string>> out;
    for (const char* folder : {"corpus/text", "corpus/real/web"}) {
      for (const auto& entry : std::filesystem::directory_iterator(std::string(NOTICE_SOURCE_DIR) + "/" + folder)) {
        if (entry.path().extension() == ".txt") out.emplace_back(entry.path().stem().string(), readFile(entry.path()));
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  }();
  return notices;
}

// The notices whose text contains `word` (the oracle for queries of Han characters only).
Names containing(const std::string& word) {
  Names out;
  for (const auto& [name, text] : corpusNotices())
    if (text.find(word) != std::string::npos) out.insert(name);
  return out;
}

// A table of named texts to search, on one backend.
class SearchTable {
 public:
  virtual ~SearchTable() = default;
  virtual void add(const std::string& name, const std::string& body) = 0;
  void addCorpus() {
    for (const auto& [name, text] : corpusNotices()) add(name, text);
  }
  // The names matching `match`, best first.
  virtual std::vector<std::string> ranked(const std::string& match) = 0;
  Names matching(const std::string& match) {
    auto names = ranked(match);
    return Names(names.begin(), names.end());
  }
  // The text of `name` around its hits (about 12 tokens), or all of it, hits between [ and ].
  virtual std::string snippet(const std::string& name, const std::string& match) = 0;
  virtual std::string highlight(const std::string& name, const std::string& match) = 0;
};

// An in-memory FTS5 table `notices(name UNINDEXED, body)` with the tokenizer given.
class Fts5Table : public SearchTable {
 public:
  explicit Fts5Table(const std::string& tokenize = "notice_bigram") {
    EXPECT_EQ(sqlite3_open(":memory:", &db_), SQLITE_OK);
    std::string error;
    EXPECT_TRUE(registerBigramTokenizer(db_, &error)) << error;
    created_ = exec("CREATE VIRTUAL TABLE notices USING fts5(name UNINDEXED, body, tokenize = '" + tokenize + "')");
  }
  ~Fts5Table() override { sqlite3_close(db_); }
  Fts5Table(const Fts5Table&) = delete;
  Fts5Table& operator=(const Fts5Table&) = delete;

  bool created() const { return created_; }
  std::string lastError() const { return sqlite3_errmsg(db_); }

  void add(const std::string& name, const std::string& body) override {
    auto rows = query("INSERT INTO notices(name, body) VALUES (?1, ?2)", {name, body});
    EXPECT_TRUE(rows.empty());
  }

  // bm25
  std::vector<std::string> ranked(const std::string& match) override {
    return query("SELECT name FROM notices WHERE notices MATCH ?1 ORDER BY rank", {match});
  }
  std::string snippet(const std::string& name, const std::string& match) override {
    auto rows = query("SELECT snippet(notices, 1, '[', ']', '…', 12) FROM notices WHERE notices MATCH ?1 AND name = ?2",
                      {match, name});
    return rows.empty() ? "" : rows.front();
  }
  std::string highlight(const std::string& name, const std::string& match) override {
    auto rows = query("SELECT highlight(notices, 1, '[', ']') FROM notices WHERE notices MATCH ?1 AND name = ?2",
                      {match, name});
    return rows.empty() ? "" : rows.front();
  }
  // The tokens indexed for a row, in order (fts5vocab's instance table).
  std::vector<std::string> tokens(const std::string& name) {
    exec("CREATE VIRTUAL TABLE IF NOT EXISTS vocab USING fts5vocab(notices, instance)");
    return query("SELECT term FROM vocab WHERE doc = (SELECT rowid FROM notices WHERE name = ?1) ORDER BY offset, term",
                 {name});
  }

 private:
  bool exec(const std::string& sql) { return sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK; }

  std::vector<std::string> query(const std::string& sql, const std::vector<std::string>& params) {
    std::vector<std::string> out;
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
      ADD_FAILURE() << sqlite3_errmsg(db_) << " in " << sql;
      return out;
    }
    for (size_t i = 0; i < params.size(); ++i)
      sqlite3_bind_text(statement, static_cast<int>(i + 1), params[i].c_str(), -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
      const unsigned char* text = sqlite3_column_text(statement, 0);
      out.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
    }
    if (rc != SQLITE_DONE) ADD_FAILURE() << sqlite3_errmsg(db_) << " in " << sql << " with " << params.front();
    sqlite3_finalize(statement);
    return out;
  }

  sqlite3* db_ = nullptr;
  bool created_ = false;
};

// The same on the PostgreSQL test server: a table `notices(name, body, tokens tsvector)` in a
// database of its own, queried as the PostgreSQL archive queries (pg_search.h).
class PgTable : public SearchTable {
 public:
  PgTable() : location_(archive::testing::Backend::kPostgres) {
    if (!location_.available()) return;
    auto c = archive::PgConnection::connect(location_.location());
    if (!c.ok()) {
      ADD_FAILURE() << c.error().message;
      return;
    }
    db_ = std::move(c).value();
    if (auto e = db_->exec("CREATE TABLE notices (name text, body text, tokens tsvector)")) ADD_FAILURE() << e->message;
  }
  bool available() const { return db_ != nullptr; }

  void add(const std::string& name, const std::string& body) override {
    if (!db_) return;
    // As the archive stores it: bytes that are no UTF-8 as U+FFFD (pg_archive.cc).
    std::string text = utf8::repaired(body);
    auto r = db_->query("INSERT INTO notices VALUES ($1, $2, CAST($3 AS tsvector))", {name, text, archive::tsvectorLiteral("", text)});
    EXPECT_TRUE(r.ok()) << r.error().message;
  }
  std::vector<std::string> ranked(const std::string& match) override {
    std::vector<std::string> out;
    if (!db_) return out;
    auto q = archive::toTsQuery(match);
    if (!q.ok()) {
      ADD_FAILURE() << match << ": " << q.error().message;
      return out;
    }
    auto r = db_->query(std::string("SELECT name FROM notices, CAST($1 AS tsquery) q WHERE tokens @@ q ORDER BY ts_rank(") +
                            archive::kRankWeights + ", tokens, q) DESC, name",
                        {q.value().text});
    EXPECT_TRUE(r.ok()) << match << " as " << q.value().text << ": " << r.error().message;
    if (r.ok())
      for (int i = 0; i < r.value().rows(); ++i) out.push_back(r.value().text(i, 0));
    return out;
  }
  std::string snippet(const std::string& name, const std::string& match) override {
    size_t hits = 0;
    auto body = matchingBody(name, match);
    return body.empty() ? "" : archive::snippetOfHits(body, archive::toTsQuery(match).value().phrases, "[", "]", "…", 12, &hits);
  }
  std::string highlight(const std::string& name, const std::string& match) override {
    auto body = matchingBody(name, match);
    return body.empty() ? "" : archive::highlightHits(body, archive::toTsQuery(match).value().phrases, "[", "]");
  }

 private:
  std::string matchingBody(const std::string& name, const std::string& match) {
    auto q = archive::toTsQuery(match);
    if (!q.ok() || !db_) return "";
    auto r = db_->query("SELECT body FROM notices WHERE tokens @@ CAST($1 AS tsquery) AND name = $2", {q.value().text, name});
    return r.ok() && r.value().rows() > 0 ? r.value().text(0, 0) : "";
  }
  archive::testing::ArchiveLocation location_;
  std::unique_ptr<archive::PgConnection> db_;
};

// The cases that hold on both backends.
class Search : public ::testing::TestWithParam<archive::testing::Backend> {
 protected:
  // A new, empty table (the test is skipped without a PostgreSQL test server).
  SearchTable& table() {
    if (GetParam() == archive::testing::Backend::kSqlite) {
      table_ = std::make_unique<Fts5Table>();
    } else {
      table_ = std::make_unique<PgTable>();  // a failure to make it is reported already
    }
    return *table_;
  }
  void SetUp() override {
    if (GetParam() == archive::testing::Backend::kPostgres && archive::testing::testServer().empty()) {
      GTEST_SKIP() << archive::testing::kNoServer;
    }
  }
  std::unique_ptr<SearchTable> table_;
};
INSTANTIATE_TEST_SUITE_P(Backends, Search, archive::testing::kBackends, archive::testing::backendName);

// Why the tokenizer exists: SQLite's own tokenizers miss two-character words. trigram finds
// none; unicode61 only where the word stands between punctuation or spaces (各市教育、民政、…),
// not inside a run (省民政厅).
TEST(BuiltInTokenizers, MissTwoCharacterWords) {
  Fts5Table trigram("trigram");
  trigram.addCorpus();
  EXPECT_THAT(trigram.matching("教育"), ::testing::IsEmpty());
  EXPECT_THAT(trigram.matching("民政"), ::testing::IsEmpty());
  Fts5Table unicode61("unicode61");
  unicode61.addCorpus();
  for (const char* word : {"教育", "民政"}) {
    Names found = unicode61.matching(word);
    EXPECT_LT(found.size(), containing(word).size() / 2) << word;
  }
  EXPECT_FALSE(unicode61.matching("民政").count("p21_nanyang-2011-tongdabei-jueding"));
}

TEST(BigramTokenizer, IndexesOverlappingPairsWordsAndSingleCharacters) {
  Fts5Table table;
  table.add("a", "省教育厅（ＰＤＦ版）2026年");
  // Pairs at the position of the character they open, each character colocated with its pair,
  // the run's last character at its own position; a lone Han character once.
  EXPECT_THAT(table.tokens("a"), ElementsAre("省", "省教", "教", "教育", "育", "育厅", "厅", "pdf", "版", "2026", "年"));
}

// The tokens both backends index (bigram_tokens.h): what the FTS5 table holds above, and a
// query's tokens (pairs only).
TEST(BigramTokens, DocumentsAndQueries) {
  std::vector<std::string> texts;
  std::vector<bool> colocated;
  for (const auto& t : bigramTokens("省教育厅（ＰＤＦ版）2026年", true)) {
    texts.push_back(t.text);
    colocated.push_back(t.colocated);
  }
  EXPECT_THAT(texts, ElementsAre("省教", "省", "教育", "教", "育厅", "育", "厅", "pdf", "版", "2026", "年"));
  EXPECT_THAT(colocated, ElementsAre(false, true, false, true, false, true, false, false, false, false, false));
  texts.clear();
  for (const auto& t : bigramTokens("省教育厅（ＰＤＦ版）2026年", false)) texts.push_back(t.text);
  EXPECT_THAT(texts, ElementsAre("省教", "教育", "育厅", "pdf", "版", "2026", "年"));
}

// The query syntax as a tsquery (PostgreSQL), and what it refuses.
TEST(TsQuery, WordsPhrasesOperators) {
  auto text = [](const std::string& q) {
    auto t = archive::toTsQuery(q);
    return t.ok() ? t.value().text : "error: " + t.error().message;
  };
  EXPECT_EQ(text("退役军人"), "('退役' <-> '役军' <-> '军人')");
  EXPECT_EQ(text("职业教育 NOT 安徽"), "(('职业' <-> '业教' <-> '教育') & !'安徽')");
  EXPECT_EQ(text("民政 OR 养老 AND 服务"), "('民政' | ('养老' & '服务'))");
  EXPECT_EQ(text("(民政 OR 养老) 服务"), "(('民政' | '养老') & '服务')");
  EXPECT_EQ(text("\"pdf格式\""), "('pdf' <-> '格式')");
  EXPECT_EQ(text("教育*"), "'教育':*");
  EXPECT_EQ(text("ＰＤＦ"), "'pdf'");
  EXPECT_EQ(text("NEAR(民政 养老, 1)"), "('民政' <1> '养老' | '养老' <1> '民政' | '民政' <2> '养老' | '养老' <2> '民政')");
  for (const char* bad : {"\"unclosed", "教育)", "(教育", "NOT", "教育 OR", "NEAR(a b c)", "NEAR(a b, x)", "-教育", "，"}) {
    EXPECT_EQ(text(bad).rfind("error: ", 0), 0u) << bad << " → " << text(bad);
  }
  // The phrases a snippet marks: not those under NOT.
  auto q = archive::toTsQuery("职业教育 NOT (安徽 OR 山西)");
  ASSERT_TRUE(q.ok());
  ASSERT_EQ(q.value().phrases.size(), 1u);
  EXPECT_THAT(q.value().phrases[0].tokens, ElementsAre("职业", "业教", "教育"));
}

TEST(TsVector, TitleWeighsAndBodyFollowsAfterAGap) {
  EXPECT_EQ(archive::tsvectorLiteral("通知", "教育厅"), "'厅':6 '教':4 '教育':4 '知':2A '育':5 '育厅':5 '通':1A '通知':1A");
}

TEST_P(Search, TwoCharacterWords) {
  SearchTable& table = this->table();
  table.addCorpus();
  for (const char* word : {"教育", "养老", "民政", "活动", "培训"}) {
    EXPECT_EQ(table.matching(word), containing(word)) << word;
    EXPECT_FALSE(containing(word).empty()) << word;
  }
  EXPECT_EQ(table.matching("养老"), (Names{"2024-shanxi-jjzc30", "2026-shanxi-jjzc53"}));
}

TEST_P(Search, ThreeAndFourCharacterWordsArePhrasesOfPairs) {
  SearchTable& table = this->table();
  table.addCorpus();
  EXPECT_EQ(table.matching("退役军人"), (Names{"2021-shanxi-jjzc65", "2026-anhui-wjmzc23", "2026-shanxi-jjzc53"}));
  for (const char* word : {"教育厅", "退役军人", "职业教育", "终身学习", "活动周"}) {
    EXPECT_EQ(table.matching(word), containing(word)) << word;
  }
  // The pairs of 退役军人 are all here, but not in a row.
  table.add("apart", "做好退役人员和军人家属的服务工作。");
  EXPECT_THAT(table.matching("退役军人"), ::testing::Not(::testing::Contains("apart")));
  EXPECT_TRUE(table.matching("退役 军人").count("apart"));
}

TEST_P(Search, QuotedPhrases) {
  SearchTable& table = this->table();
  table.addCorpus();
  EXPECT_EQ(table.matching("\"全民终身学习活动周\""), containing("全民终身学习活动周"));
  EXPECT_FALSE(containing("全民终身学习活动周").empty());
  // A phrase across Latin, digits and Han: 2026 | 年 | 职业 业教 教育 …
  table.add("mixed", "关于举办2026年职业教育活动周的通知");
  table.add("other", "2026年度职业技能竞赛，职业教育另行通知");
  EXPECT_TRUE(table.matching("\"2026年职业教育\"").count("mixed"));
  EXPECT_FALSE(table.matching("\"2026年职业教育\"").count("other"));
  EXPECT_TRUE(table.matching("2026年 职业教育").count("other"));
}

TEST_P(Search, NotAndNear) {
  SearchTable& table = this->table();
  table.addCorpus();
  Names expected;
  for (const auto& name : containing("教育"))
    if (!containing("民政").count(name)) expected.insert(name);
  EXPECT_EQ(table.matching("教育 NOT 民政"), expected);
  EXPECT_FALSE(expected.empty());

  // "各市教育、民政、农业农村、退役军人事务…": 民政 five positions before 退役军人.
  EXPECT_TRUE(table.matching("NEAR(民政 退役军人, 8)").count("2026-shanxi-jjzc53"));
  std::string filler;
  for (int i = 0; i < 20; ++i) filler += "做好相关工作，";
  table.add("far", "民政部门" + filler + "退役军人事务部门");
  EXPECT_TRUE(table.matching("民政 退役军人").count("far"));
  EXPECT_FALSE(table.matching("NEAR(民政 退役军人, 8)").count("far"));
}

TEST_P(Search, LatinWordsAndDigitsFoldFullWidthAndCase) {
  SearchTable& table = this->table();
  table.add("ascii", "请于2026年5月20日前以PDF格式报送。");
  table.add("fullwidth", "晋教职成函〔２０２６〕５３号，附件以ｐｄｆ格式报送。");
  table.add("neither", "请以Word格式报送。");
  EXPECT_EQ(table.matching("2026"), (Names{"ascii", "fullwidth"}));
  EXPECT_EQ(table.matching("２０２６"), (Names{"ascii", "fullwidth"}));
  EXPECT_EQ(table.matching("pdf"), (Names{"ascii", "fullwidth"}));
  EXPECT_EQ(table.matching("ＰＤＦ"), (Names{"ascii", "fullwidth"}));
  EXPECT_EQ(table.matching("\"pdf格式\""), (Names{"ascii", "fullwidth"}));
  EXPECT_EQ(table.matching("53"), Names{"fullwidth"});
  // A digit run is one word: 202 is not 2026.
  EXPECT_THAT(table.matching("202"), ::testing::IsEmpty());
  EXPECT_EQ(table.highlight("fullwidth", "PDF"), "晋教职成函〔２０２６〕５３号，附件以[ｐｄｆ]格式报送。");
}

TEST_P(Search, OneCharacterQueries) {
  SearchTable& table = this->table();
  table.addCorpus();
  table.add("end-of-run", "报省教育厅。");   // 厅 closes a run
  table.add("lone", "各市、厅、局：");          // 厅 alone between punctuation
  table.add("inside", "请到大厅领取");       // 厅 inside a run
  Names expected = containing("厅");
  expected.insert({"end-of-run", "lone", "inside"});
  EXPECT_EQ(table.matching("厅"), expected);
  expected = containing("育");
  expected.insert("end-of-run");
  EXPECT_EQ(table.matching("育"), expected);
}

TEST(BigramTokenizer, WithoutSinglesOneCharacterFindsOnlyLoneCharacters) {
  Fts5Table table("notice_bigram singles 0");
  ASSERT_TRUE(table.created()) << table.lastError();
  table.add("end-of-run", "报省教育厅。");
  table.add("lone", "各市、厅、局：");
  EXPECT_EQ(table.matching("厅"), Names{"lone"});
  EXPECT_EQ(table.matching("教育厅"), Names{"end-of-run"});
}

TEST_P(Search, NoPairAcrossPunctuationOrSpace) {
  SearchTable& table = this->table();
  table.add("comma", "加强职业教育，厅属各单位要积极参与。");
  table.add("space", "教育 厅属单位");
  table.add("word", "山西省教育厅");
  EXPECT_EQ(table.matching("育厅"), Names{"word"});
  EXPECT_EQ(table.matching("教育厅"), Names{"word"});
  EXPECT_EQ(table.matching("教育"), (Names{"comma", "space", "word"}));
}

TEST_P(Search, SnippetMarksTheWordHit) {
  SearchTable& table = this->table();
  table.addCorpus();
  EXPECT_THAT(table.snippet("2026-shanxi-jjzc53", "退役军人"), HasSubstr("[退役军人]"));
  EXPECT_THAT(table.snippet("2026-shanxi-jjzc53", "养老"), HasSubstr("[养老]"));
  table.add("short", "省教育厅、省民政厅：请做好养老服务工作。");
  EXPECT_EQ(table.highlight("short", "民政"), "省教育厅、省[民政]厅：请做好养老服务工作。");
  EXPECT_EQ(table.highlight("short", "养老服务"), "省教育厅、省民政厅：请做好[养老服务]工作。");
  // A one-character hit marks its pair (the pair is the first token at its position), or the
  // character alone where it ends a run.
  EXPECT_EQ(table.highlight("short", "厅"), "省教育[厅]、省民政[厅]：请做好养老服务工作。");
  EXPECT_EQ(table.highlight("short", "养"), "省教育厅、省民政厅：请做好[养老]服务工作。");
}

TEST_P(Search, Bm25RanksTheNoticeAboutTheWordFirst) {
  SearchTable& table = this->table();
  table.addCorpus();
  // The Nanyang decision names 民政 thirteen times in a short text; the Games notice once.
  auto ranked = table.ranked("民政");
  auto position = [&](const std::string& name) { return std::find(ranked.begin(), ranked.end(), name) - ranked.begin(); };
  ASSERT_LT(position("p35_guoban-2022-yayunhui-lingdaoxiaozu"), static_cast<long>(ranked.size()));
  EXPECT_EQ(ranked.front(), "p21_nanyang-2011-tongdabei-jueding");
  EXPECT_LT(position("p21_nanyang-2011-tongdabei-jueding"), position("p35_guoban-2022-yayunhui-lingdaoxiaozu"));
  EXPECT_LT(position("p21_nanyang-2011-tongdabei-jueding"), position("2021-shanxi-jjzc65"));
}

TEST_P(Search, PrefixQueries) {
  SearchTable& table = this->table();
  table.add("a", "省教育厅");
  table.add("b", "教学改革");
  table.add("c", "宗教事务");
  EXPECT_EQ(table.matching("教育*"), Names{"a"});
  EXPECT_EQ(table.matching("教*"), (Names{"a", "b", "c"}));
}

TEST(BigramTokenizer, UnknownOptionIsAnError) {
  Fts5Table table("notice_bigram colour blue");
  EXPECT_FALSE(table.created());
}

TEST_P(Search, InvalidUtf8SeparatesAndNeverFails) {
  SearchTable& table = this->table();
  table.add("bad", std::string("教育\xff\xfe厅长\x80") + "abc");
  EXPECT_EQ(table.matching("教育"), Names{"bad"});
  EXPECT_EQ(table.matching("abc"), Names{"bad"});
  EXPECT_THAT(table.matching("育厅"), ::testing::IsEmpty());
}

}  // namespace
}  // namespace notice
