// The C++ scorer (tests/support/score.h) on the rules of tools/score.py; each expectation is what
// score.py gives for the same values. (bench/fidelity_crosscheck.sh compares the two on the whole
// corpus.)
#include <gtest/gtest.h>

#include "support/score.h"

namespace notice::score {
namespace {

TEST(RealSetScorer, NormIsNfkcWithoutPythonWhiteSpace) {
  EXPECT_EQ(norm("关于 举办\u3000活动\u00a0周\u200b\x1c\u2028"), "关于举办活动周\u200b");
  EXPECT_EQ(norm("ＡＢＣ１２３（）"), "ABC123()");
  EXPECT_EQ(norm(nullptr), nullptr);
  EXPECT_EQ(norm(true), "True");
  EXPECT_EQ(norm(2026), "2026");
  EXPECT_EQ(norm(1.5), "1.5");
}

TEST(RealSetScorer, NormOfContainersIsPythonStr) {
  EXPECT_EQ(norm(json{{"a", "x'y"}, {"b", json::array({1, nullptr, true})}}), "{'a':\"x'y\",'b':[1,None,True]}");
  EXPECT_EQ(norm(json::array({"it's", "say \"hi\"", "a'b\"c", "\u3000x\n"})),
            "[\"it's\",'say\"hi\"','a\\'b\"c','\\u3000x\\n']");
}

TEST(RealSetScorer, ScalarKeys) {
  EXPECT_EQ(scalarKey("doc_number", {{"text", "晋教〔2026〕1号"}, {"prefix", nullptr}}), "晋教〔2026〕1号");
  EXPECT_EQ(scalarKey("doc_number", {{"text", nullptr}, {"year", nullptr}}), nullptr);  // an object of nulls
  EXPECT_EQ(scalarKey("title", ""), nullptr);
  EXPECT_EQ(scalarKey("printed", {{"org", "A"}, {"date", "2026-01-01"}}), json::array({"A", "2026-01-01"}));
  EXPECT_EQ(scalarKey("printed", {{"org", nullptr}, {"date", nullptr}}), nullptr);
  EXPECT_EQ(scalarKey("printed", "A"), "A");
  EXPECT_EQ(scalarKey("year", 2026), "2026");
  EXPECT_EQ(scalarKey("year", 0), "0");
}

TEST(RealSetScorer, ItemKeys) {
  json contact = {{"name", "张 三"}, {"phones", {"0351-1234567", "138 0000 0000"}}, {"emails", {"ZHANG@B.cn", "a@b.cn"}}};
  EXPECT_EQ(itemKey("contacts", contact),
            json::array({"张三", {"03511234567", "13800000000"}, {"a@b.cn", "zhang@b.cn"}}));
  // An item of a list without its own key is compared whole, as json.dumps(sort_keys) writes it.
  EXPECT_EQ(itemKey("issuers", {{"short", json::array({"a", 1})}, {"name", "山西省 教育厅"}}),
            "{\"name\":\"山西省教育厅\",\"short\":[\"a\",1]}");
}

TEST(RealSetScorer, F1IsOverAMultiset) {
  EXPECT_NEAR(f1({"a", "a", "b"}, {"a", "b", "c"}), 2.0 / 3, 1e-12);
  EXPECT_EQ(f1({}, {}), 1.0);
  EXPECT_EQ(f1({"a"}, {}), 0.0);
  EXPECT_EQ(f1({"a"}, {"b"}), 0.0);
}

std::string rowsOf(const std::vector<Row>& rows) {
  std::string out;
  for (const auto& r : rows) {
    char s[16];
    std::snprintf(s, sizeof s, "%.4f", r.score);
    out += r.field + " " + s + " " + r.truth.dump() + " " + r.got.dump() + "\n";
  }
  return out;
}

TEST(RealSetScorer, RecordRows) {
  json label = json::parse(R"({"title": "T", "sections": [{"number": "一、", "title": "x"}],
      "recipients_first": "各市教育局", "source": "http://x", "printed": {"org": null, "date": null},
      "embedded": [{"title": "E", "deadlines": [{"date": "2026-05-20"}]}]})");
  json record = json::parse(R"({"title": "T ", "printed": null, "recipients": ["各市教育局", "x"],
      "sections": [{"number": "一、", "title": "x", "level": 1}, {"number": "（一）", "title": "y", "level": 2}],
      "embedded": [{"title": "E", "deadlines": [{"date": "2026-05-20"}, {"date": "2026-06-01"}]}]})");
  EXPECT_EQ(rowsOf(scoreRecord(label, record)),
            "title 1.0000 \"T\" \"T\"\n"
            "printed 1.0000 null null\n"
            "sections 1.0000 [[\"一、\",\"x\"]] [[\"一、\",\"x\"]]\n"
            "recipients_first 1.0000 \"各市教育局\" \"各市教育局\"\n"
            "embedded[0].title 1.0000 \"E\" \"E\"\n"
            "embedded[0].deadlines 0.6667 [\"2026-05-20\"] [\"2026-05-20\",\"2026-06-01\"]\n");
  // A record that is not an object scores as an empty one.
  EXPECT_EQ(rowsOf(scoreRecord(label, json::array())),
            "title 0.0000 \"T\" null\n"
            "printed 1.0000 null null\n"
            "sections 0.0000 [[\"一、\",\"x\"]] []\n"
            "recipients_first 0.0000 \"各市教育局\" null\n"
            "embedded[0].title 0.0000 \"E\" null\n"
            "embedded[0].deadlines 0.0000 [\"2026-05-20\"] []\n");
}

TEST(RealSetScorer, OddShapesAsPythonIteratesThem) {
  json label = json::parse(R"({"sections": [{"number": "一、", "title": "x"}], "issuers": ["A"], "recipients_first": "各市"})");
  json record = json::parse(R"({"sections": [{"number": "一、", "title": "x", "level": null}, {"number": "二、", "title": "z"}],
      "issuers": "AB", "recipients": "各市"})");
  EXPECT_EQ(rowsOf(scoreRecord(label, record)),
            "issuers 0.6667 [\"A\"] [\"A\",\"B\"]\n"
            "sections 0.0000 [[\"一、\",\"x\"]] [[\"二、\",\"z\"]]\n"
            "recipients_first 0.0000 \"各市\" \"各\"\n");
}

TEST(RealSetScorer, TallyIsTheMeanOverRows) {
  Tally t;
  t.add({{"title", 1.0, {}, {}}, {"deadlines", 0.5, {}, {}}});
  t.add({{"embedded[0].title", 0.0, {}, {}}});
  EXPECT_NEAR(t.overall(), 0.5, 1e-12);
  EXPECT_NEAR(t.field("title"), 0.5, 1e-12);
  EXPECT_EQ(fieldGroup("embedded[0].title"), "title");
}

}  // namespace
}  // namespace notice::score
