#include <map>

#include "extract/text_source.h"
#include "core/utf8.h"
#include "segment/segmenter.h"
#include "support/pdf_writer.h"
#include "test_support.h"

namespace notice {
namespace {

using nlohmann::json;
using testing::grammar;
using testing::parseNotice;
using testing::parseText;

TEST(Headings, EveryStyleAndLevel) {
  json r = parseNotice(
      "一、总体要求\n\n（一）指导思想。以新时代思想为指导。\n\n1. 积极参与\n\n（1）组织学生\n\n2、创新开展\n\n(二) 基本原则\n\n"
      "二、主要任务\n\n三、组织保障");
  const json& s = r["sections"];
  ASSERT_EQ(s.size(), 3u) << s.dump();
  EXPECT_EQ(s[0]["number"], "一");
  EXPECT_EQ(s[0]["title"], "总体要求");
  EXPECT_EQ(s[0]["level"], 1);
  ASSERT_EQ(s[0]["children"].size(), 2u);
  EXPECT_EQ(s[0]["children"][0]["title"], "指导思想");  // up to the first 。
  EXPECT_EQ(s[0]["children"][0]["level"], 2);
  ASSERT_EQ(s[0]["children"][0]["children"].size(), 2u);
  EXPECT_EQ(s[0]["children"][0]["children"][0]["level"], 3);
  EXPECT_EQ(s[0]["children"][0]["children"][0]["children"][0]["number"], "1");
  EXPECT_EQ(s[0]["children"][0]["children"][0]["children"][0]["level"], 4);
  EXPECT_EQ(s[0]["children"][0]["children"][1]["number"], "2");
  EXPECT_EQ(s[0]["children"][1]["number"], "二");
  EXPECT_EQ(s[2]["title"], "组织保障");
}

TEST(Headings, RepeatedNumeralIsKeptAndWarned) {
  json r = parseNotice("一、主题和时间\n\n一、活动内容\n\n三、活动组织");
  ASSERT_EQ(r["sections"].size(), 3u);
  EXPECT_EQ(r["sections"][1]["number"], "一");
  bool warned = false;
  for (const auto& w : r["warnings"]) warned = warned || w["code"] == "section_numbering";
  EXPECT_TRUE(warned);
}

TEST(Embedded, AForwardedNoticeKeepsItsOwnValues) {
  std::string text =
      "山西省教育厅\n\n晋教职成函〔2021〕65号\n\n山西省教育厅关于转发活动周通知的通知\n\n各市教育局：\n\n"
      "请各市于2021年10月15日前报送方案。\n\n联系人：霍秀东，电话：0351-3193088\n\n（此件主动公开）\n\n抄送：驻厅纪检组\n\n"
      "教育部办公厅\n\n教职成厅函〔2021〕20号\n\n教育部办公厅关于举办2021年全民终身学习活动周的通知\n\n各省教育厅：\n\n"
      "各地于2021年9月10日前报送材料。\n\n联系人：范华，电话：010-66096253\n\n教育部办公厅\n\n2021年9月8日\n\n"
      "教育部办公厅\n\n2021年9月9日印发\n\n附件2\n\n统计表\n";
  auto parsed = testing::engine().parseBytes(text, "t.txt", {});
  ASSERT_TRUE(parsed.ok());
  const json& r = parsed.value();
  ASSERT_EQ(r["embedded"].size(), 1u);
  const json& e = r["embedded"][0];
  EXPECT_EQ(e["doc_number"]["text"], "教职成厅函〔2021〕20号");
  EXPECT_EQ(e["province"], "全国");
  EXPECT_EQ(e["issue_date"], "2021-09-08");
  EXPECT_EQ(e["printed"]["date"], "2021-09-09");
  ASSERT_EQ(e["deadlines"].size(), 1u);
  EXPECT_EQ(e["deadlines"][0]["date"], "2021-09-10");
  ASSERT_EQ(e["contacts"].size(), 1u);
  EXPECT_EQ(e["contacts"][0]["name"], "范华");
  // Nothing of it leaks into the outer record.
  EXPECT_TRUE(r["issue_date"].is_null());
  EXPECT_TRUE(r["printed"].is_null());
  ASSERT_EQ(r["deadlines"].size(), 1u);
  EXPECT_EQ(r["deadlines"][0]["date"], "2021-10-15");
  ASSERT_EQ(r["contacts"].size(), 1u);
  EXPECT_EQ(r["contacts"][0]["name"], "霍秀东");
  EXPECT_EQ(r["cc"], json({"驻厅纪检组"}));
  EXPECT_EQ(r["text"].get<std::string>().find("教职成厅函"), std::string::npos);
}

TEST(Masthead, JointMastheadWithTheWord文件AndANumberBesideASignatory) {
  std::string text =
      "山西省教育厅\n山西省财政厅    文件\n\n晋教财〔2026〕7号          签发人：张三\n\n"
      "山西省教育厅 山西省财政厅关于下达经费的通知\n\n各市教育局：\n\n正文。\n\n山西省教育厅    山西省财政厅\n\n2026年3月1日\n";
  auto parsed = testing::engine().parseBytes(text, "t.txt", {});
  ASSERT_TRUE(parsed.ok());
  const json& r = parsed.value();
  EXPECT_EQ(r["issuer_mark"], json({"山西省教育厅", "山西省财政厅"}));
  EXPECT_EQ(r["doc_number"]["text"], "晋教财〔2026〕7号");
  EXPECT_EQ(r["issuers"], json({"山西省教育厅", "山西省财政厅"}));
}

// A regulation or plan published on its own is no notice: its title is read, but it has no 文种,
// so no doc_type, and the record says what it is.
TEST(NotANotice, ARegulationTextIsSaidToBeOne) {
  json r = parseText("安庆市住房公积金贷款管理办法\n\n第一章 总则\n第一条 为规范住房公积金贷款管理，制定本办法。\n"
                     "第二条 本办法适用于本市行政区域。\n");
  EXPECT_EQ(r["title"], "安庆市住房公积金贷款管理办法");
  EXPECT_TRUE(r["doc_type"].is_null()) << r["doc_type"];
  bool warned = false;
  for (const auto& w : r["warnings"]) warned |= w["code"] == "not_a_notice";
  EXPECT_TRUE(warned) << r["warnings"].dump();
  // The notice that issues it is a notice.
  r = parseText("关于印发《安庆市住房公积金贷款管理办法》的通知\n各县（市、区）：\n现将办法印发给你们，请遵照执行。\n");
  EXPECT_EQ(r["doc_type"], "通知");
  for (const auto& w : r["warnings"]) EXPECT_NE(w["code"], "not_a_notice") << w.dump();
}

TEST(NotANotice, AnExplanationPublishedAloneIsSaidToBeOne) {
  json r = parseText("关于调整部分住房公积金贷款提取规定的解读\n\n一、关于调整最高贷款额度\n"
                     "今年截至8月底，我市新增公积金贷款10681笔。\n");
  EXPECT_EQ(r["title"], "关于调整部分住房公积金贷款提取规定的解读");
  EXPECT_TRUE(r["doc_type"].is_null()) << r["doc_type"];
  bool warned = false;
  for (const auto& w : r["warnings"]) warned |= w["code"] == "not_a_notice";
  EXPECT_TRUE(warned) << r["warnings"].dump();
}

TEST(BadInput, ADocNumberOnTheLastLineLeavesNoTitle) {
  // fuzz_html found the title read past the end of the lines when the 发文字号 came last.
  json r = parseText("山西省教育厅\n晋教职成函〔2026〕53号\n");
  EXPECT_EQ(r["doc_number"]["text"], "晋教职成函〔2026〕53号");
  EXPECT_TRUE(r["title"].is_null()) << r["title"];
}

TEST(BadInput, AHugeInputIsRefusedNotParsed) {
  // A text export far beyond any notice (16 MiB): an error saying so, before any stage runs.
  std::string line = "各市要认真做好职业教育活动周各项工作，确保活动取得实效。\n";
  std::string huge;
  while (huge.size() <= kMaxTextExportBytes) huge += line;
  auto r = testing::engine().parseBytes(huge, "huge.txt", {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kTooLarge);
  EXPECT_NE(r.error().message.find("too large"), std::string::npos);
}

TEST(IssuedDocument, ANoticeIssuingAPlanReadsThePlan) {
  // 关于印发《…实施方案》的通知: the notice's themes, period and headings are the plan's.
  const char* text =
      "河北省教育厅办公室\n\n冀教办职〔2025〕3号\n\n"
      "河北省教育厅办公室关于印发《2025年河北省职业教育活动周实施方案》的通知\n\n各市教育局：\n\n"
      "现将《2025年河北省职业教育活动周实施方案》印发给你们，请认真贯彻落实。\n\n"
      "附件：2025年河北省职业教育活动周实施方案\n\n河北省教育厅办公室\n\n2025年4月15日\n\n"
      "河北省教育厅办公室　　2025年4月16日印发\n\n附件\n\n2025年河北省职业教育活动周实施方案\n\n"
      "一、活动主题\n\n技能：让生活更美好\n\n二、活动时间\n\n2025年5月11日至17日\n\n"
      "三、工作要求\n\n请于5月30日前报送活动总结。\n";
  auto parsed = testing::engine().parseBytes(text, "hb.txt", {});
  ASSERT_TRUE(parsed.ok());
  const json& r = parsed.value();
  EXPECT_EQ(r["themes"], json::parse(R"([{"event":"职业教育活动周","theme":"技能：让生活更美好"}])"));
  EXPECT_EQ(r["event_periods"],
            json::parse(R"([{"event":"职业教育活动周","start":"2025-05-11","end":"2025-05-17"}])"));
  ASSERT_EQ(r["sections"].size(), 3u) << r["sections"].dump();
  EXPECT_EQ(r["sections"][2]["title"], "工作要求");
  ASSERT_EQ(r["deadlines"].size(), 1u);
  EXPECT_EQ(r["deadlines"][0]["date"], "2025-05-30");
  EXPECT_EQ(r["attachments"].size(), 1u);
  EXPECT_EQ(r["issue_date"], "2025-04-15");
}

TEST(Tables, AFormInThe正文HasNoSentenceForACaption) {
  json r = testing::parseNotice("请各市填写下表。\n\n序号\t市\t宣传报道数\n1\t济南\t\n\n2026年宣传情况统计表\n\n序号\t市\n1\t青岛\n");
  ASSERT_EQ(r["tables"].size(), 2u) << r["tables"].dump();
  EXPECT_TRUE(r["tables"][0]["caption"].is_null());
  EXPECT_EQ(r["tables"][0]["header"], json({"序号", "市", "宣传报道数"}));
  EXPECT_EQ(r["tables"][0]["rows"], json::parse(R"([["1","济南",""]])"));
  EXPECT_EQ(r["tables"][1]["caption"], "2026年宣传情况统计表");
}

TEST(NotANotice, ARecordWithWarningsAndNulls) {
  auto parsed = testing::engine().parseBytes("今天天气很好，我们去公园散步。\n晚上回家吃饭。\n", "t.txt", {});
  ASSERT_TRUE(parsed.ok());
  const json& r = parsed.value();
  EXPECT_TRUE(r["doc_number"].is_null());
  EXPECT_TRUE(r["title"].is_null());
  EXPECT_TRUE(r["issuers"].empty());
  bool warned = false;
  for (const auto& w : r["warnings"]) warned = warned || w["code"] == "not_a_notice";
  EXPECT_TRUE(warned) << r["warnings"].dump();
}

TEST(Provenance, CharsPointAtTheValueInText) {
  json r = parseNotice("一、时间\n\n2026年5月11日—17日");
  std::u32string text = utf8::decode(r["text"].get<std::string>());
  const std::map<std::string, std::string> expected{{"/doc_number", "晋教职成函〔2026〕1号"},
                                                    {"/title", "山西省教育厅关于举办2026年职业教育活动周的通知"},
                                                    {"/issue_date", "2026年5月9日"},
                                                    {"/event_periods/0", "2026年5月11日—17日"}};
  for (const auto& [pointer, value] : expected) {
    ASSERT_TRUE(r["provenance"].contains(pointer)) << pointer;
    auto chars = r["provenance"][pointer]["chars"];
    std::string span = utf8::encode(text.substr(chars[0].get<size_t>(), chars[1].get<size_t>() - chars[0].get<size_t>()));
    EXPECT_EQ(span, value) << pointer;
    EXPECT_TRUE(r["provenance"][pointer]["bbox"].is_null());
  }
}

TEST(Title, AboveANumberInBracketsAsGazettesAndWebCopiesPrintIt) {
  for (const char* number : {"(琼教〔2010〕62号)", "国办函〔2022〕33号", "（琼教〔2010〕62号）"}) {
    json r = parseText(std::string("海南省教育厅关于召开庆祝2010年教师节暨表彰大会的紧急通知\n") + number +
                       "\n各市、县教育局：\n现将有关事项通知如下。\n海南省教育厅\n2010年9月1日\n");
    EXPECT_EQ(r["title"], "海南省教育厅关于召开庆祝2010年教师节暨表彰大会的紧急通知") << number;
    ASSERT_FALSE(r["doc_number"].is_null()) << number;
    EXPECT_EQ(r["recipients"][0], "各市") << number;
    EXPECT_EQ(r["issuers"], json::array({"海南省教育厅"})) << number;
  }
}

TEST(Title, WrappedOverLinesInAPlainTextExport) {
  // A web copy saved as text: the title's lines, a paragraph each, with no alignment to show them.
  const std::string rest = "\n\n各乡镇人民政府，市政府有关部门：\n\n现将《实施细则》印发给你们，请认真贯彻实施。\n\n"
                           "凌海市人民政府办公室\n\n2020年9月28日\n";
  json r = parseText("凌海市人民政府办公室关于印发凌海市推进\n\n县域义务教育优质均衡发展督导评估\n\n规划实施细则的通知" + rest);
  EXPECT_EQ(r["title"], "凌海市人民政府办公室关于印发凌海市推进县域义务教育优质均衡发展督导评估规划实施细则的通知");
  EXPECT_EQ(r["recipients"], json::array({"各乡镇人民政府", "市政府有关部门"}));
  // A site's line with a colon, and a masthead (…文件), above the title are not of it.
  r = parseText("发布日期：2020-09-29\n\n凌海市人民政府办公室文件\n\n关于印发实施细则的通知" + rest);
  EXPECT_EQ(r["title"], "关于印发实施细则的通知");
  // Nor are a date or a heading above a line that ends like one (an issued document's title).
  r = parseText("各乡镇人民政府：\n\n现将《实施细则》印发给你们。\n\n凌海市人民政府办公室\n\n2020年9月28日\n\n"
                "凌海市推进县域义务教育优质均衡发展实施细则\n\n一、总体要求\n\n（一）制定工作方案\n");
  EXPECT_NE(r["title"].get<std::string>().rfind("2020年9月28日", 0), 0u) << r["title"];
}

TEST(Title, ItsNumberInBracketsAtTheEndOfItsLineIsTheDocNumber) {
  // As a site heads the page: "…的通知(岳办发〔2017〕2号)".
  json r = parseText("中共岳阳市委办公室岳阳市人民政府办公室印发《关于全面推进政务公开工作的实施意见》的通知(岳办发〔2017〕2号)\n\n"
                     "各县市区委、人民政府，市直各单位：\n\n《实施意见》已经同意，现印发给你们，请认真贯彻执行。\n\n"
                     "中共岳阳市委办公室\n\n岳阳市人民政府办公室\n\n2017年1月10日\n");
  EXPECT_EQ(r["title"], "中共岳阳市委办公室岳阳市人民政府办公室印发《关于全面推进政务公开工作的实施意见》的通知");
  EXPECT_EQ(r["doc_number"]["text"], "岳办发〔2017〕2号");
  EXPECT_EQ(r["recipients"], json::array({"各县市区委", "人民政府", "市直各单位"}));
  // Its place in the text (in characters) is the title's, without the number.
  const auto chars = r["provenance"]["/title"]["chars"];
  const std::u32string text = utf8::decode(r["text"].get<std::string>());
  EXPECT_EQ(text.substr(chars[0].get<size_t>(), chars[1].get<size_t>() - chars[0].get<size_t>()),
            utf8::decode(r["title"].get<std::string>()));
  // A number cited in brackets inside a title is not the notice's.
  r = parseText("关于转发《国务院办公厅关于加强安全生产的通知》(国办发〔2020〕1号)的通知\n\n各县区人民政府：\n\n请认真贯彻执行。\n");
  EXPECT_TRUE(r["doc_number"].is_null()) << r["doc_number"];
  EXPECT_EQ(r["title"], "关于转发《国务院办公厅关于加强安全生产的通知》(国办发〔2020〕1号)的通知");
}

TEST(Title, AMastheadAndItsNumberPastedOnOneLine) {
  json r = parseText("江苏省教育厅办公室文件 苏教办职[2011]3号\n关于参加研究班的通知\n各市教育局:\n请于5月25日前报送。\n");
  EXPECT_EQ(r["doc_number"]["text"], "苏教办职〔2011〕3号");
  EXPECT_EQ(r["issuer_mark"], json::array({"江苏省教育厅办公室"}));
  EXPECT_EQ(r["title"], "关于参加研究班的通知");
}

TEST(Recipients, ASentenceEndingInAColonIsNoRecipientList) {
  json r = parseText("道路临时交通管制公告\n12月6日上午,比武竞赛将在荆门市举行,有关事项如下:\n一、管制时间:2017年12月6日8:30—10:30。\n"
                     "荆门市公安局交通警察支队\n二〇一七年十二月五日\n");
  EXPECT_EQ(r["recipients"], json::array());
  EXPECT_EQ(r["issuers"], json::array({"荆门市公安局交通警察支队"}));
  r = parseText("关于2024年州庆放假的通知\n根据《自治条例》规定,现将2024年州庆放假安排通知如下:\n放假时间为9月2日至9月4日。\n");
  EXPECT_EQ(r["recipients"], json::array());
}

TEST(Recipients, ABodyWhoseNameStartsLikeASentenceIsStillOne) {
  // 经济技术开发区 starts with 经, as 经研究 does.
  json r = parseText("关于做好防汛工作的通知\n经济技术开发区管委会，各县区人民政府：\n经研究，现将有关事项通知如下：\n");
  EXPECT_EQ(r["recipients"], json::array({"经济技术开发区管委会", "各县区人民政府"}));
}

TEST(Recipients, APublicNoticeHasNone) {
  json r = parseText("关于2024年州庆放假的通告\n全体市民:\n现将放假安排通告如下。\n");
  EXPECT_EQ(r["recipients"], json::array());
}

TEST(Recipients, APublicNoticeAddressedToBodiesHasThem) {
  json r = parseText("关于举办春季房展会的通告\n市区各开发企业、有关单位：\n为促进房地产市场平稳健康发展，现将有关事项通告如下：\n");
  EXPECT_EQ(r["recipients"], json::array({"市区各开发企业", "有关单位"}));
}

TEST(DocNumber, FromTheSitesMetadataBlockWhenTheNoticePrintsNone) {
  json r = parseText("关于对2010年度竞赛活动进行表彰的决定\n市政府决定对先进单位进行表彰。\n二○一一年二月二十三日\n"
                     "索  引  号 文       号 发布机构 发布日期\nN001-2011-000627 宛政〔2011〕7号\n南阳市人民政府办公室 2011-03-04\n");
  EXPECT_EQ(r["doc_number"]["text"], "宛政〔2011〕7号");
  r = parseText("关于表彰的决定\n市政府决定进行表彰。\n2011年2月23日\n发文字号：宛政〔2011〕7号\n");
  EXPECT_EQ(r["doc_number"]["text"], "宛政〔2011〕7号");
  // A number the body cites is no metadata.
  r = parseText("关于表彰的决定\n根据《实施方案》(宛政〔2010〕3号)，市政府决定进行表彰。\n2011年2月23日\n");
  EXPECT_TRUE(r["doc_number"].is_null());
}

TEST(DocType, UrgentAndSupplementaryNotices) {
  EXPECT_EQ(parseText("关于召开表彰大会的紧急通知\n各市：\n请参加。\n")["doc_type"], "紧急通知");
  EXPECT_EQ(parseText("关于做好防汛工作的补充通知\n各市：\n请落实。\n")["doc_type"], "补充通知");
}

TEST(Masthead, ATitleSetAboveTheDocNumberIsTheTitleNotAMasthead) {
  // A copy published without its red 版头 (WPS, 政府信息公开 copies) sets the title in 二号 first,
  // its first line naming the office, and the 发文字号 under it. The display lines of one block
  // ending in a 文种 are the title; no masthead is left.
  testing::PdfPage page;
  page.items = {{190.4, 297, 22, "达州市人民政府办公室"},
                {102.5, 326, 22, "关于印发达州市促进房地产市场良性循环"},
                {179.5, 355, 22, "健康发展十条措施的通知"},
                {210.5, 390, 16, "达市府办发〔2022〕25号"},
                {79.5, 447, 16, "各县（市、区）人民政府，市级有关部门："},
                {111.5, 476, 16, "现将《十条措施》印发给你们，请认真贯彻落实。"},
                {328, 612, 16, "达州市人民政府办公室"},
                {339, 640, 16, "2022年4月28日"}};
  auto r = testing::engine().parseBytes(testing::makePdf({page}), "t.pdf", {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value()["title"], "达州市人民政府办公室关于印发达州市促进房地产市场良性循环健康发展十条措施的通知");
  EXPECT_EQ(r.value()["issuer_mark"], nlohmann::json::array());
  EXPECT_EQ(r.value()["doc_number"]["text"], "达市府办发〔2022〕25号");
  EXPECT_EQ(r.value()["recipients"][0], "各县（市、区）人民政府");
  EXPECT_EQ(r.value()["issuers"], nlohmann::json({"达州市人民政府办公室"}));
  // A masthead over its 发文字号 stays a masthead: it ends in no 文种.
  page.items = {{120, 120, 36, "达州市人民政府办公室"},
                {210.5, 200, 16, "达市府办发〔2022〕25号"},
                {145.5, 250, 22, "达州市人民政府办公室关于印发"},
                {222.5, 279, 22, "十条措施的通知"},
                {79.5, 330, 16, "各县（市、区）人民政府，市级有关部门："},
                {111.5, 359, 16, "现将《十条措施》印发给你们，请认真贯彻落实。"},
                {328, 450, 16, "达州市人民政府办公室"},
                {339, 478, 16, "2022年4月28日"}};
  r = testing::engine().parseBytes(testing::makePdf({page}), "t.pdf", {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value()["issuer_mark"], nlohmann::json({"达州市人民政府办公室"}));
  EXPECT_EQ(r.value()["title"], "达州市人民政府办公室关于印发十条措施的通知");
}

TEST(Recipients, AnIndentedParagraphEndingInAColonIsNoRecipientLine) {
  // A 通告 has no 主送: its first paragraph, indented two characters, ends "通告如下：". The 主送
  // line is set flush left (GB/T 9704), so an indented line is 正文.
  testing::PdfPage page;
  page.items = {{200, 120, 36, "成都市人民政府"},
                {220, 200, 16, "成府告〔2026〕3号"},
                {102.5, 260, 22, "成都市人民政府关于春节期间禁止"},
                {168.5, 289, 22, "燃放烟花爆竹的通告"},
                {111.5, 340, 16, "为保障人民群众生命财产安全，维护公共安全，现就有关"},
                {79.5, 368.9, 16, "事项通告如下："},
                {111.5, 397.8, 16, "一、本市绕城高速公路以内区域全天禁止燃放烟花爆竹。"},
                {330, 480, 16, "成都市人民政府"},
                {340, 508, 16, "2026年1月20日"}};
  auto r = testing::engine().parseBytes(testing::makePdf({page}), "t.pdf", {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value()["recipients"], nlohmann::json::array());
  EXPECT_EQ(r.value()["title"], "成都市人民政府关于春节期间禁止燃放烟花爆竹的通告");
  // Flush left, the same line is the 主送 (of a 通知: a 通告 is addressed to the public, and has none).
  page.items[3] = {168.5, 289, 22, "燃放烟花爆竹的通知"};
  page.items[4] = {79.5, 340, 16, "各区（市）县人民政府，市级各部门："};
  page.items.erase(page.items.begin() + 5);
  r = testing::engine().parseBytes(testing::makePdf({page}), "t.pdf", {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value()["recipients"], nlohmann::json({"各区（市）县人民政府", "市级各部门"}));
  page.items[3] = {168.5, 289, 22, "燃放烟花爆竹的通告"};
  r = testing::engine().parseBytes(testing::makePdf({page}), "t.pdf", {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value()["recipients"], nlohmann::json::array());
}

TEST(Title, ANoteInBracketsAfterTheDocTypeIsPartOfTheTitle) {
  json r = parseText("东莞市住房公积金管理委员会关于阶段性实施部分住房公积金提取政策的通知（暂行）\n各住房公积金缴存人：\n"
                     "为贯彻落实有关精神，现阶段性实施部分提取政策如下。\n");
  EXPECT_EQ(r["title"], "东莞市住房公积金管理委员会关于阶段性实施部分住房公积金提取政策的通知（暂行）");
  EXPECT_EQ(r["recipients"], json::array({"各住房公积金缴存人"}));
}

}  // namespace
}  // namespace notice
