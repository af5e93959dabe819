// The diff on records no notice has (the audit's F05–F07): hand-edited dates, lists of ten
// thousand items, long unrelated texts. Each gives the answer a reader would want, with work
// bounded by the caps in diff.cc and words.cc (the time itself is measured in bench/).
#include "diff/diff.h"
#include "diff/record_shape.h"
#include "diff/render.h"
#include "diff/words.h"
#include "test_support.h"

namespace notice {
namespace {

using nlohmann::json;
using testing::grammar;

json label(const std::string& name) {
  return json::parse(testing::readFile(testing::sourcePath("corpus/labels/" + name + ".json")));
}

json fieldAt(const json& diff, const std::string& path) {
  for (const auto& e : diff["fields"]) if (e["path"] == path) return e;
  return nullptr;
}

TEST(DiffBounds, ADateOutOfRangeHasNoShift) {
  json a = label("2026-shanxi-jjzc53"), b = a;
  b["issue_date"] = "2021-2000000000-01";
  auto d = diffRecords(a, b, grammar());
  ASSERT_TRUE(d.ok()) << d.error().message;
  json e = fieldAt(d.value(), "/issue_date");
  ASSERT_FALSE(e.is_null());
  EXPECT_FALSE(e.contains("shift_days")) << e.dump();
  b["issue_date"] = "2026-05-19";
  e = fieldAt(diffRecords(a, b, grammar()).value(), "/issue_date");
  EXPECT_EQ(e["shift_days"], 10);
}

// Shifts count calendar days: leap days, a month alone from its first day, the years around 0
// and 10000 that a four-digit year allows; anything else has none.
TEST(DiffBounds, ShiftsCountCalendarDays) {
  json a = label("2026-shanxi-jjzc53"), b = a;
  auto shift = [&](const char* from, const char* to) {
    a["issue_date"] = from;
    b["issue_date"] = to;
    json e = fieldAt(diffRecords(a, b, grammar()).value(), "/issue_date");
    return e.contains("shift_days") ? e["shift_days"] : json();
  };
  EXPECT_EQ(shift("2024-02-28", "2024-03-01"), 2);
  EXPECT_EQ(shift("2023-02-28", "2023-03-01"), 1);
  EXPECT_EQ(shift("2024-03", "2024-03-10"), 9);
  EXPECT_EQ(shift("2025-12-31", "2026-01"), 1);
  EXPECT_EQ(shift("0000-01-01", "0000-03-01"), 60);
  EXPECT_EQ(shift("1999-12-31", "0000-01-01"), -730484);
  EXPECT_EQ(shift("9999-12-31", "2026-05-09"), -2912314);
  for (const char* bad : {"2026-5-09", "2026-05-9", "2026-13-01", "2026-00-01", "2026-05-32", "2026-05-00", "２０２６-05-09",
                          "2026/05/09", "2026-05-09T00", "20260509", "2026-05-"}) {
    EXPECT_TRUE(shift("2026-05-09", bad).is_null()) << bad;
  }
}

TEST(DiffBounds, TenThousandItemsFindTheOneThatChanged) {
  json a = label("2026-shanxi-jjzc53");
  a["themes"] = json::array();
  for (int i = 0; i < 10000; ++i) a["themes"].push_back({{"event", "活动" + std::to_string(i)}, {"theme", "主题" + std::to_string(i)}});
  a["issuers"] = json::array();
  for (int i = 0; i < 10000; ++i) a["issuers"].push_back("第" + std::to_string(i) + "单位");
  json b = a;
  b["themes"][5000]["theme"] = "新的主题";
  b["issuers"][7] = "另一单位";
  auto d = diffRecords(a, b, grammar());
  ASSERT_TRUE(d.ok()) << d.error().message;
  size_t themeEntries = 0, issuerEntries = 0;
  for (const auto& e : d.value()["fields"]) {
    std::string path = e["path"];
    themeEntries += path.rfind("/themes/", 0) == 0;
    issuerEntries += path.rfind("/issuers/", 0) == 0;
  }
  // The identical items pair up by value; the one theme left on each side is matched by its
  // event and changed; the issuer left on each side is one removed and one added.
  EXPECT_EQ(themeEntries, 1u);
  EXPECT_EQ(issuerEntries, 2u);
  EXPECT_TRUE(diffRecords(a, a, grammar()).value()["fields"].empty());
}

// A value out of shape is named by its whole path, however deep (the paths are spelled out only
// for the message now, from where each value hangs).
TEST(DiffBounds, ShapeErrorsNameTheWholePath) {
  json a = label("2026-shanxi-jjzc53");
  json b = a;
  b["sections"] = json::array({{{"number", "一、"}, {"title", "x"}},
                               {{"number", "二、"}, {"title", "y"}, {"children", json::array({{{"title", 5}}})}}});
  ASSERT_TRUE(recordShapeError(b));
  EXPECT_EQ(*recordShapeError(b), "/sections/1/children/0/title: expected text");
  b = a;
  b["contacts"][0]["phones"] = json::array({"0351-1234567", nullptr});
  EXPECT_EQ(recordShapeError(b).value_or(""), "/contacts/0/phones/1: expected text");
  b = a;
  b["provenance"]["/title"] = {{"chars", {9, 3}}};
  EXPECT_EQ(recordShapeError(b).value_or(""), "/provenance//title: expected {\"chars\": [begin, end]}");
  EXPECT_FALSE(recordShapeError(a)) << *recordShapeError(a);
}

// A record checked once (ShapedRecord) is compared as the same JSON checked by the comparison
// itself, and one out of shape is not let through.
TEST(DiffBounds, ShapedRecordsCompareAsTheirJson) {
  json a = label("2021-shanxi-jjzc30"), b = label("2026-shanxi-jjzc53"), c = label("2026-anhui-wjmzc23");
  auto sa = ShapedRecord::of(a), sb = ShapedRecord::of(b), sc = ShapedRecord::of(c);
  ASSERT_TRUE(sa.ok() && sb.ok() && sc.ok());
  EXPECT_EQ(sa.value().record(), a);
  auto shaped = diffRecords(sa.value(), sb.value(), grammar());
  auto plain = diffRecords(a, b, grammar());
  ASSERT_TRUE(shaped.ok() && plain.ok());
  EXPECT_EQ(shaped.value(), plain.value());
  EXPECT_FALSE(shaped.value()["text"].empty());
  auto seriesShaped = compareSeries(std::vector<ShapedRecord>{sa.value(), sb.value(), sc.value()}, grammar());
  auto seriesPlain = compareSeries(std::vector<json>{a, b, c}, grammar());
  ASSERT_TRUE(seriesShaped.ok() && seriesPlain.ok());
  EXPECT_EQ(seriesShaped.value(), seriesPlain.value());
  EXPECT_EQ(seriesShaped.value()["rows"].size(), 3u);
  b["themes"][0]["theme"] = 7;
  auto refused = ShapedRecord::of(b);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kBadRecord);
  EXPECT_EQ(refused.error().message, "/themes/0/theme: expected text or null");
}

// Found by fuzz_record: the shape check lets an item leave keys out (a hand-edited record), and
// the summary and the renderers read doc_number.text, an event period's end and a contact's org
// and emails without looking first (nlohmann's assertion; undefined where assertions are off).
TEST(DiffBounds, ItemsMissingKeysDiffAndRender) {
  json a = label("2026-shanxi-jjzc53"), b = a;
  b["doc_number"].erase("text");
  b["event_periods"][0].erase("end");
  b["contacts"][0].erase("org");
  b["contacts"][0].erase("emails");
  ASSERT_FALSE(recordShapeError(b)) << *recordShapeError(b);
  auto d = diffRecords(a, b, grammar());
  ASSERT_TRUE(d.ok()) << d.error().message;
  EXPECT_TRUE(d.value()["new"]["doc_number"].is_null());
  EXPECT_EQ(d.value()["old"]["doc_number"], a["doc_number"]["text"]);
  const std::string text = renderDiffText(d.value(), false);
  const std::string period = a["event_periods"][0]["event"].get<std::string>() + " " +
                             a["event_periods"][0]["start"].get<std::string>();
  EXPECT_NE(text.find(period), std::string::npos) << text;
  const std::string contact = a["contacts"][0]["name"].get<std::string>() + " " + a["contacts"][0]["phones"][0].get<std::string>();
  EXPECT_NE(text.find(contact), std::string::npos) << text;
  EXPECT_NE(renderDiffHtml(d.value()).find("<html"), std::string::npos);
}

// F04: 30,000 levels of nesting inside a list item overflowed the stack of the shape check.
TEST(DiffBounds, ARecordNestedTooDeepIsRefused) {
  json a = label("2026-shanxi-jjzc53"), b = a;
  json deep = "x";
  for (int i = 0; i < 30000; ++i) deep = json::array({std::move(deep)});
  b["themes"] = json::array({{{"event", "活动"}, {"theme", std::move(deep)}}});
  auto d = diffRecords(a, b, grammar());
  ASSERT_FALSE(d.ok());
  EXPECT_NE(d.error().message.find("nested deeper"), std::string::npos) << d.error().message;
}

TEST(DiffBounds, UnrelatedLongTextsAreOneReplacement) {
  std::string a, b;
  for (int i = 0; i < 3000; ++i) a += "甲" + std::to_string(i) + "乙。", b += "丙" + std::to_string(i * 7 + 1) + "丁。";
  auto edits = diffWords(a, b);
  size_t deleted = 0, inserted = 0;
  for (const auto& e : edits) {
    deleted += e.op == WordEdit::Op::kDelete;
    inserted += e.op == WordEdit::Op::kInsert;
  }
  EXPECT_EQ(deleted, 1u);
  EXPECT_EQ(inserted, 1u);
  // A real edit inside a long text stays word by word.
  std::string c = a;
  c.replace(c.find("甲100乙"), std::string("甲100乙").size(), "甲100丙");
  bool equalRunKept = false;
  for (const auto& e : diffWords(a, c)) equalRunKept |= e.op == WordEdit::Op::kEqual && e.text.size() > 1000;
  EXPECT_TRUE(equalRunKept);
}

}  // namespace
}  // namespace notice
