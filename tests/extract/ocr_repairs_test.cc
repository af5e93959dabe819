// OCR's confusions repaired by grammars/ocr_repairs.tsv, each rule on what Tesseract read; and
// the lines built from OCR's words (extract/ocr_lines).
#include <map>
#include <utility>

#include "core/utf8.h"
#include "extract/ocr_lines.h"
#include "extract/ocr_repairs.h"
#include "test_support.h"

namespace notice {
namespace {

LinePiece pieceOf(const std::string& text) {
  LinePiece p{text, Box{0, 0, 10, 10}, {}};
  for (size_t i = 0; i < utf8::codepointCount(text); ++i) p.char_boxes.push_back(Box{10.0 * i, 0, 10.0 * i + 9, 10});
  return p;
}

std::string repaired(const std::string& text) {
  LinePiece p = pieceOf(text);
  repairOcr(p, testing::grammar());
  EXPECT_EQ(p.char_boxes.size(), utf8::codepointCount(p.text)) << "one box per code point after " << text;
  return p.text;
}

// Each rule: what Tesseract read → the repair; and a text the rule must leave alone.
const std::map<std::string, std::vector<std::pair<std::string, std::string>>> kExamples = {
    {"doc_number_brackets",
     {{"晋教职成函【2026] 53 号", "晋教职成函〔2026〕53号"},
      {"京政办发C2025]12号", "京政办发〔2025〕12号"},
      {"国办发(2024〕49 号),巩固", "国办发〔2024〕49号),巩固"},
      {"2026年第 3 号", "2026年第 3 号"}}},
    {"doc_number_letter",
     {{"晋教职成图〔2026〕53号", "晋教职成函〔2026〕53号"},
      {"晋教职成男【2026] 53号", "晋教职成函〔2026〕53号"},
      {"见附图〔略〕", "见附图〔略〕"}}},
    {"page_number_dashes", {{"一1一", "－1－"}, {"— 12 —", "－12－"}, {"一1", "一1"}}},
    {"date_day",
     {{"2024年7月 25 晶", "2024年7月 25 日"}, {"2019 年11月29曰", "2019 年11月29日"}, {"7月25晶体", "7月25晶体"}}},
    {"title_book_open",
     {{"关于印发4关于进一步优化营商环境", "关于印发《关于进一步优化营商环境"}, {"印发给你们", "印发给你们"}}},
    {"title_book_close", {{"高质量发展的若干措施;的通知", "高质量发展的若干措施》的通知"}, {"措施；的", "措施；的"}}},
    {"list_comma",
     {{"各区人力资源和社会保障局.北京经济技术开发区", "各区人力资源和社会保障局、北京经济技术开发区"},
      {"www.gov.cn", "www.gov.cn"}}},
    {"list_comma_doubled", {{"互助性、.普惠性", "互助性、普惠性"}}},
    {"date_range_dash",
     {{"2026年5月11日一17日", "2026年5月11日—17日"}, {"5月11日 一 17 日", "5月11日—17 日"}, {"11日一名同志", "11日一名同志"}}},
    {"stray_closing_quote",
     {{"”山西省国资委", "山西省国资委"}, {"事务厅 ”山西省总工会", "事务厅 山西省总工会"}, {"“一技在手”的理念", "“一技在手”的理念"}}},
    {"paren_read_as_angle", {{"民政局〈老龄办)、人力", "民政局（老龄办）、人力"}, {"〈中国教育报〉", "〈中国教育报〉"}}},
};

TEST(OcrRepairs, EachRuleRepairsItsFormAndLeavesOtherTextAlone) {
  for (const auto& [rule, examples] : kExamples) {
    for (const auto& [read, expected] : examples) EXPECT_EQ(repaired(read), expected) << rule << ": " << read;
  }
}

TEST(OcrRepairs, EveryRuleOfTheGrammarHasExamplesHere) {
  const auto& rows = testing::grammar().table("ocr_repairs");
  ASSERT_FALSE(rows.empty());
  for (const auto& row : rows) EXPECT_TRUE(kExamples.count(row[0])) << row[0] << " has no examples in " << __FILE__;
}

TEST(OcrRepairs, ABoxPerCodePointFollowsTheRepair) {
  LinePiece p = pieceOf("文号C2025]12 号");
  repairOcr(p, testing::grammar());
  ASSERT_EQ(p.text, "文号〔2025〕12号");
  ASSERT_EQ(p.char_boxes.size(), 11u);
  EXPECT_EQ(p.char_boxes[0].x0, 0);   // 文 unmoved
  EXPECT_EQ(p.char_boxes[2].x0, 20);  // 〔 where C was
}

ocr::Word word(const std::string& text, double x0, double em = 16) {
  ocr::Word w{text, Box{x0, 100, x0, 100 + 0.9 * em}, {}, 90};
  double x = x0;
  for (char32_t c : utf8::decode(text)) {
    double width = utf8::isHan(c) ? 0.9 * em : 0.5 * em;
    w.chars.push_back(Box{x, 100, x + width, 100 + 0.9 * em});
    x += utf8::isHan(c) ? em : 0.55 * em;
  }
  w.box.x1 = x - (utf8::isHan(utf8::last(text)) ? 0.1 * em : 0.05 * em);
  return w;
}

TEST(OcrLines, NoSpaceBetweenHanWhereTesseractBrokeWordsAndLinesAcrossBlocksJoin) {
  ocr::PageResult page;
  // One visual line that Tesseract gave as two lines of two blocks, and a gap of 4 ems.
  page.lines.push_back(ocr::Line{{word("以", 100), word("上政策", 116)}, Box{100, 100, 162, 114.4}, 90});
  page.lines.push_back(ocr::Line{{word("OCR", 166), word("Tesseract", 196), word("附件", 300)}, Box{166, 101, 332, 115}, 90});
  page.lines.push_back(ocr::Line{{word("一1一", 280)}, Box{280, 800, 300, 810}, 90});
  auto lines = linesFromOcr(page, testing::grammar());
  ASSERT_EQ(lines.size(), 2u);
  ASSERT_EQ(lines[0].pieces.size(), 2u);
  EXPECT_EQ(lines[0].pieces[0].text, "以上政策OCR Tesseract");
  EXPECT_EQ(lines[0].pieces[1].text, "附件");
  EXPECT_NEAR(lines[0].font_size, 16, 0.5);
  EXPECT_EQ(lines[1].pieces[0].text, "－1－");
  for (const auto& l : lines) {
    for (const auto& p : l.pieces) EXPECT_EQ(p.char_boxes.size(), utf8::codepointCount(p.text)) << p.text;
  }
}

TEST(OcrLines, TheBlankAfterAFullWidthMarkIsNoGapBetweenCells) {
  ocr::PageResult page;
  // "联系人：" then, 1.3 ems after the colon's ink, the name: one run of text in a justified line.
  // Without a mark before it, the same gap parts two cells.
  ocr::Word label = word("联系人：", 100);
  label.box.x1 = label.chars.back().x0 + 0.45 * 16;
  page.lines.push_back(ocr::Line{{label, word("白老师", label.box.x1 + 1.3 * 16)}, Box{100, 100, 220, 114.4}, 90});
  ocr::Word org = word("山西省教育厅", 100, 16);
  page.lines.push_back(ocr::Line{{org, word("山西省民政厅", org.box.x1 + 1.3 * 16)}, Box{100, 200, 320, 214.4}, 90});
  for (auto& w : page.lines[1].words) {
    w.box.y0 += 100, w.box.y1 += 100;
    for (auto& c : w.chars) c.y0 += 100, c.y1 += 100;
  }
  auto lines = linesFromOcr(page, testing::grammar());
  ASSERT_EQ(lines.size(), 2u);
  ASSERT_EQ(lines[0].pieces.size(), 1u);
  EXPECT_EQ(lines[0].pieces[0].text, "联系人：白老师");
  EXPECT_EQ(lines[1].pieces.size(), 2u);
}

TEST(OcrLines, ARuleReadAsDashesIsDropped) {
  ocr::PageResult page;
  page.lines.push_back(ocr::Line{{word("一一一", 100)}, Box{100, 100, 148, 114}, 60});
  EXPECT_TRUE(linesFromOcr(page, testing::grammar()).empty());
}

}  // namespace
}  // namespace notice
