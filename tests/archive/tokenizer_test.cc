// The notice_bigram FTS5 tokenizer, through SQLite itself: an in-memory FTS5 table over the
// bundled notices (corpus/text and corpus/real/web) and a few lines written for one case each.
#include "archive/bigram_tokenizer.h"

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

// An in-memory FTS5 table `notices(name UNINDEXED, body)` with the tokenizer given.
class SearchTable {
 public:
  explicit SearchTable(const std::string& tokenize = "notice_bigram") {
    EXPECT_EQ(sqlite3_open(":memory:", &db_), SQLITE_OK);
    std::string error;
    EXPECT_TRUE(registerBigramTokenizer(db_, &error)) << error;
    created_ = exec("CREATE VIRTUAL TABLE notices USING fts5(name UNINDEXED, body, tokenize = '" + tokenize + "')");
  }
  ~SearchTable() { sqlite3_close(db_); }
  SearchTable(const SearchTable&) = delete;
  SearchTable& operator=(const SearchTable&) = delete;

  bool created() const { return created_; }
  std::string lastError() const { return sqlite3_errmsg(db_); }

  void add(const std::string& name, const std::string& body) {
    auto rows = query("INSERT INTO notices(name, body) VALUES (?1, ?2)", {name, body});
    EXPECT_TRUE(rows.empty());
  }
  void addCorpus() {
    for (const auto& [name, text] : corpusNotices()) add(name, text);
  }

  // The names matching `match`, best first (bm25).
  std::vector<std::string> ranked(const std::string& match) {
    return query("SELECT name FROM notices WHERE notices MATCH ?1 ORDER BY rank", {match});
  }
  Names matching(const std::string& match) {
    auto names = ranked(match);
    return Names(names.begin(), names.end());
  }
  std::string snippet(const std::string& name, const std::string& match) {
    auto rows = query("SELECT snippet(notices, 1, '[', ']', '…', 12) FROM notices WHERE notices MATCH ?1 AND name = ?2",
                      {match, name});
    return rows.empty() ? "" : rows.front();
  }
  std::string highlight(const std::string& name, const std::string& match) {
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

// Why the tokenizer exists: SQLite's own tokenizers miss two-character words. trigram finds
// none; unicode61 only where the word stands between punctuation or spaces (各市教育、民政、…),
// not inside a run (省民政厅).
TEST(BuiltInTokenizers, MissTwoCharacterWords) {
  SearchTable trigram("trigram");
  trigram.addCorpus();
  EXPECT_THAT(trigram.matching("教育"), ::testing::IsEmpty());
  EXPECT_THAT(trigram.matching("民政"), ::testing::IsEmpty());
  SearchTable unicode61("unicode61");
  unicode61.addCorpus();
  for (const char* word : {"教育", "民政"}) {
    Names found = unicode61.matching(word);
    EXPECT_LT(found.size(), containing(word).size() / 2) << word;
  }
  EXPECT_FALSE(unicode61.matching("民政").count("p21_nanyang-2011-tongdabei-jueding"));
}

TEST(BigramTokenizer, IndexesOverlappingPairsWordsAndSingleCharacters) {
  SearchTable table;
  table.add("a", "省教育厅（ＰＤＦ版）2026年");
  // Pairs at the position of the character they open, each character colocated with its pair,
  // the run's last character at its own position; a lone Han character once.
  EXPECT_THAT(table.tokens("a"), ElementsAre("省", "省教", "教", "教育", "育", "育厅", "厅", "pdf", "版", "2026", "年"));
}

TEST(BigramTokenizer, TwoCharacterWords) {
  SearchTable table;
  table.addCorpus();
  for (const char* word : {"教育", "养老", "民政", "活动", "培训"}) {
    EXPECT_EQ(table.matching(word), containing(word)) << word;
    EXPECT_FALSE(containing(word).empty()) << word;
  }
  EXPECT_EQ(table.matching("养老"), (Names{"2024-shanxi-jjzc30", "2026-shanxi-jjzc53"}));
}

TEST(BigramTokenizer, ThreeAndFourCharacterWordsArePhrasesOfPairs) {
  SearchTable table;
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

TEST(BigramTokenizer, QuotedPhrases) {
  SearchTable table;
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

TEST(BigramTokenizer, NotAndNear) {
  SearchTable table;
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

TEST(BigramTokenizer, LatinWordsAndDigitsFoldFullWidthAndCase) {
  SearchTable table;
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

TEST(BigramTokenizer, OneCharacterQueries) {
  SearchTable table;
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
  SearchTable table("notice_bigram singles 0");
  ASSERT_TRUE(table.created()) << table.lastError();
  table.add("end-of-run", "报省教育厅。");
  table.add("lone", "各市、厅、局：");
  EXPECT_EQ(table.matching("厅"), Names{"lone"});
  EXPECT_EQ(table.matching("教育厅"), Names{"end-of-run"});
}

TEST(BigramTokenizer, NoPairAcrossPunctuationOrSpace) {
  SearchTable table;
  table.add("comma", "加强职业教育，厅属各单位要积极参与。");
  table.add("space", "教育 厅属单位");
  table.add("word", "山西省教育厅");
  EXPECT_EQ(table.matching("育厅"), Names{"word"});
  EXPECT_EQ(table.matching("教育厅"), Names{"word"});
  EXPECT_EQ(table.matching("教育"), (Names{"comma", "space", "word"}));
}

TEST(BigramTokenizer, SnippetMarksTheWordHit) {
  SearchTable table;
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

TEST(BigramTokenizer, Bm25RanksTheNoticeAboutTheWordFirst) {
  SearchTable table;
  table.addCorpus();
  // The Nanyang decision names 民政 thirteen times in a short text; the Games notice once.
  auto ranked = table.ranked("民政");
  auto position = [&](const std::string& name) { return std::find(ranked.begin(), ranked.end(), name) - ranked.begin(); };
  ASSERT_LT(position("p35_guoban-2022-yayunhui-lingdaoxiaozu"), static_cast<long>(ranked.size()));
  EXPECT_EQ(ranked.front(), "p21_nanyang-2011-tongdabei-jueding");
  EXPECT_LT(position("p21_nanyang-2011-tongdabei-jueding"), position("p35_guoban-2022-yayunhui-lingdaoxiaozu"));
  EXPECT_LT(position("p21_nanyang-2011-tongdabei-jueding"), position("2021-shanxi-jjzc65"));
}

TEST(BigramTokenizer, PrefixQueries) {
  SearchTable table;
  table.add("a", "省教育厅");
  table.add("b", "教学改革");
  table.add("c", "宗教事务");
  EXPECT_EQ(table.matching("教育*"), Names{"a"});
  EXPECT_EQ(table.matching("教*"), (Names{"a", "b", "c"}));
}

TEST(BigramTokenizer, UnknownOptionIsAnError) {
  SearchTable table("notice_bigram colour blue");
  EXPECT_FALSE(table.created());
}

TEST(BigramTokenizer, InvalidUtf8SeparatesAndNeverFails) {
  SearchTable table;
  table.add("bad", std::string("教育\xff\xfe厅长\x80") + "abc");
  EXPECT_EQ(table.matching("教育"), Names{"bad"});
  EXPECT_EQ(table.matching("abc"), Names{"bad"});
  EXPECT_THAT(table.matching("育厅"), ::testing::IsEmpty());
}

}  // namespace
}  // namespace notice
