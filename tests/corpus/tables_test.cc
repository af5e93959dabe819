// The forms in the sample PDFs rebuilt from box positions against the same forms in the text
// exports, where the converter wrote them as rows of cells: an independent reading of the same
// tables. Cells are compared without the spaces a converter leaves where a cell's text wrapped,
// and rows without trailing empty cells (a PDF shows no column for a cell nobody drew).
#include "core/utf8.h"
#include "test_support.h"

namespace notice {
namespace {

using nlohmann::json;

std::vector<std::string> normalised(const json& row) {
  std::vector<std::string> out;
  for (const auto& cell : row) {
    std::string s;
    for (char c : cell.get<std::string>()) if (c != ' ') s += c;
    out.push_back(s);
  }
  while (!out.empty() && out.back().empty()) out.pop_back();
  return out;
}

class Tables : public ::testing::TestWithParam<std::string> {};

TEST_P(Tables, PdfFormsReadAsTheTextExportWritesThem) {
  auto fromText = testing::engine().parseFile(testing::sourcePath("corpus/text/" + GetParam() + ".txt"), {});
  auto fromPdf = testing::engine().parseFile(testing::sourcePath("corpus/pdf/" + GetParam() + ".pdf"), {});
  ASSERT_TRUE(fromText.ok() && fromPdf.ok());
  const json& want = fromText.value()["tables"];
  const json& got = fromPdf.value()["tables"];
  ASSERT_EQ(got.size(), want.size());
  for (size_t t = 0; t < want.size(); ++t) {
    EXPECT_EQ(got[t]["caption"], want[t]["caption"]) << "table " << t;
    EXPECT_EQ(normalised(got[t]["header"]), normalised(want[t]["header"])) << "table " << t;
    ASSERT_EQ(got[t]["rows"].size(), want[t]["rows"].size()) << "table " << t;
    for (size_t r = 0; r < want[t]["rows"].size(); ++r) {
      EXPECT_EQ(normalised(got[t]["rows"][r]), normalised(want[t]["rows"][r])) << "table " << t << " row " << r;
    }
  }
}

// Three of the samples carry forms (one running over three pages with its header repeated);
// the other two have none in either form.
INSTANTIATE_TEST_SUITE_P(Samples, Tables, ::testing::ValuesIn(testing::samples()), testing::sampleTestName);

TEST(Tables, SamplesHaveForms) {
  // Guard against the comparison above passing on two empty lists.
  size_t forms = 0;
  for (const char* name : {"2021-shanxi-jjzc65", "2024-shanxi-jjzc30", "2026-shanxi-jjzc53"}) {
    auto r = testing::engine().parseFile(testing::sourcePath(std::string("corpus/pdf/") + name + ".pdf"), {});
    ASSERT_TRUE(r.ok());
    forms += r.value()["tables"].size();
  }
  EXPECT_EQ(forms, 6u);
}

}  // namespace
}  // namespace notice
