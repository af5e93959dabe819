// Layouts seen in the wild, made as PDFs here: the 函 format, a joint masthead with 文件, a
// body spread over two pages with a page number on the second only.
#include "support/pdf_writer.h"
#include "test_support.h"

namespace notice {
namespace {

using nlohmann::json;
using testing::PdfPage;
using testing::PdfText;

json parse(const std::vector<PdfPage>& pages) {
  auto r = testing::engine().parseBytes(testing::makePdf(pages), "made.pdf", {});
  if (!r.ok()) {
    ADD_FAILURE() << r.error().message;
    return nullptr;
  }
  return r.value();
}

// A notice from tests/data, parsed; null (and a failure) when it does not parse.
json sample(const std::string& file) {
  auto r = testing::engine().parseFile(testing::sourcePath("tests/data/" + file), {});
  if (!r.ok()) {
    ADD_FAILURE() << file << ": " << r.error().message;
    return nullptr;
  }
  return r.value();
}

TEST(PdfLayouts, LetterFormat) {
  // 函: masthead, then the 发文字号 at the right under it, no page number on page 1.
  PdfPage p1;
  p1.items = {
      {200, 90, 36, "山西省教育厅"},
      {360, 170, 16, "晋教职成函〔2026〕12号"},
      {110, 230, 22, "山西省教育厅关于报送2026年"},
      {150, 266, 22, "职业教育活动周总结的函"},
      {79.5, 320, 16, "各市教育局："},
      {111.5, 348, 16, "请于2026年6月10日前报送活动周工作总结。联系人："},
      {79.5, 376, 16, "王明，电话：0351-3046534。"},
      {320, 460, 16, "山西省教育厅"},
      {310, 488, 16, "2026年5月20日"},
  };
  json r = parse({p1});
  ASSERT_FALSE(r.is_null());
  EXPECT_EQ(r["doc_number"]["text"], "晋教职成函〔2026〕12号");
  EXPECT_EQ(r["title"], "山西省教育厅关于报送2026年职业教育活动周总结的函");
  EXPECT_EQ(r["doc_type"], "函");
  EXPECT_EQ(r["recipients"], json({"各市教育局"}));
  EXPECT_EQ(r["issuers"], json({"山西省教育厅"}));
  EXPECT_EQ(r["issue_date"], "2026-05-20");
  EXPECT_TRUE(r["printed"].is_null());
  ASSERT_EQ(r["deadlines"].size(), 1u);
  EXPECT_EQ(r["deadlines"][0]["date"], "2026-06-10");
  ASSERT_EQ(r["contacts"].size(), 1u);
  EXPECT_EQ(r["contacts"][0]["phones"], json({"0351-3046534"}));
  // Provenance points into the page.
  ASSERT_TRUE(r["provenance"].contains("/doc_number"));
  EXPECT_EQ(r["provenance"]["/doc_number"]["page"], 1);
  const json& box = r["provenance"]["/doc_number"]["bbox"];
  ASSERT_TRUE(box.is_array());
  EXPECT_NEAR(box[0].get<double>(), 360, 2);
  EXPECT_NEAR(box[1].get<double>(), 170, 4);
}

TEST(PdfLayouts, ATitleOverTwoCentredLinesWithoutADocNumber) {
  // No 发文字号 (an office's notice as posted): the title is the large centred lines under the
  // masthead, the first of which does not end in a 文种.
  PdfPage p1;
  p1.items = {
      {160, 90, 36, "山西省教育厅文件"},
      {118, 200, 22, "山西省教育厅办公室关于做好2026年职业"},
      {176, 236, 22, "教育活动周宣传工作的通知"},
      {79.5, 290, 16, "各市教育局："},
      {111.5, 318, 16, "请认真做好活动周宣传工作。"},
      {330, 400, 16, "山西省教育厅办公室"},
      {340, 428, 16, "2026年5月6日"},
  };
  json r = parse({p1});
  ASSERT_FALSE(r.is_null());
  EXPECT_TRUE(r["doc_number"].is_null());
  EXPECT_EQ(r["title"], "山西省教育厅办公室关于做好2026年职业教育活动周宣传工作的通知");
  EXPECT_EQ(r["issuer_mark"], json({"山西省教育厅"}));
  EXPECT_EQ(r["recipients"], json({"各市教育局"}));
  EXPECT_EQ(r["issue_date"], "2026-05-06");
}

TEST(PdfLayouts, ATitleEndingOutsideTheListOfDocTypesIsFoundByItsLayout) {
  // 公示 is not a 文种 of the 条例, but offices publish them; the title is the display line, and
  // it ends where the display lines end (no 主送 here to stop it).
  PdfPage p1;
  p1.items = {
      {99.5, 120, 22, "关于2026年职业教育活动周优秀案例的公示"},
      {111.5, 180, 16, "经各市推荐、专家评审，现将2026年职业教育活动周优秀"},
      {79.5, 208, 16, "案例名单予以公示。公示期为2026年6月1日至6月5日，如有异"},
      {79.5, 236, 16, "议，请在公示期内向省教育厅职成处反映。"},
      {330, 300, 16, "山西省教育厅办公室"},
      {340, 328, 16, "2026年5月28日"},
  };
  json r = parse({p1});
  ASSERT_FALSE(r.is_null());
  EXPECT_EQ(r["title"], "关于2026年职业教育活动周优秀案例的公示");
  EXPECT_TRUE(r["doc_type"].is_null());
  EXPECT_EQ(r["issue_date"], "2026-05-28");
}

TEST(PdfLayouts, AnOfficeSuiteExportNotSeenBefore) {
  // tests/data/zhejiang-2025-libreoffice.pdf: a notice written for this test (the .fodt beside
  // it) and exported by LibreOffice, with what that brings: a two-line title in 22pt over the
  // 主送 line, a justified line spread one character per gap with a phone number broken over
  // the line end, a form on the attachment page, the 印发 line wrapped. Expectations are read
  // from the document.
  json r = sample("zhejiang-2025-libreoffice.pdf");
  ASSERT_FALSE(r.is_null());
  EXPECT_EQ(r["doc_number"]["text"], "浙教职成〔2025〕21号");
  EXPECT_EQ(r["title"], "浙江省教育厅关于举办2025年浙江省职业教育活动周和全民终身学习活动周的通知");
  EXPECT_EQ(r["recipients"], json({"各市", "县（市、区）教育局", "各高等职业院校"}));
  EXPECT_EQ(r["themes"], json::parse(R"([{"event":"职业教育活动周","theme":"技能点亮未来"},
                                          {"event":"全民终身学习活动周","theme":"让学习成为习惯"}])"));
  ASSERT_EQ(r["event_periods"].size(), 2u);
  EXPECT_EQ(r["event_periods"][1]["end"], "2025-05-17");
  ASSERT_EQ(r["deadlines"].size(), 2u);
  EXPECT_EQ(r["deadlines"][0]["date"], "2025-05-06");
  EXPECT_EQ(r["deadlines"][1]["date"], "2025-05-24");  // a week after the week ends
  EXPECT_EQ(r["deadlines"][1]["relative"], "活动周结束后一周内");
  EXPECT_EQ(r["contacts"], json::parse(R"([
      {"name":"周敏","org":"省教育厅职成教处","phones":["0571-88008123"],"emails":[]},
      {"name":"吴刚","org":"浙江开放大学","phones":["13805712345"],"emails":[]}])"));
  EXPECT_EQ(r["issuers"], json({"浙江省教育厅"}));
  EXPECT_EQ(r["issue_date"], "2025-04-25");
  EXPECT_EQ(r["cc"], json({"教育部职业教育与成人教育司"}));
  EXPECT_EQ(r["printed"], json::parse(R"({"org":"浙江省教育厅办公室","date":"2025-04-26"})"));
  ASSERT_EQ(r["tables"].size(), 1u);
  EXPECT_EQ(r["tables"][0]["caption"], "2025年浙江省职业教育活动周情况统计表");
  EXPECT_EQ(r["tables"][0]["header"], json({"序号", "学校名称", "开展活动数", "参与学生数（人次）"}));
  EXPECT_EQ(r["tables"][0]["rows"][0], json({"1", "浙江机电职业技术大学", "", ""}));
}

TEST(PdfLayouts, ALetterWithAFormRunningOverThreePages) {
  // tests/data/anhui-2025-letter-libreoffice.pdf (source beside it): a 函 with its 发文字号 at the
  // right, no 印发 line, and a form of 40 rows over three pages, its header repeated on each and
  // row 14 cut in two by a page break. The form is several times longer than the body text.
  json r = sample("anhui-2025-letter-libreoffice.pdf");
  ASSERT_FALSE(r.is_null());
  EXPECT_EQ(r["doc_number"]["text"], "皖教秘职成〔2025〕9号");
  EXPECT_EQ(r["doc_type"], "函");
  EXPECT_EQ(r["title"], "安徽省教育厅关于征集2025年职业教育活动周典型案例的函");
  EXPECT_TRUE(r["printed"].is_null());
  ASSERT_EQ(r["deadlines"].size(), 1u);
  EXPECT_EQ(r["deadlines"][0]["date"], "2025-06-15");
  ASSERT_EQ(r["contacts"].size(), 1u);
  EXPECT_EQ(r["contacts"][0]["org"], "省教育厅职成处");
  ASSERT_EQ(r["sections"].size(), 2u);
  EXPECT_EQ(r["sections"][0]["children"][1]["children"].size(), 2u);  // （1） and （2） under （二）
  ASSERT_EQ(r["tables"].size(), 1u);
  const json& form = r["tables"][0];
  EXPECT_EQ(form["header"], json({"序号", "单位名称", "案例名称"}));
  ASSERT_EQ(form["rows"].size(), 40u);
  for (size_t i = 0; i < 40; ++i) {
    std::string n = std::to_string(i + 1);
    EXPECT_EQ(form["rows"][i], json({n, "第" + n + "职业技术学院", "开展职业体验活动" + n + "场，参与学生" + n + "00人次"}));
  }
}

TEST(PdfLayouts, AJointMastheadLaidOutAsATable) {
  // tests/data/hunan-2025-joint-libreoffice.pdf (source beside it): three bodies stacked left of a
  // large 文件 in a table, one name wrapped in its narrow column; the signature two bodies to a
  // row; the 成文日期 in Chinese numerals; a paragraph running over a page break.
  json r = sample("hunan-2025-joint-libreoffice.pdf");
  ASSERT_FALSE(r.is_null());
  json bodies = {"湖南省教育厅", "湖南省人力资源和社会保障厅", "共青团湖南省委"};
  EXPECT_EQ(r["issuer_mark"], bodies);
  EXPECT_EQ(r["issuers"], bodies);
  EXPECT_EQ(r["issuer_count"], 3);
  EXPECT_TRUE(r["warnings"].empty()) << r["warnings"].dump();
  EXPECT_EQ(r["doc_number"]["text"], "湘教发〔2025〕15号");
  EXPECT_EQ(r["title"], "湖南省教育厅等三部门关于举办2025年湖南省职业教育活动周的通知");
  EXPECT_EQ(r["issue_date"], "2025-04-30");
  EXPECT_EQ(r["themes"], json::parse(R"([{"event":"职业教育活动周","theme":"匠心筑梦 技能报国"}])"));
  EXPECT_NE(r["text"].get<std::string>().find("思想为指导，深入贯彻"), std::string::npos);  // over the page break
  ASSERT_EQ(r["deadlines"].size(), 1u);
  EXPECT_EQ(r["deadlines"][0]["date"], "2025-06-10");
  EXPECT_EQ(r["printed"], json::parse(R"({"org":"湖南省教育厅办公室","date":"2025-05-06"})"));
}

TEST(PdfLayouts, AFormOnALandscapePage) {
  // The Zhejiang notice again, its form of eight columns on an A4 page turned landscape.
  json r = sample("zhejiang-2025-landscape-form-libreoffice.pdf");
  ASSERT_FALSE(r.is_null());
  EXPECT_EQ(r["title"], "浙江省教育厅关于举办2025年浙江省职业教育活动周和全民终身学习活动周的通知");
  ASSERT_EQ(r["tables"].size(), 1u);
  EXPECT_EQ(r["tables"][0]["header"],
            json({"序号", "市", "参与学校数", "参与教师数", "参与学生数", "企业数", "媒体报道数", "备注"}));
  ASSERT_EQ(r["tables"][0]["rows"].size(), 4u);
  EXPECT_EQ(r["tables"][0]["rows"][3], json({"4", "嘉兴市", "", "", "", "", "", ""}));
  EXPECT_EQ(r["cc"], json({"教育部职业教育与成人教育司"}));
}

TEST(PdfLayouts, TheTextExportAndThePdfOfOneNoticeGiveOneRecord) {
  // LibreOffice's own text export of the same documents (tests/data/*.txt): a paragraph per
  // line with no blank lines between, a BOM, tables flattened to a cell per line. Every key a
  // reader settles must come out as from the PDF (tables aside: the export lost them).
  for (const char* name : {"zhejiang-2025-libreoffice", "anhui-2025-letter-libreoffice", "hunan-2025-joint-libreoffice",
                           "jiangxi-2025-libreoffice"}) {
    auto fromText = testing::engine().parseFile(testing::sourcePath(std::string("tests/data/") + name + ".txt"), {});
    auto fromPdf = testing::engine().parseFile(testing::sourcePath(std::string("tests/data/") + name + ".pdf"), {});
    ASSERT_TRUE(fromText.ok() && fromPdf.ok()) << name;
    for (const char* key : {"doc_number", "title", "doc_type", "province", "year", "recipients", "issuers", "issuer_mark",
                            "issuer_count", "issue_date", "printed", "cc", "publicity", "themes", "event_periods",
                            "contacts", "attachments", "references", "sections"}) {
      EXPECT_EQ(fromText.value()[key], fromPdf.value()[key]) << name << " " << key;
    }
    ASSERT_EQ(fromText.value()["deadlines"].size(), fromPdf.value()["deadlines"].size()) << name;
    for (size_t i = 0; i < fromPdf.value()["deadlines"].size(); ++i) {
      EXPECT_EQ(fromText.value()["deadlines"][i]["date"], fromPdf.value()["deadlines"][i]["date"]) << name;
      EXPECT_EQ(fromText.value()["deadlines"][i]["action"], fromPdf.value()["deadlines"][i]["action"]) << name;
    }
  }
}

TEST(PdfLayouts, A抄送OverThreeLinesEndsBeforeThe印发Line) {
  // The Hunan notice with a 抄送 list wrapped over three lines; the 印发 line under it starts
  // flush left too, and is not the list's continuation.
  json r = sample("hunan-2025-long-cc-libreoffice.pdf");
  ASSERT_FALSE(r.is_null());
  EXPECT_EQ(r["cc"], json({"教育部职业教育与成人教育司", "省委宣传部", "省发展改革委", "省财政厅", "省工业和信息化厅",
                           "省农业农村厅", "省总工会", "各市州人民政府"}));
  EXPECT_EQ(r["printed"], json::parse(R"({"org":"湖南省教育厅办公室","date":"2025-05-06"})"));
}

TEST(PdfLayouts, ALineEndsShortWhenAnAddressDidNotFit) {
  // "…发送至邮箱：" ends well before the right edge because the address after it could not be
  // broken; the next line starts with it: one sentence.
  PdfPage p = testing::bodyPage(
      {"山西省教育厅关于报送总结的通知", "各市教育局：", "各市要认真总结本地职业教育活动周开展情况，形成书面材料，",
       "按时报送。活动周工作总结请于6月10日前发送至邮箱：", "zhangsan2026@example.com，逾期不再受理，请各地务必重视。",
       "各市要认真总结本地职业教育活动周开展情况，形成书面材料，"});
  p.items[0].x = 150;
  p.items[2].x = 111.5;
  p.items[5].x = 111.5;
  p.items.push_back({360, 300, 16, "山西省教育厅"});
  p.items.push_back({360, 328, 16, "2026年6月1日"});
  json r = parse({p});
  ASSERT_FALSE(r.is_null());
  EXPECT_NE(r["text"].get<std::string>().find("发送至邮箱：zhangsan2026@example.com，逾期"), std::string::npos) << r["text"];
}

TEST(PdfLayouts, ALongTitleRecipientsOverThreeLinesAndAFormNotYetFilledIn) {
  // tests/data/jiangxi-2025-libreoffice.pdf: a title over three lines after 关于组织开展, the 主送
  // over three lines, a contact block of three lines, an 附件说明 with a hanging indent running
  // onto the next page, and a form whose value column is empty (one piece a row).
  json r = sample("jiangxi-2025-libreoffice.pdf");
  ASSERT_FALSE(r.is_null());
  EXPECT_EQ(r["title"], "江西省教育厅关于组织开展2025年江西省职业教育活动周暨全民终身学习活动周系列活动和典型案例遴选推荐工作的通知");
  EXPECT_EQ(r["recipients"].size(), 8u);
  EXPECT_EQ(r["recipients"][7], "省终身教育研究中心");
  EXPECT_EQ(r["themes"], json::parse(R"([{"event":"职业教育活动周","theme":"技能赣鄱 匠心筑梦"},
                                          {"event":"全民终身学习活动周","theme":"学习点亮人生"}])"));
  EXPECT_EQ(r["contacts"], json::parse(R"([
      {"name":"张三","org":null,"phones":["0791-86765123"],"emails":["jxzcc@jxedu.gov.cn"]},
      {"name":"李四","org":null,"phones":["0791-86765123"],"emails":["jxzcc@jxedu.gov.cn"]}])"));
  EXPECT_EQ(r["attachments"], json::parse(R"([
      {"index":1,"title":"2025年江西省职业教育活动周暨全民终身学习活动周重点活动安排及责任分工一览表"},
      {"index":2,"title":"2025年典型案例推荐表"}])"));
  ASSERT_EQ(r["tables"].size(), 1u);
  EXPECT_EQ(r["tables"][0]["caption"], "2025年典型案例推荐表");
  EXPECT_EQ(r["tables"][0]["rows"].size(), 2u);
}

TEST(PdfLayouts, JointMastheadWithTheWord文件) {
  PdfPage p1;
  p1.items = {
      {140, 80, 30, "山西省教育厅"},
      {140, 125, 30, "山西省财政厅"},
      {140, 170, 30, "山西省人力资源和社会保障厅"},
      {500, 125, 30, "文件"},
      {230, 240, 16, "晋教财〔2026〕7号"},
      {120, 300, 22, "山西省教育厅等三部门关于下达经费的通知"},
      {79.5, 350, 16, "各市教育局、财政局、人力资源社会保障局："},
      {111.5, 378, 16, "现将经费下达给你们。"},
      {100, 460, 16, "山西省教育厅"},
      {330, 460, 16, "山西省财政厅"},
      {200, 490, 16, "山西省人力资源和社会保障厅"},
      {330, 520, 16, "2026年3月1日"},
  };
  json r = parse({p1});
  ASSERT_FALSE(r.is_null());
  EXPECT_EQ(r["issuer_mark"], json({"山西省教育厅", "山西省财政厅", "山西省人力资源和社会保障厅"}));
  EXPECT_EQ(r["issuers"], json({"山西省教育厅", "山西省财政厅", "山西省人力资源和社会保障厅"}));
  EXPECT_EQ(r["issuer_count"], 3);
  EXPECT_EQ(r["province"], "山西省");
}

TEST(PdfLayouts, ALineWrappedBeforeADateIsJoined) {
  // The line fills the column and ends at "于"; the date the sentence goes on with starts the next
  // line flush left. A line that starts with a date is not a 成文日期 unless the date stands alone.
  PdfPage p = testing::bodyPage(
      {"山西省教育厅关于做好总结工作的通知", "各市教育局：", "各市要认真总结本地活动开展情况，形成书面材料，由各县",
       "区教育局汇总后统一报送省教育厅职业教育处，各市、各院校于", "2026年6月30日前将活动周总结报送山西开放大学。",
       "各市教育局要按时报送，确保各项工作落到实处，取得实效。"});
  p.items[0].x = 150;
  p.items[2].x = 111.5;
  p.items[5].x = 111.5;
  p.items.push_back({360, 300, 16, "山西省教育厅"});
  p.items.push_back({360, 328, 16, "2026年6月1日"});
  json r = parse({p});
  ASSERT_FALSE(r.is_null());
  EXPECT_NE(r["text"].get<std::string>().find("各院校于2026年6月30日前"), std::string::npos) << r["text"];
  ASSERT_EQ(r["deadlines"].size(), 1u) << r["text"];
  EXPECT_EQ(r["deadlines"][0]["date"], "2026-06-30");
  EXPECT_EQ(r["deadlines"][0]["text"].get<std::string>().rfind("各市要认真总结", 0), 0u) << r["deadlines"][0]["text"];
  EXPECT_EQ(r["issue_date"], "2026-06-01");
}

TEST(PdfLayouts, ASentenceAcrossAPageBreakIsJoinedAndThePageNumberDropped) {
  PdfPage p1 = testing::bodyPage(
      {"山西省教育厅关于做好总结工作的通知", "各市教育局：", "    各市要认真总结活动开展情况，形成书面材料，并于2026年",
       "6月30日前报送省教育厅。"},
      100);
  p1.items[0].x = 150;
  p1.items[2].x = 111.5;
  // Make the third line fill the column so that it wraps onto the fourth, and split the
  // sentence at the page: the fourth line goes to page 2 under a page number on page 1.
  p1.items[2].text = "各市要认真总结活动开展情况，形成书面材料，并于2026年";
  PdfPage p2;
  p2.items = {{79.5, 80, 16, "6月30日前报送省教育厅。"}, {200, 200, 16, "山西省教育厅"}, {200, 228, 16, "2026年6月1日"}};
  p1.items.pop_back();
  p1.items.push_back({480, 770, 14, "— 1 —"});
  p2.items.push_back({80, 770, 14, "— 2 —"});
  json r = parse({p1, p2});
  ASSERT_FALSE(r.is_null());
  ASSERT_EQ(r["deadlines"].size(), 1u) << r["text"];
  EXPECT_EQ(r["deadlines"][0]["date"], "2026-06-30");
  EXPECT_EQ(r["text"].get<std::string>().find("— 1 —"), std::string::npos);
  EXPECT_EQ(r["text"].get<std::string>().find("—1—"), std::string::npos);
}

// A second producer: headless Chromium (the notices below were written for these tests, their
// sources are the .ntc files beside the PDFs, typeset by /work/shared/tools/mkpdf). Its runs are
// 0.84 em high, its body 16 pt scaled to 12.8, its signature a grid of three to a row.

// The paragraph of `text` (a record's text) that contains `needle`, or "".
std::string paragraphWith(const json& r, const std::string& needle) {
  std::string text = r["text"].get<std::string>();
  size_t at = text.find(needle);
  if (at == std::string::npos) return "";
  size_t begin = text.rfind('\n', at), end = text.find('\n', at);
  begin = begin == std::string::npos ? 0 : begin + 1;
  return text.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

TEST(PdfLayoutsChromium, AMeetingNotice) {
  json r = sample("henan-2026-meeting-chromium.pdf");
  ASSERT_FALSE(r.is_null());
  EXPECT_EQ(r["issuer_mark"], json({"河南省教育厅"}));
  EXPECT_EQ(r["doc_number"]["text"], "豫教职成〔2026〕18号");
  EXPECT_EQ(r["title"], "河南省教育厅关于召开2026年全省职业教育工作会议的通知");
  EXPECT_EQ(r["recipients"], json({"各省辖市", "济源示范区教育局", "各高等职业学校"}));
  EXPECT_EQ(r["issuers"], json({"河南省教育厅"}));
  EXPECT_EQ(r["issue_date"], "2026-02-27");
  EXPECT_EQ(r["publicity"], "此件主动公开");
  ASSERT_EQ(r["deadlines"].size(), 1u);
  EXPECT_EQ(r["deadlines"][0]["date"], "2026-03-06");
  ASSERT_EQ(r["contacts"].size(), 1u);
  EXPECT_EQ(r["contacts"][0]["name"], "刘建国");
  EXPECT_EQ(r["contacts"][0]["phones"], json({"0371-69691234"}));
  EXPECT_EQ(r["attachments"], json::parse(R"([{"index":1,"title":"参会回执"}])"));
  ASSERT_EQ(r["sections"].size(), 4u);
  EXPECT_EQ(r["sections"][3]["title"], "有关要求");
  EXPECT_EQ(r["sections"][3]["children"].size(), 2u);
  // Paragraphs wrapped over lines are one each, an e-mail address broken over no line.
  EXPECT_EQ(paragraphWith(r, "请各单位于"),
            "（一）请各单位于2026年3月6日前将参会回执报送至省教育厅职业教育与成人教育处邮箱"
            "zhichengchu2026@haedu.gov.cn，逾期视为不参会。");
  EXPECT_EQ(paragraphWith(r, "各省辖市、济源示范区教育局分管"),
            "各省辖市、济源示范区教育局分管负责同志和职业教育科（处）负责同志；各高等职业学校主要负责同志。");
}

TEST(PdfLayoutsChromium, ALetterWithAForm) {
  json r = sample("shaanxi-2026-letter-form-chromium.pdf");
  ASSERT_FALSE(r.is_null());
  EXPECT_EQ(r["doc_number"]["text"], "陕教职成函〔2026〕7号");
  EXPECT_EQ(r["doc_type"], "函");
  EXPECT_EQ(r["title"], "陕西省教育厅关于报送2026年职业院校技能大赛获奖情况的函");
  EXPECT_EQ(r["recipients"], json({"各市（区）教育局", "各高等职业院校"}));
  EXPECT_EQ(r["issuers"], json({"陕西省教育厅"}));
  EXPECT_EQ(r["issue_date"], "2026-06-20");
  ASSERT_EQ(r["deadlines"].size(), 1u);
  EXPECT_EQ(r["deadlines"][0]["date"], "2026-07-15");
  EXPECT_EQ(r["contacts"][0]["phones"], json({"029-88668123"}));
  EXPECT_EQ(r["attachments"], json::parse(R"([{"index":1,"title":"2026年职业院校技能大赛获奖情况统计表"}])"));
  ASSERT_EQ(r["references"].size(), 1u);
  EXPECT_EQ(r["references"][0]["title"], "2026年职业院校技能大赛获奖情况统计表");
  ASSERT_EQ(r["tables"].size(), 1u);
  EXPECT_EQ(r["tables"][0]["caption"], "2026年职业院校技能大赛获奖情况统计表");
  EXPECT_EQ(r["tables"][0]["header"], json({"序号", "学校名称", "赛项名称", "获奖等级", "指导教师"}));
  ASSERT_EQ(r["tables"][0]["rows"].size(), 3u);
  EXPECT_EQ(r["tables"][0]["rows"][1], json({"2", "西安航空职业技术学院", "飞机发动机维修", "二等奖", "李明"}));
  // The body is one paragraph over five lines, and the 《》 name wrapped over two lines has a
  // box covering both.
  EXPECT_EQ(paragraphWith(r, "为做好"),
            "为做好2026年全省职业院校技能大赛总结表彰工作，请各单位认真核对本单位学生获奖情况，填写"
            "《2026年职业院校技能大赛获奖情况统计表》（见附件），经单位负责人签字并加盖公章后，于2026年7月15日前"
            "报送至省教育厅职业教育处，电子版同时发送至邮箱jinengdasai@snedu.gov.cn。");
  const json& box = r["provenance"]["/references/0"]["bbox"];
  ASSERT_TRUE(box.is_array());
  EXPECT_GT(box[3].get<double>() - box[1].get<double>(), 40);  // two lines of 16 pt, 28.5 pt apart
}

TEST(PdfLayoutsChromium, ANoticeToThePublicWithoutRecipients) {
  // A joint 通告: no 主送, its first paragraph (indented) ends in "通告如下："; the two bodies
  // sign on one line, set apart by a wide space, on a page of their own.
  json r = sample("chengdu-2026-notice-chromium.pdf");
  ASSERT_FALSE(r.is_null());
  EXPECT_EQ(r["doc_type"], "通告");
  EXPECT_EQ(r["title"], "成都市人民政府成都市公安局关于2026年春节期间禁止燃放烟花爆竹的通告");
  EXPECT_EQ(r["recipients"], json::array());
  EXPECT_EQ(r["issuer_mark"], json({"成都市人民政府", "成都市公安局"}));
  EXPECT_EQ(r["issuers"], json({"成都市人民政府", "成都市公安局"}));
  EXPECT_EQ(r["issue_date"], "2026-01-20");
  ASSERT_EQ(r["sections"].size(), 3u);
  EXPECT_EQ(r["sections"][2]["title"], "本通告自发布之日起施行");
  EXPECT_EQ(r["references"].size(), 2u);
  EXPECT_EQ(paragraphWith(r, "为保障"),
            "为保障人民群众生命财产安全，维护公共安全和社会秩序，根据《中华人民共和国大气污染防治法》"
            "《烟花爆竹安全管理条例》等法律法规规定，结合我市实际，现就2026年春节期间禁止燃放烟花爆竹有关事项通告如下：");
}

TEST(PdfLayoutsChromium, AJointNoticeSignedInAGridAfterANoBodyLine) {
  // Four bodies: a masthead of four lines, the signature a grid (three, then one) on a page of
  // its own under "（此页无正文）", a 版记 with 抄送 and 印发.
  json r = sample("guangdong-2026-joint-chromium.pdf");
  ASSERT_FALSE(r.is_null());
  const json bodies = json({"广东省教育厅", "广东省人力资源和社会保障厅", "广东省财政厅", "广东省总工会"});
  EXPECT_EQ(r["issuer_mark"], bodies);
  EXPECT_EQ(r["issuers"], bodies);
  EXPECT_EQ(r["issuer_count"], 4);
  EXPECT_EQ(r["title"], "广东省教育厅等四部门关于开展2026年职业教育活动周的通知");
  EXPECT_EQ(r["recipients"], json({"各地级以上市教育局", "人力资源社会保障局", "财政局", "总工会"}));
  EXPECT_EQ(r["issue_date"], "2026-04-25");
  EXPECT_EQ(r["cc"], json({"教育部职业教育与成人教育司"}));
  EXPECT_EQ(r["printed"], json::parse(R"({"org":"广东省教育厅办公室","date":"2026-04-27"})"));
  EXPECT_EQ(r["themes"], json::parse(R"([{"event":"职业教育活动周","theme":"技能成就出彩人生"}])"));
  ASSERT_EQ(r["event_periods"].size(), 1u);
  EXPECT_EQ(r["event_periods"][0]["start"], "2026-05-10");
  EXPECT_EQ(r["event_periods"][0]["end"], "2026-05-16");
  ASSERT_EQ(r["deadlines"].size(), 1u);
  EXPECT_EQ(r["deadlines"][0]["date"], "2026-05-30");
  for (const auto& w : r["warnings"]) EXPECT_NE(w["code"], "issuer_count_mismatch");
  EXPECT_EQ(r["provenance"]["/issuers/3"]["page"], 3);
}

}  // namespace
}  // namespace notice
