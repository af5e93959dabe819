#include "extract/pdf_source.h"
#include "extract/text_source.h"
#include "normalize/normalizer.h"
#include "support/pdf_writer.h"
#include "test_support.h"

namespace notice {
namespace {

using testing::grammar;

struct RunCase { const char* raw; const char* clean; };

TEST(NormalizeRun, ConverterNoise) {
  const RunCase cases[] = {
      // Spaces a converter puts into wrapped CJK lines, and between CJK and digits.
      {"山西省2026年职业教育活动周和 全民终身学习活动周", "山西省2026年职业教育活动周和全民终身学习活动周"},
      {"2026 年", "2026年"},
      {"山西省 2021 年职业教育活动周", "山西省2021年职业教育活动周"},
      // A justified line spread out one character per word.
      {"闫 龙 春", "闫龙春"},
      // The space between the two phrases of a slogan stays.
      {"庆建党百年华诞 谱终身学习新篇", "庆建党百年华诞 谱终身学习新篇"},
      {"“人人持证 技能社会”氛围营造", "“人人持证 技能社会”氛围营造"},
      // Full-width digits and Latin letters fold; Chinese punctuation stays.
      {"〔２０１３〕６号", "〔2013〕6号"},
      {"３１２４７９２３３＠ｑｑ．ｃｏｍ", "312479233@qq.com"},
      {"主题：技能，让生活更美好。", "主题：技能，让生活更美好。"},
      // Latin words keep their spaces.
      {"VR (虚拟现实) and AR", "VR (虚拟现实) and AR"},
      {"H5 小程序、VR（虚拟现实）", "H5小程序、VR（虚拟现实）"},
      // Watermarks of trial converters, standing alone.
      {"填报单位: Trail Version", "填报单位:"},
      {"Demo", ""},
      {"Testing 不是水印", "Testing不是水印"},
  };
  for (const auto& c : cases) EXPECT_EQ(normalizeRun(c.raw, grammar()), c.clean) << c.raw;
}

TEST(NormalizeRun, RemovedSpacesAreSoftBreaks) {
  std::vector<size_t> breaks;
  std::string clean = normalizeRun("山西省教育厅 中共山西省委网信办 山西省工业和信息化厅", grammar(), &breaks);
  ASSERT_EQ(breaks.size(), 2u);
  EXPECT_EQ(clean.substr(0, breaks[0]), "山西省教育厅");
}

CleanDoc clean(const std::string& text) {
  auto pages = readTextExport(text, testing::grammar());
  EXPECT_TRUE(pages.ok());
  return normalize(pages.value(), grammar());
}

std::vector<std::string> lines(const CleanDoc& doc) {
  std::vector<std::string> out;
  for (const auto& l : doc.lines) out.push_back(l.text);
  return out;
}

TEST(Normalize, APageNumberLeftInATextExportIsAPageBreak) {
  // "- 2 -" between two halves of a sentence (in markdown a bullet would take its dash): page
  // furniture, and the sentence is joined over it; a watermark word stands on the page too.
  auto pages = readTextExport("# 标题\n\n各地要围绕活动主题精心组织，在5月8日前将宣传方案报送省教育厅\n\nDemo\n\n- 2 -\n\n职成处，活动结束后报送总结。\n",
                              testing::grammar());
  ASSERT_TRUE(pages.ok());
  ASSERT_EQ(pages.value().pages.size(), 2u);
  EXPECT_EQ(pages.value().pages[0].furniture, std::vector<std::string>{"- 2 -"});
  auto doc = normalize(pages.value(), grammar());
  EXPECT_EQ(lines(doc),
            (std::vector<std::string>{"标题", "各地要围绕活动主题精心组织，在5月8日前将宣传方案报送省教育厅职成处，活动结束后报送总结。"}));
  // "第3页 共5页" too; a number alone is no page number in a text export (it may be a cell).
  auto other = readTextExport("甲\n第3页 共5页\n乙\n2\n", testing::grammar());
  ASSERT_TRUE(other.ok());
  EXPECT_EQ(other.value().pages.size(), 2u);
  EXPECT_EQ(other.value().pages[1].lines.size(), 2u);
}

TEST(Normalize, JoinsASentenceSplitByAPageBreak) {
  auto doc = clean(
      "（三）大力实施职业技能提升培训。充分用好公共实训基地、虚拟仿真示范\n\n实训基地、高技能人才培训基地等载体。\n");
  EXPECT_EQ(lines(doc), (std::vector<std::string>{
                            "（三）大力实施职业技能提升培训。充分用好公共实训基地、虚拟仿真示范实训基地、高技能人才培训基地等载体。"}));
}

TEST(Normalize, JoinsAcrossAWatermarkLine) {
  auto doc = clean("全民终身学习活动周专题网站集中宣传展示广大群众坚持参加教育培训和学习的感\n\nTest\n\n人事迹。\n");
  EXPECT_EQ(lines(doc), (std::vector<std::string>{"全民终身学习活动周专题网站集中宣传展示广大群众坚持参加教育培训和学习的感人事迹。"}));
}

TEST(Normalize, KeepsHeadingsTitlesAndSignaturesApart) {
  auto doc = clean(
      "山西省教育厅等十一部门关于举办山西省2026年职业教育活动周的通知\n\n各市教育局：\n\n一、主题\n\n职业教育活动周\n\n"
      "附件:2026年全民终身学习活动开展情况汇总表\n\n山西省教育厅 中共山西省委网信办 山西省工业和信息化厅\n\n"
      "山西省民政厅 山西省人力资源和社会保障厅 山西省农业农村厅\n");
  EXPECT_EQ(doc.lines.size(), 7u) << ::testing::PrintToString(lines(doc));
}

TEST(Normalize, JoinsAWrappedLineWithinAParagraph) {
  auto doc = clean("附件：1.2026年安徽省职业教育活动周暨全民终身学习  \n活动周启动仪式工作方案\n\n安徽省教育厅  \n中共安徽省委网信办\n");
  EXPECT_EQ(lines(doc), (std::vector<std::string>{"附件：1.2026年安徽省职业教育活动周暨全民终身学习活动周启动仪式工作方案",
                                                  "安徽省教育厅", "中共安徽省委网信办"}));
}

TEST(TextSource, MarkdownMarksAndTablesAreRemoved) {
  auto pages = readTextExport(
      "# 山西省教育厅\n\n#### **4. 线上线下互动**\n\n- 1.职业教育活动周\n\n---\n\n| 活动主题 | 终身学习 |\n|---|---|\n| 活动内容 |  |\n\n"
      "邮箱：[a@b.cn](mailto:a@b.cn)\n", testing::grammar());
  ASSERT_TRUE(pages.ok());
  const auto& l = pages.value().pages[0].lines;
  ASSERT_EQ(l.size(), 6u);
  EXPECT_EQ(l[0].pieces[0].text, "山西省教育厅");
  EXPECT_EQ(l[0].markup_heading, 1);
  EXPECT_EQ(l[1].pieces[0].text, "4. 线上线下互动");
  EXPECT_EQ(l[2].pieces[0].text, "1.职业教育活动周");
  EXPECT_TRUE(l[3].table_row);
  ASSERT_EQ(l[4].pieces.size(), 2u);
  EXPECT_EQ(l[4].pieces[1].text, "");  // an empty cell keeps its column
  EXPECT_EQ(l[5].pieces[0].text, "邮箱：a@b.cn");
}

TEST(TextSource, MarkdownEscapesAreTheMarksThemselves) {
  // pandoc escapes a numeral's full stop so that it is not read as a list: "1\\. 各地…".
  auto pages = readTextExport("**标题**\n\n1\\. 各地于5月30日前报送总结。\n\n2\\. 联系人：陈明\\*\n", testing::grammar());
  ASSERT_TRUE(pages.ok());
  const auto& l = pages.value().pages[0].lines;
  ASSERT_EQ(l.size(), 3u);
  EXPECT_EQ(l[1].pieces[0].text, "1. 各地于5月30日前报送总结。");
  EXPECT_EQ(l[2].pieces[0].text, "2. 联系人：陈明*");
}

TEST(TextSource, BadInput) {
  auto empty = readTextExport("  \n\n \t\n", testing::grammar());
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().code, ErrorCode::kEmptyInput);
  std::string garbage("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff\xfe", 18);
  auto binary = readTextExport(garbage, testing::grammar());
  ASSERT_FALSE(binary.ok());
  EXPECT_EQ(binary.error().code, ErrorCode::kNotText);
  // UTF-8 with a byte damaged is not read as GB18030 (which would give mojibake): the damage
  // shows as U+FFFD and the record warns of it.
  std::string damaged = "山西省教育厅关于举办职业教育活动周的通知\n";
  damaged[4] = '\x20';
  auto cut = readTextExport(damaged, testing::grammar());
  ASSERT_TRUE(cut.ok());
  EXPECT_EQ(cut.value().encoding, "UTF-8");
  EXPECT_EQ(cut.value().damaged_bytes, 2u);
  EXPECT_EQ(cut.value().pages[0].lines[0].pieces[0].text.rfind("山\xEF\xBF\xBD \xEF\xBF\xBD省教育厅", 0), 0u);
  auto record = testing::engine().parseBytes(damaged, "cut.txt", {});
  ASSERT_TRUE(record.ok());
  bool warned = false;
  for (const auto& w : record.value()["warnings"]) warned = warned || w["code"] == "damaged_text";
  EXPECT_TRUE(warned);
  // Latin-1 text is neither UTF-8 nor Chinese.
  auto latin1 = readTextExport("Caf\xe9 cr\xe8me br\xfbl\xe9" "e\n", testing::grammar());
  ASSERT_FALSE(latin1.ok());
  EXPECT_EQ(latin1.error().code, ErrorCode::kNotText);
}

// The clean lines of a PDF made of `pages`.
std::vector<std::string> cleanLinesOfPdf(const std::vector<testing::PdfPage>& pages) {
  auto doc = readPdf(testing::makePdf(pages), {}, grammar());
  EXPECT_TRUE(doc.ok());
  std::vector<std::string> out;
  if (!doc.ok()) return out;
  for (const auto& line : normalize(doc.value(), grammar()).lines) out.push_back(line.text);
  return out;
}

TEST(JoinLines, ASentenceWrappedOnALaterPageIsOneParagraph) {
  // Page 2 is read without font names; its glyph runs are 1 em high (as WPS's FangSong is),
  // and its lines one pitch apart: a paragraph over four lines is one, though a line ends on a
  // clause's ；, since the line under it starts flush left.
  testing::PdfPage p1 = testing::bodyPage({"山西省教育厅关于举办职业教育活动周的通知"});
  testing::PdfPage p2 = testing::bodyPage({"", "各市教育局要认真组织开展活动周各项活动，广泛宣传职业",
                                           "教育的重要作用，营造全社会关心支持职业教育发展的氛围；",
                                           "各院校要开放校园，组织师生走进社区开展技能服务，并及时",
                                           "报送活动开展情况。"});
  p2.items.erase(p2.items.begin());
  p2.items[0].x = 111.5;
  auto lines = cleanLinesOfPdf({p1, p2});
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1], "各市教育局要认真组织开展活动周各项活动，广泛宣传职业教育的重要作用，"
                      "营造全社会关心支持职业教育发展的氛围；各院校要开放校园，组织师生走进社区开展技能服务，"
                      "并及时报送活动开展情况。");
}

TEST(JoinLines, ALeadInSetApartByAGapWrapsOntoTheNextLine) {
  // "第一条   新出让的…": the gap after the lead-in makes two pieces, but the second fills the
  // column and wraps onto the next line, flush left: one paragraph. A signature row of two
  // bodies (pieces of like width) joins nothing.
  testing::PdfPage page;
  page.items = {{111.5, 100, 16, "第一条"},
                {181.5, 100, 16, "新出让的商住经营性用地，按不低于起始价的"},
                {79.5, 128.9, 16, "百分之二十确定竞买保证金，出让合同签订后一个月内缴纳土地"},
                {79.5, 157.8, 16, "出让价款。"},
                {111.5, 240, 16, "山西省教育厅"},
                {371.5, 240, 16, "山西省财政厅"},
                {79.5, 268.9, 16, "二〇二六年三月一日"}};
  auto lines = cleanLinesOfPdf({page});
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "第一条 新出让的商住经营性用地，按不低于起始价的百分之二十确定竞买保证金，"
                      "出让合同签订后一个月内缴纳土地出让价款。");
  EXPECT_EQ(lines[1], "山西省教育厅 山西省财政厅");
}

TEST(JoinLines, ADocumentsNameIsNeverBrokenOverParagraphs) {
  // The source broke a paragraph inside 《…》 (the next line is indented as a new paragraph):
  // the name and its sentence are one paragraph still. A paragraph that closes its 《》 does not
  // draw the next one in.
  testing::PdfPage page = testing::bodyPage({"活动周期间宣传投稿按《山西省教育",
                                             "厅关于征集职业教育活动周暨终身学习活动周有关材料的通",
                                             "知》要求进行。",
                                             "请按《汇总表》填报。",
                                             "各市要认真组织。"});
  page.items[0].x = page.items[1].x = page.items[3].x = page.items[4].x = 111.5;
  auto lines = cleanLinesOfPdf({page});
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "活动周期间宣传投稿按《山西省教育厅关于征集职业教育活动周暨终身学习活动周有关材料的通知》要求进行。");
}

TEST(TextSource, GbkTextIsDecoded) {
  auto gbk = readTextExport("\xc9\xbd\xce\xf7\xca\xa1\xbd\xcc\xd3\xfd\xcc\xfc\n", testing::grammar());  // 山西省教育厅
  ASSERT_TRUE(gbk.ok());
  EXPECT_EQ(gbk.value().encoding, "GB18030");
  EXPECT_EQ(gbk.value().pages[0].lines[0].pieces[0].text, "山西省教育厅");
  // A sample saved in GB18030 gives the record of the UTF-8 one.
  auto fromGb = testing::engine().parseFile(testing::sourcePath("tests/data/2026-shanxi-jjzc53-gb18030.txt"), {});
  auto fromUtf8 = testing::engine().parseFile(testing::sourcePath("corpus/text/2026-shanxi-jjzc53.txt"), {});
  ASSERT_TRUE(fromGb.ok() && fromUtf8.ok());
  EXPECT_EQ(fromGb.value()["source"]["encoding"], "GB18030");
  for (const auto& [key, value] : fromUtf8.value().items()) {
    if (key != "source") {
      EXPECT_EQ(fromGb.value()[key], value) << key;
    }
  }
}

}  // namespace
}  // namespace notice
