// The scale bench's notices: variants of the corpus that are other notices (number, year,
// province, people), each different bytes, and whose PDFs read back as their text does.
#include <random>
#include <set>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.h"
#include "typeset.h"
#include "vary.h"

namespace notice::scale {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string corpusText(const std::string& relative) { return testing::readFile(testing::sourcePath(relative)); }

nlohmann::json parse(const std::string& bytes, const std::string& name) {
  auto r = testing::engine().parseBytes(bytes, name, {});
  EXPECT_TRUE(r.ok()) << name;
  return r.ok() ? r.value() : nlohmann::json::object();
}

TEST(ScaleVariants, ANumberedNoticeTakesTheVariantsNumberYearAndProvince) {
  std::mt19937_64 rng(1);
  std::string text = vary(corpusText("corpus/text/2026-shanxi-jjzc53.txt"), {2015, 321, "江苏"}, rng);
  EXPECT_THAT(text, HasSubstr("苏教职成函〔2015〕321号"));
  EXPECT_THAT(text, HasSubstr("江苏省教育厅"));
  EXPECT_THAT(text, Not(HasSubstr("山西")));
  EXPECT_THAT(text, Not(HasSubstr("2026")));
  auto record = parse(text, "variant.txt");
  EXPECT_EQ(record["doc_number"]["text"], "苏教职成函〔2015〕321号");
  EXPECT_EQ(record["issue_date"].get<std::string>().substr(0, 4), "2015");
}

TEST(ScaleVariants, ContactsGetOtherNamesAndNumbers) {
  std::mt19937_64 rng(7);
  std::string text = vary(corpusText("corpus/text/2021-shanxi-jjzc65.txt"), {2012, 4, "河南"}, rng);
  // 联系人及联系方式：贾琪华 柴鹏 0351-3046534
  EXPECT_THAT(text, Not(HasSubstr("贾琪华")));
  EXPECT_THAT(text, Not(HasSubstr("3046534")));
  EXPECT_THAT(text, HasSubstr("0351-"));
  EXPECT_THAT(text, HasSubstr("电话："));  // a label is no name
}

TEST(ScaleVariants, AWebCopyWithoutANumberGetsAnIndexNumber) {
  std::mt19937_64 rng(3);
  std::string text = vary(corpusText("corpus/real/web/p25_mulei-2008-zaolin-dahui.txt"), {2019, 12, "湖北"}, rng);
  EXPECT_THAT(text, HasSubstr("索引号：A12-2019-000012"));
}

TEST(ScaleVariants, EveryTemplatesVariantsAreDifferentBytes) {
  // Variants of one year and province, told apart by their serial only (and what the
  // generator draws): all different from each other and from the templates.
  std::set<std::string> seen;
  size_t files = 0;
  for (const char* folder : {"corpus/text", "corpus/real/web"}) {
    for (const auto& entry : std::filesystem::directory_iterator(testing::sourcePath(folder))) {
      std::string original = testing::readFile(entry.path().string());
      seen.insert(original);
      for (int serial = 1; serial <= 3; ++serial) {
        std::mt19937_64 rng(static_cast<uint64_t>(serial));
        seen.insert(vary(original, {2010, serial, "四川"}, rng));
      }
      files += 4;
    }
  }
  EXPECT_EQ(files, 100u);
  EXPECT_EQ(seen.size(), files);
}

// The typeset PDF reads back as its text: the same 发文字号, title and 成文日期.
TEST(ScaleTypeset, APdfReadsAsItsText) {
  for (const char* name : {"2021-shanxi-jjzc30", "2021-shanxi-jjzc65", "2024-shanxi-jjzc30", "2026-anhui-wjmzc23",
                           "2026-shanxi-jjzc53"}) {
    std::mt19937_64 rng(11);
    std::string text = vary(corpusText(std::string("corpus/text/") + name + ".txt"), {2017, 88, "云南"}, rng);
    auto fromText = parse(text, "variant.txt");
    auto fromPdf = parse(typesetPdf(text), "variant.pdf");
    EXPECT_EQ(fromPdf["source"]["format"], "pdf") << name;
    EXPECT_EQ(fromPdf["doc_number"], fromText["doc_number"]) << name;
    EXPECT_EQ(fromPdf["title"], fromText["title"]) << name;
    EXPECT_EQ(fromPdf["issue_date"], fromText["issue_date"]) << name;
    EXPECT_THAT(fromPdf["doc_number"]["text"].get<std::string>(), HasSubstr("〔2017〕88号")) << name;
  }
}

}  // namespace
}  // namespace notice::scale
