// The Word notice written for the tests (tests/data/docx/make_docx.py) against its hand label,
// field by field, scored as tools/score.py scores (tests/support/score.h).
#include "support/score.h"
#include "test_support.h"

namespace notice {
namespace {

using nlohmann::json;
using testing::readFile;
using testing::sourcePath;

TEST(DocxNotice, ReadsToItsLabelFieldByField) {
  auto record = testing::engine().parseFile(sourcePath("tests/data/docx/zhejiang-2026-training.docx"), {});
  ASSERT_TRUE(record.ok()) << record.error().message;
  json label = json::parse(readFile(sourcePath("tests/data/docx/zhejiang-2026-training.json")));
  auto rows = score::scoreRecord(label, record.value());
  ASSERT_GE(rows.size(), 18u);  // every scalar and list the label carries
  for (const auto& row : rows) {
    EXPECT_EQ(row.score, 1.0) << row.field << "\n  label:  " << row.truth.dump() << "\n  record: " << row.got.dump();
  }
  EXPECT_EQ(record.value()["source"]["format"], "docx");
  EXPECT_TRUE(record.value()["source"]["pages"].is_null());
  // The attachment's form, a Word table, is the record's table (the scorer does not score tables).
  ASSERT_EQ(record.value()["tables"].size(), 1u);
  EXPECT_EQ(record.value()["tables"][0]["header"], json({"序号", "学校名称", "姓名", "职务", "联系电话"}));
}

}  // namespace
}  // namespace notice
