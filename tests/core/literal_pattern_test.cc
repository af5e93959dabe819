// Table cells of literal text are found by a plain search (grammar/literal_pattern.h) instead of
// RE2: what they find must be what RE2 finds, on the project's own tables and on the names and
// duties of the labelled corpus.
#include "grammar/literal_pattern.h"

#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <re2/re2.h>

#include "grammar/grammar.h"
#include "grammar/tag_table.h"

namespace notice {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> textsOf(const std::optional<std::vector<LiteralAlternative>>& alternatives) {
  std::vector<std::string> out;
  for (const auto& a : *alternatives) out.push_back(a.text + (a.atEnd ? "$" : ""));
  return out;
}

TEST(LiteralPattern, ReadsLiteralTextJoinedByBars) {
  EXPECT_EQ(textsOf(literalAlternatives("网信办|网络安全和信息化|网信")),
            (std::vector<std::string>{"网信办", "网络安全和信息化", "网信"}));
  EXPECT_EQ(textsOf(literalAlternatives("人民政府$|市政府$")), (std::vector<std::string>{"人民政府$", "市政府$"}));
  EXPECT_EQ(textsOf(literalAlternatives("统计表|(?:填报|填写)")), (std::vector<std::string>{"统计表", "填报", "填写"}));
  EXPECT_EQ(textsOf(literalAlternatives("总结|")), (std::vector<std::string>{"总结", ""}));
  for (const char* p : {"网信办|网络安全和信息化|网信", "人民政府$|市政府$", "统计表|(?:填报|填写)", "总结|"}) {
    EXPECT_TRUE(isLiteralAlternatives(p)) << p;
  }
}

TEST(LiteralPattern, LeavesEveryOtherPatternToRe2) {
  for (const char* p : {"a.b", "(?i)abc", "[教育]", "教{2}", "(教育|宣传)", "^人民政府", "a\\.b", "(?:a)(?:b)",
                        "(?:a|b", "a)|b", "人民$政府", "a+", "a*|b", "a?"}) {
    EXPECT_FALSE(literalAlternatives(p).has_value()) << p;
    EXPECT_FALSE(isLiteralAlternatives(p)) << p;
  }
}

TEST(LiteralPattern, FindsWhatRe2Finds) {
  const std::vector<std::string> patterns = {"网信办|网络安全和信息化|网信", "人民政府$|市政府$|县政府$", "统计表|(?:填报|填写)",
                                             "总结|", "a$", "$"};
  const std::vector<std::string> texts = {"",         "网信",         "省委网信办",     "山西省人民政府", "山西省人民政府办公厅",
                                          "人民政府\n", "请填写统计表", "填", "a", "ba", "ab", "a\n"};
  for (const auto& p : patterns) {
    auto alternatives = literalAlternatives(p);
    ASSERT_TRUE(alternatives.has_value()) << p;
    RE2 re(p);
    ASSERT_TRUE(re.ok()) << p;
    for (const auto& t : texts) EXPECT_EQ(occursIn(*alternatives, t), RE2::PartialMatch(t, re)) << p << " in " << t;
  }
}

// The names and duties the labelled notices hold, and each literal of the tables inside a name.
std::vector<std::string> corpusTexts(const Grammar& grammar) {
  std::vector<std::string> out;
  for (const char* dir : {NOTICE_SOURCE_DIR "/corpus/labels", NOTICE_SOURCE_DIR "/corpus/real/labels"}) {
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.path().extension() != ".json") continue;
      auto label = nlohmann::json::parse(std::ifstream(entry.path()), nullptr, false);
      if (!label.is_object()) continue;
      for (const char* key : {"issuers", "recipients", "recipients_first"}) {
        const auto& v = label.value(key, nlohmann::json());
        if (v.is_string()) out.push_back(v.get<std::string>());
        for (const auto& name : v.is_array() ? v : nlohmann::json::array()) {
          if (name.is_string()) out.push_back(name.get<std::string>());
        }
      }
      for (const auto& d : label.value("deadlines", nlohmann::json::array())) {
        if (d.is_object() && d.value("action", nlohmann::json()).is_string()) out.push_back(d["action"].get<std::string>());
      }
    }
  }
  for (const char* table : {"agencies", "duties"}) {
    for (const auto& row : grammar.table(table)) {
      for (const auto& a : literalAlternatives(row.at(1)).value_or(std::vector<LiteralAlternative>{})) {
        out.push_back("山西省" + a.text);
        out.push_back(a.text + "处");
      }
    }
  }
  return out;
}

TEST(LiteralPattern, TagTablesFindWhatTheirRe2PatternsFind) {
  auto g = Grammar::load(NOTICE_SOURCE_DIR "/grammars");
  ASSERT_TRUE(g.ok()) << g.error().message;
  const Grammar& grammar = *g.value();
  const auto texts = corpusTexts(grammar);
  ASSERT_GT(texts.size(), 200u);
  for (const char* table : {"agencies", "duties"}) {
    std::vector<std::pair<std::string, std::unique_ptr<RE2>>> rows;
    for (const auto& row : grammar.table(table)) rows.emplace_back(row.at(0), std::make_unique<RE2>(row.at(1)));
    TagTable tags(grammar, table);
    size_t found = 0;
    for (const auto& t : texts) {
      std::optional<std::string> first;
      std::set<std::string> all;
      for (const auto& [tag, re] : rows) {
        if (!RE2::PartialMatch(t, *re)) continue;
        if (!first) first = tag;
        all.insert(tag);
      }
      EXPECT_EQ(tags.first(t), first) << table << ": " << t;
      EXPECT_EQ(tags.all(t), all) << table << ": " << t;
      found += first.has_value();
    }
    EXPECT_GT(found, texts.size() / 10) << table;  // the texts do exercise the table
  }
}

}  // namespace
}  // namespace notice
