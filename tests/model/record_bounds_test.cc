// Record bounds (core/record_bounds.h): a stored record beyond what any notice holds — a list
// of ten thousand and one themes, text of 17 MiB, provenance of 100,001 entries, sections nested
// 100,000 deep — is refused by both readers (noticeFromJson, recordShapeError) with the bound it
// passed, without recursion; a real record keeps well within them.
#include "core/record_bounds.h"

#include "diff/record_shape.h"
#include "model/notice_record.h"
#include "test_support.h"

namespace notice {
namespace {

using nlohmann::json;

const json& realRecord() {
  static json r = [] {
    auto parsed = testing::engine().parseBytes(testing::readFile(testing::sourcePath("corpus/text/2026-shanxi-jjzc53.txt")),
                                               "2026-shanxi-jjzc53.txt", {});
    if (!parsed.ok()) std::abort();
    return parsed.value();
  }();
  return r;
}

// Both readers refuse `record`, naming `where` and `what`.
void expectRefused(const json& record, const std::string& where, const std::string& what) {
  auto typed = noticeFromJson(record);
  ASSERT_FALSE(typed.ok()) << where;
  EXPECT_EQ(typed.error().code, ErrorCode::kBadRecord);
  EXPECT_NE(typed.error().message.find(where), std::string::npos) << typed.error().message;
  EXPECT_NE(typed.error().message.find(what), std::string::npos) << typed.error().message;
  auto shape = recordShapeError(record);
  ASSERT_TRUE(shape) << where;
  EXPECT_NE(shape->find(where), std::string::npos) << *shape;
  EXPECT_NE(shape->find(what), std::string::npos) << *shape;
}

TEST(RecordBounds, ARealRecordIsWithinThem) {
  EXPECT_FALSE(recordBoundsError(realRecord()));
  EXPECT_TRUE(noticeFromJson(realRecord()).ok());
  EXPECT_FALSE(recordShapeError(realRecord()));
}

TEST(RecordBounds, AListLongerThanTheBound) {
  json r = realRecord();
  r["themes"] = json::array();
  for (int i = 0; i < 10000; ++i) r["themes"].push_back({{"event", nullptr}, {"theme", "主题" + std::to_string(i)}});
  EXPECT_TRUE(noticeFromJson(r).ok());  // ten thousand is the bound, still read
  r["themes"].push_back({{"event", nullptr}, {"theme", "one more"}});
  expectRefused(r, "/themes", "10001 items (a record holds at most 10000 in one list)");
  json phones = realRecord();
  phones["contacts"][0]["phones"] = json::array();
  for (int i = 0; i < 20000; ++i) phones["contacts"][0]["phones"].push_back("0351-" + std::to_string(i));
  expectRefused(phones, "/contacts/0/phones", "20000 items");
}

TEST(RecordBounds, TextLongerThanTheBound) {
  json r = realRecord();
  r["text"] = std::string(17 << 20, 'x');
  expectRefused(r, "/text", "text of 17 MiB (a record's text is at most 16 MiB)");
  json issuer = realRecord();
  issuer["issuers"][0] = std::string(17 << 20, 'x');
  expectRefused(issuer, "/issuers/0", "text of 17 MiB");
}

TEST(RecordBounds, AnObjectWithMoreKeysThanTheBound) {
  json r = realRecord();
  for (int i = 0; i < 100001; ++i) r["provenance"]["/x/" + std::to_string(i)] = {{"chars", {0, 1}}};
  expectRefused(r, "/provenance", "keys (a record holds at most 100000 in one object)");
}

// noticeFromJson recursed into sections without a bound: 100,000 levels overflowed the stack of
// `notice parse -o DIR` reading the folder's records (tests/cli/limits_test.cc runs that).
TEST(RecordBounds, SectionsNestedTooDeep) {
  json r = realRecord();
  json sections = json::array();
  for (int i = 0; i < 100000; ++i) {
    sections = json::array({{{"number", "一、"}, {"title", "x"}, {"level", 1}, {"children", std::move(sections)}}});
  }
  r["sections"] = std::move(sections);
  expectRefused(r, "/sections/0/children/0", "nested deeper than 64 levels");
}

TEST(RecordBounds, TheRecordsBytes) {
  EXPECT_FALSE(recordSizeError(size_t{64} << 20));
  auto big = recordSizeError((size_t{64} << 20) + 1);
  ASSERT_TRUE(big);
  EXPECT_NE(big->find("a record is at most 64 MiB"), std::string::npos) << *big;
}

}  // namespace
}  // namespace notice
