// Notice (model/notice_record.h): every record the engine writes for the corpus survives
// JSON → Notice → JSON unchanged; the reader names where a record is out of shape; the type knows
// every key the schema requires.
#include "model/notice_record.h"

#include <filesystem>
#include <set>

#include "test_support.h"

namespace notice {
namespace {

using nlohmann::json;
using testing::readFile;
using testing::sourcePath;

// Every file of the corpus the engine reads: samples (text, PDF) and the real set.
std::vector<std::string> corpusFiles() {
  std::vector<std::string> out;
  for (const char* folder : {"corpus/text", "corpus/pdf", "corpus/real/web", "corpus/real/pdf", "corpus/real/html",
                             "corpus/real/ofd"}) {
    for (const auto& e : std::filesystem::directory_iterator(sourcePath(folder))) out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(NoticeRecord, EveryCorpusRecordRoundTrips) {
  size_t tried = 0, embedded = 0;
  for (const auto& file : corpusFiles()) {
    auto record = testing::engine().parseBytes(readFile(file), file, {});
    if (!record.ok()) continue;  // scans, garbled PDFs: refused, no record
    ++tried;
    auto notice = noticeFromJson(record.value());
    ASSERT_TRUE(notice.ok()) << file << ": " << notice.error().message;
    embedded += notice.value().embedded.size();
    json back = toJson(notice.value());
    EXPECT_EQ(back, record.value()) << file << "\n" << json::diff(record.value(), back).dump(1);
  }
  EXPECT_GE(tried, 60u);  // the samples and the real set the engine reads (70 today)
  EXPECT_GE(embedded, 1u); // embedded records are read as records too
}

TEST(NoticeRecord, KnowsEveryKeyTheSchemaRequires) {
  json schema = json::parse(readFile(sourcePath("schema/notice-1.schema.json")));
  std::vector<std::string> required = schema["$defs"]["record"]["required"];
  EXPECT_EQ(required, noticeKeys());
  json written = toJson(Notice{});
  for (const auto& key : required) EXPECT_TRUE(written.contains(key)) << key;
  EXPECT_EQ(written.size(), required.size());
}

json sample() {
  static json r = testing::engine().parseBytes(readFile(sourcePath("corpus/text/2026-shanxi-jjzc53.txt")),
                                              "2026-shanxi-jjzc53.txt", {}).value();
  return r;
}

std::string shapeError(const json& r) {
  auto n = noticeFromJson(r);
  return n.ok() ? "" : n.error().message;
}

TEST(NoticeRecord, NamesWhereARecordIsOutOfShape) {
  ASSERT_TRUE(noticeFromJson(sample()).ok());
  struct Case {
    std::string pointer;
    json value;
    std::string expected;
  };
  std::vector<Case> cases = {
      {"/themes", "not a list", "/themes: expected a list"},
      {"/themes/0/theme", 7, "/themes/0/theme: expected text"},
      {"/doc_number/year", "2026", "/doc_number/year: expected a whole number"},
      {"/year", 2026.5, "/year: expected a whole number"},
      {"/issuers/0", nullptr, "/issuers/0: expected text"},
      {"/printed", json::array(), "/printed: expected an object"},
      {"/source/ocr", "no", "/source/ocr: expected true or false"},
      {"/schema", "notice/2", "/schema: expected \"notice/1\""},
      {"/deadlines/0/colour", "red", "/deadlines/0/colour: a key notice/1 does not have here"},
      {"/sections/0/children", json::object(), "/sections/0/children: expected a list"},
  };
  for (const auto& c : cases) {
    json r = sample();
    r[json::json_pointer(c.pointer)] = c.value;
    EXPECT_NE(shapeError(r).find(c.expected), std::string::npos) << c.pointer << ": " << shapeError(r);
  }
  json missing = sample();
  missing.erase("deadlines");
  EXPECT_NE(shapeError(missing).find("/deadlines: missing"), std::string::npos) << shapeError(missing);
  EXPECT_NE(shapeError(json::array()).find("expected an object"), std::string::npos);
}

TEST(NoticeRecord, KeysTheSchemaLeavesOpenAreKept) {
  json r = sample();
  r["reviewed_by"] = "档案室";
  r["source"]["url"] = "https://example.org/n.html";
  auto n = noticeFromJson(r);
  ASSERT_TRUE(n.ok()) << n.error().message;
  EXPECT_EQ(toJson(n.value()), r);
}

TEST(NoticeRecord, TypedValues) {
  auto n = noticeFromJson(sample());
  ASSERT_TRUE(n.ok());
  const Notice& notice = n.value();
  ASSERT_TRUE(notice.doc_number);
  EXPECT_EQ(notice.doc_number->text, "晋教职成函〔2026〕53号");
  EXPECT_EQ(notice.doc_number->prefix, "晋教职成函");
  EXPECT_EQ(notice.doc_number->year, 2026);
  EXPECT_EQ(notice.doc_number->serial, 53);
  EXPECT_EQ(notice.year, 2026);
  EXPECT_EQ(notice.province, "山西省");
  EXPECT_EQ(notice.issue_date, "2026-05-09");
  EXPECT_FALSE(notice.deadlines.empty());
}

}  // namespace
}  // namespace notice
