// The web-page source (extract/html_source): saved government pages → PageText, and what the
// record makes of a page's metadata. Pages are written here in the forms the platforms publish
// (TRS, Hanweb, gkmlpt …: an 信息公开 block, the article among navigation and footers).
#include "extract/html_source.h"

#include <chrono>
#include <unicode/unistr.h>

#include "extract/charset.h"
#include "extract/source.h"
#include "test_support.h"

namespace notice {
namespace {

using nlohmann::json;
using testing::engine;
using testing::grammar;

Result<PageText> read(const std::string& html) { return readHtml(html, {}, grammar()); }

std::string text(const Line& line) {
  std::string t;
  for (size_t i = 0; i < line.pieces.size(); ++i) t += (i ? "|" : "") + line.pieces[i].text;
  return t;
}

std::vector<std::string> lines(const PageText& p) {
  std::vector<std::string> out;
  for (const auto& page : p.pages) {
    for (const auto& line : page.lines) out.push_back(text(line));
  }
  return out;
}

std::string gb18030(const std::string& utf8) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  std::string out(static_cast<size_t>(u.length()) * 4 + 4, '\0');
  int32_t n = u.extract(0, u.length(), out.data(), static_cast<uint32_t>(out.size()), "GB18030");
  out.resize(static_cast<size_t>(n));
  return out;
}

// A page as the platforms lay it out: navigation, a headline, the 信息公开 block, the article,
// links to attachments, a share bar, related links and a footer.
std::string page(const std::string& head, const std::string& article, const std::string& extra = "") {
  return "<!DOCTYPE html><html><head>" + head +
         "<title>关于开展安全检查的通知_某市住房和城乡建设局</title>"
         "<style>.nav{color:red}</style><script>var s = '<p>脚本里的段落</p>';</script></head><body>"
         "<div class=\"nav\"><ul><li><a href=\"/\">首页</a></li><li><a href=\"/a\">机构概况</a></li>"
         "<li><a href=\"/b\">政务公开</a></li><li><a href=\"/c\">政策文件及解读说明</a></li></ul></div>"
         "<table class=\"xxgk\"><tr><td>索引号：</td><td>11330000/2024-00012</td><td>发布机构：</td><td>某市住建局</td></tr>"
         "<tr><td>文号：</td><td>某建发〔2024〕12号</td><td>成文日期：</td><td>2024-03-05</td></tr></table>"
         "<h1>关于开展安全检查的通知</h1>"
         "<div class=\"main\"><div class=\"body\">" + article + "</div>" + extra + "</div>"
         "<div class=\"share\">分享到：<a href=\"#\">微信</a><a href=\"#\">微博</a></div>"
         "<div class=\"related\"><h3>相关链接</h3><ul><li><a href=\"/x1.html\">关于做好2023年房屋安全管理工作的通知</a></li>"
         "<li><a href=\"/x2.pdf\">某市房屋安全管理办法</a></li></ul></div>"
         "<div class=\"footer\">主办单位：某市人民政府办公室 网站标识码：3300000001 浙ICP备05003399号</div>"
         "</body></html>";
}

const char* kArticle =
    "<p>各区住房和城乡建设局，各有关单位：</p>"
    "<p>　　为切实加强房屋使用安全管理，防范化解安全风险，经研究，决定在全市范围内开展房屋安全检查，现将有关事项通知如下。</p>"
    "<p>　　一、检查范围。全市范围内的既有房屋，重点是老旧小区、人员密集场所和经营性自建房。</p>"
    "<p>　　二、工作要求。各单位要高度重视，精心组织，于2024年4月30日前将检查情况报送市住建局。</p>"
    "<p style=\"text-align: right;\">某市住房和城乡建设局</p>"
    "<p align=\"right\">2024年3月5日</p>";

// ---- choosing the source by the bytes

TEST(HtmlSniff, APageIsHtmlWhateverItIsCalled) {
  std::string html = page("<meta charset=\"utf-8\">", kArticle);
  auto s = sourceFor(html);
  ASSERT_TRUE(s.ok());
  EXPECT_STREQ(s.value()->name, "html");
  auto record = engine().parseBytes(html, "notice.pdf", {});
  ASSERT_TRUE(record.ok()) << record.error().message;
  EXPECT_EQ(record.value()["source"]["format"], "html");
  EXPECT_EQ(record.value()["source"]["encoding"], "UTF-8");
}

TEST(HtmlSniff, OpensAfterByteOrderMarkSpaceAndComments) {
  EXPECT_TRUE(looksLikeHtml("\xEF\xBB\xBF  <!-- saved from url=(0042)http://x.gov.cn -->\n<html><body>x</body></html>"));
  EXPECT_TRUE(looksLikeHtml("<?xml version=\"1.0\"?>\n<!doctype HTML><p>x"));
  EXPECT_TRUE(looksLikeHtml("<div class=\"article\">正文</div>"));
  EXPECT_TRUE(looksLikeHtml("<P>正文</P>"));
}

TEST(HtmlSniff, ATextWithAStrayAngleBracketIsText) {
  EXPECT_FALSE(looksLikeHtml("关于开展活动的通知\n各市教育局：\n<p>是网页里的标记</p>\n"));
  EXPECT_FALSE(looksLikeHtml("<2026年度> 工作安排\n"));
  EXPECT_FALSE(looksLikeHtml("<pre>不是页面开头的标记"));
  auto s = sourceFor("关于开展活动的通知\n各市教育局：\n成绩<60分的\n");
  ASSERT_TRUE(s.ok());
  EXPECT_STREQ(s.value()->name, "text");
}

// ---- encodings

TEST(HtmlCharset, Gb2312PageDecodesAsGb18030) {
  auto p = read(gb18030(page("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">", kArticle)));
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p.value().encoding, "GB18030");
  EXPECT_EQ(lines(p.value())[1], "各区住房和城乡建设局，各有关单位：");
  EXPECT_TRUE(p.value().notes.empty());
}

TEST(HtmlCharset, AMetaThatSaysUtf8OverGbkBytesIsCaught) {
  auto p = read(gb18030(page("<meta charset=\"utf-8\">", kArticle)));
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p.value().encoding, "GB18030");
  EXPECT_EQ(lines(p.value())[1], "各区住房和城乡建设局，各有关单位：");
  ASSERT_EQ(p.value().notes.size(), 1u);
  EXPECT_EQ(p.value().notes[0].first, "charset_mismatch");
}

TEST(HtmlCharset, AMetaThatSaysGb2312OverUtf8BytesIsCaught) {
  auto p = read(page("<meta charset=\"gb2312\">", kArticle));
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p.value().encoding, "UTF-8");
  EXPECT_EQ(lines(p.value())[1], "各区住房和城乡建设局，各有关单位：");
  ASSERT_EQ(p.value().notes.size(), 1u);
  EXPECT_EQ(p.value().notes[0].first, "charset_mismatch");
  // The record carries the warning.
  auto record = engine().parseBytes(page("<meta charset=\"gb2312\">", kArticle), "p.html", {});
  ASSERT_TRUE(record.ok());
  bool warned = false;
  for (const auto& w : record.value()["warnings"]) warned = warned || w["code"] == "charset_mismatch";
  EXPECT_TRUE(warned);
}

TEST(HtmlCharset, AShortGbkPageWithoutADeclarationDecodes) {
  // ICU's detector names IBM420 for the first and UTF-8 for the second.
  for (std::string t : {"各有关单位：", "通知"}) {
    auto p = read(gb18030("<p>" + t + "</p>"));
    ASSERT_TRUE(p.ok()) << p.error().message;
    EXPECT_EQ(p.value().encoding, "GB18030") << t;
    EXPECT_EQ(lines(p.value())[0], t);
  }
}

TEST(HtmlCharset, DeclarationIsFoundInTheHead) {
  EXPECT_EQ(declaredCharset("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=GBK\">"), "gbk");
  EXPECT_EQ(declaredCharset("<meta charset='UTF-8'>"), "utf-8");
  EXPECT_EQ(declaredCharset("<html><body>charset=gbk</body>"), "");
}

TEST(HtmlCharset, Utf16IsRefusedByName) {
  auto p = read(std::string("\xFF\xFE<\0h\0t\0m\0l\0>\0", 14));
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().code, ErrorCode::kUnsupportedFormat);
  EXPECT_NE(p.error().message.find("UTF-16"), std::string::npos);
}

// ---- the article and its lines

TEST(HtmlArticle, TheArticleIsFoundByTextDensityAndChromeIsLeftOut) {
  auto p = read(page("<meta charset=\"utf-8\">", kArticle));
  ASSERT_TRUE(p.ok()) << p.error().message;
  // The headline (h1) is left out: the article opens without a title of its own, so the
  // site's headline stands in for it.
  EXPECT_EQ(lines(p.value()), (std::vector<std::string>{
                                  "关于开展安全检查的通知",
                                  "各区住房和城乡建设局，各有关单位：",
                                  "为切实加强房屋使用安全管理，防范化解安全风险，经研究，决定在全市范围内开展房屋安全检查，现将有关事项通知如下。",
                                  "一、检查范围。全市范围内的既有房屋，重点是老旧小区、人员密集场所和经营性自建房。",
                                  "二、工作要求。各单位要高度重视，精心组织，于2024年4月30日前将检查情况报送市住建局。",
                                  "某市住房和城乡建设局",
                                  "2024年3月5日",
                              }));
}

TEST(HtmlArticle, TheHeadlineIsLeftOutWhenTheArticleHasItsOwnTitle) {
  auto p = read(page("<meta charset=\"utf-8\">", std::string("<p align=\"center\">某市住房和城乡建设局关于开展房屋安全检查的通知</p>") + kArticle));
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(lines(p.value()).front(), "某市住房和城乡建设局关于开展房屋安全检查的通知");
}

TEST(HtmlArticle, ASignatureSetApartFromTheBodyJoinsIt) {
  // Paragraphs as <div>s, the signature and date in blocks of their own after the body.
  auto p = read(
      "<html><body><div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/x\">通知公告</a></div><div class=\"wrap\">"
      "<div class=\"text\"><div>各有关单位：</div>"
      "<div>为切实加强房屋使用安全管理，防范化解安全风险，决定开展房屋安全检查，现将有关事项通知如下。</div>"
      "<div>一、检查范围。全市范围内的既有房屋，重点是老旧小区、人员密集场所和经营性自建房。</div></div>"
      "<div style=\"text-align:right\">某市住房和城乡建设局</div><div align=\"right\">2024年3月5日</div>"
      "<div class=\"links\"><a href=\"/y\">上一篇：关于做好防汛工作的通知</a></div></div></body></html>");
  ASSERT_TRUE(p.ok());
  auto ls = lines(p.value());
  ASSERT_EQ(ls.size(), 5u) << ::testing::PrintToString(ls);
  EXPECT_EQ(ls[3], "某市住房和城乡建设局");
  EXPECT_EQ(ls[4], "2024年3月5日");
}

TEST(HtmlLines, BlocksBreaksAlignmentAndTables) {
  auto p = read(
      "<html><body><div id=\"zoom\">"
      "<p>各有关单位：</p>"
      "<p>　　现将有关事项通知如下，请认真<span style=\"mso-spacerun:yes\">贯彻</span>执行。<br>联系人：张三，电话：0551-12345678。</p>"
      "<table border=\"1\"><tr><td>序号</td><td>单位</td><td>人数</td></tr><tr><td>1</td><td>某市教育局</td><td></td></tr></table>"
      "<div style=\"text-align:right\"><p>某市教育局&nbsp;&nbsp;&nbsp;某市财政局</p></div>"
      "<center>2024年3月5日</center>"
      "</div></body></html>");
  ASSERT_TRUE(p.ok()) << p.error().message;
  const auto& ls = p.value().pages[0].lines;
  ASSERT_EQ(ls.size(), 7u);
  EXPECT_EQ(text(ls[1]), "现将有关事项通知如下，请认真贯彻执行。");
  EXPECT_EQ(text(ls[2]), "联系人：张三，电话：0551-12345678。");
  EXPECT_TRUE(ls[3].table_row);
  EXPECT_EQ(text(ls[3]), "序号|单位|人数");
  EXPECT_EQ(text(ls[4]), "1|某市教育局|");  // the empty cell kept
  EXPECT_EQ(ls[4].pieces.size(), 3u);
  EXPECT_EQ(text(ls[5]), "某市教育局|某市财政局");  // NBSP between them: two items
  EXPECT_EQ(ls[5].align, Align::kRight);
  EXPECT_EQ(ls[6].align, Align::kCentre);
}

TEST(HtmlLines, EntitiesInvisibleCharactersAndWordMarkup) {
  auto p = read(
      "<html><body><div class=WordSection1>"
      "<p class=MsoNormal><span lang=EN-US>关于&#24320;展&ldquo;安全月&rdquo;活\xE2\x80\x8B动的通知<o:p></o:p></span></p>"
      "<p class=MsoNormal><span>各有关单位&#xFF1A;</span><o:p>&nbsp;</o:p></p>"
      "<p class=MsoNormal>现将活动方案印发给你们，请结合实际认真组织实施，确保活动取得实效。</p>"
      "<p class=MsoNormal><o:p>&nbsp;</o:p></p>"
      "<p class=MsoNormal align=right style='text-align:right'>某市安全生产委员会办公室</p>"
      "</div></body></html>");
  ASSERT_TRUE(p.ok()) << p.error().message;
  auto ls = lines(p.value());
  ASSERT_GE(ls.size(), 4u);
  EXPECT_EQ(ls[0], "关于开展“安全月”活动的通知");
  EXPECT_EQ(ls[1], "各有关单位：");
  EXPECT_TRUE(p.value().pages[0].lines[3].blank_before);  // after the empty paragraph
  EXPECT_EQ(p.value().pages[0].lines[3].align, Align::kRight);
}

TEST(HtmlLines, ScriptsStylesAndHiddenBlocksAreNeverRead) {
  auto p = read(page("<meta charset=\"utf-8\">",
                     std::string(kArticle) + "<div style=\"display:none\"><p>隐藏的打印版本，不是通知的一部分，也不应读出。</p></div>"
                                            "<noscript><p>请启用脚本。</p></noscript>"));
  ASSERT_TRUE(p.ok());
  for (const auto& l : lines(p.value())) {
    EXPECT_EQ(l.find("脚本"), std::string::npos) << l;
    EXPECT_EQ(l.find("隐藏"), std::string::npos) << l;
    EXPECT_EQ(l.find("color"), std::string::npos) << l;
  }
}

// ---- metadata and attachments

TEST(HtmlMetadata, MetaTagsAndTheOpenGovernmentBlock) {
  auto p = read(page("<meta charset=\"utf-8\"><meta name=\"ArticleTitle\" content=\"关于开展安全检查的通知\">"
                     "<meta name=\"PubDate\" content=\"2024-03-06 09:30\"><meta name=\"ContentSource\" content=\"市住建局\">",
                     kArticle));
  ASSERT_TRUE(p.ok());
  const SourceMetadata& m = p.value().metadata;
  EXPECT_EQ(m.title, "关于开展安全检查的通知");
  EXPECT_EQ(m.publish_date, "2024-03-06 09:30");
  EXPECT_EQ(m.publisher, "市住建局");  // the meta tag before the block's 发布机构
  EXPECT_EQ(m.index_number, "11330000/2024-00012");
  EXPECT_EQ(m.doc_number, "某建发〔2024〕12号");
  EXPECT_EQ(m.issue_date, "2024-03-05");
}

TEST(HtmlMetadata, ItemsWrittenInTheText) {
  auto p = read("<html><body><ul class=\"doc-info\"><li>[索引号] 000014349/2024-00047</li>"
                "<li>[发文字号] <span>京教函〔2024〕8号</span></li><li>[成文日期] <span>2024-07-09</span></li></ul>"
                "<div class=\"info\">备注/文号：沙政规〔2022〕3号</div>" +
                std::string("<div>") + kArticle + "</div></body></html>");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p.value().metadata.index_number, "000014349/2024-00047");
  EXPECT_EQ(p.value().metadata.doc_number, "京教函〔2024〕8号");
  EXPECT_EQ(p.value().metadata.issue_date, "2024-07-09");
}

TEST(HtmlMetadata, ABlockInsideTheArticleIsReadToo) {
  auto p = read("<html><body><div class=\"content\"><table><tr><td>发文字号：</td><td>某建发〔2024〕9号</td></tr>"
                "<tr><td>成文日期：</td><td>2024年03月05日</td></tr></table>" + std::string(kArticle) + "</div></body></html>");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p.value().metadata.doc_number, "某建发〔2024〕9号");
  EXPECT_EQ(p.value().metadata.issue_date, "2024年03月05日");
}

TEST(HtmlMetadata, ABlockHiddenUntilScriptsRunIsStillRead) {
  auto p = read("<html><body><div style=\"display:none\"><table><tr><td>文号:</td><td>杭房〔2020〕2号</td>"
                "<td>公开日期:</td><td>2020-09-04</td></tr></table></div><div>" + std::string(kArticle) + "</div></body></html>");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p.value().metadata.doc_number, "杭房〔2020〕2号");
  EXPECT_EQ(p.value().metadata.publish_date, "2020-09-04");
}

TEST(HtmlAttachments, LinksToFilesAfterTheArticleButNotTheRelatedLinksOrTheOwnCopy) {
  auto p = read(page("<meta charset=\"utf-8\">", kArticle,
                     "<ul class=\"fujian\"><li><a href=\"./W0201.docx\">附件1：检查情况汇总表.docx</a></li>"
                     "<li><a href=\"./W0202.pdf?v=2\">附件2：房屋安全检查要点</a></li>"
                     "<li><a href=\"./W0203.pdf\">公报PDF</a></li>"
                     "<li><a href=\"./W0204.pdf\">关于开展安全检查的通知</a></li></ul>"));
  ASSERT_TRUE(p.ok());
  const auto& a = p.value().attachments;
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].name, "检查情况汇总表");
  EXPECT_EQ(a[0].href, "./W0201.docx");
  EXPECT_EQ(a[1].name, "房屋安全检查要点");
}

// ---- the record from a page's metadata

TEST(HtmlRecord, TheBlocksNumberDateAndLinkedFilesStandInForWhatTheBodyLacks) {
  auto record = engine().parseBytes(
      page("<meta charset=\"utf-8\"><meta name=\"ArticleTitle\" content=\"关于开展安全检查的通知\">", kArticle,
           "<ul><li><a href=\"./W0201.docx\">附件1：检查情况汇总表</a></li></ul>"),
      "p.html", {});
  ASSERT_TRUE(record.ok()) << record.error().message;
  const json& r = record.value();
  EXPECT_EQ(r["doc_number"]["text"], "某建发〔2024〕12号");
  EXPECT_EQ(r["title"], "关于开展安全检查的通知");
  EXPECT_EQ(r["issue_date"], "2024-03-05");
  ASSERT_EQ(r["attachments"].size(), 1u);
  EXPECT_EQ(r["attachments"][0]["title"], "检查情况汇总表");
  EXPECT_EQ(r["recipients"][0], "各区住房和城乡建设局");
  // A value from the metadata is not in the record's text: it has no provenance.
  EXPECT_FALSE(r["provenance"].contains("/doc_number"));
}

// The article with an 附件说明 before its signature.
std::string withAttachmentNote() {
  std::string a = kArticle;
  return a.insert(a.find("<p style=\"text-align: right;\">"), "<p>　　附件：检查要点</p>");
}

TEST(HtmlRecord, TheBodysOwnValuesComeFirst) {
  auto record = engine().parseBytes(
      page("<meta charset=\"utf-8\">",
           std::string("<p align=\"center\">某建函〔2024〕30号</p>") + withAttachmentNote(),
           "<ul><li><a href=\"./W0201.docx\">附件1：检查情况汇总表</a></li></ul>"),
      "p.html", {});
  ASSERT_TRUE(record.ok());
  EXPECT_EQ(record.value()["doc_number"]["text"], "某建函〔2024〕30号");
  // The text lists its attachments: the links add nothing.
  ASSERT_EQ(record.value()["attachments"].size(), 1u);
  EXPECT_EQ(record.value()["attachments"][0]["title"], "检查要点");
}

TEST(HtmlRecord, AnIssuerOnItsOwnLineOverTheTitleOpensIt) {
  auto record = engine().parseBytes(
      "<html><body><div>"
      "<p style=\"text-align:center\">东营市住房公积金管理委员会</p>"
      "<p style=\"text-align:center\">关于支持多子女家庭使用住房公积金的通知</p><p><br></p>" +
          std::string(kArticle).substr(std::string(kArticle).find("<p>　　为")) + "</div></body></html>",
      "p.html", {});
  ASSERT_TRUE(record.ok());
  EXPECT_EQ(record.value()["title"], "东营市住房公积金管理委员会关于支持多子女家庭使用住房公积金的通知");
}

TEST(HtmlRecord, ATitleOverTwoCentredLinesIsOneTitle) {
  auto record = engine().parseBytes(
      "<html><body><div>"
      "<p align=\"center\">关于印发进一步做好近期促进消费工作</p><p align=\"center\">若干措施的通知</p>" +
          std::string(kArticle) + "</div></body></html>",
      "p.html", {});
  ASSERT_TRUE(record.ok());
  EXPECT_EQ(record.value()["title"], "关于印发进一步做好近期促进消费工作若干措施的通知");
}

// ---- bad input

TEST(HtmlBadInput, APageWithNoArticleGivesItsTextWithAWarning) {
  auto record = engine().parseBytes("<html><body><ul><li><a href=\"/\">首页</a></li><li><a href=\"/b\">网站地图</a></li></ul>"
                                    "<div>欢迎访问</div></body></html>",
                                    "nav.html", {});
  ASSERT_TRUE(record.ok()) << record.error().message;
  bool warned = false;
  for (const auto& w : record.value()["warnings"]) warned = warned || w["code"] == "no_article";
  EXPECT_TRUE(warned) << record.value()["warnings"].dump();
}

TEST(HtmlBadInput, APageWithNoTextIsAnError) {
  auto p = read("<html><head><title>空白</title></head><body><script>x()</script></body></html>");
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.error().code, ErrorCode::kEmptyInput);
}

TEST(HtmlBadInput, AFiftyMegabytePageIsRefusedWithAMessage) {
  std::string huge = "<html><body><div>" + std::string(50u << 20, 'x') + "</div></body></html>";
  auto record = engine().parseBytes(huge, "huge.html", {});
  ASSERT_FALSE(record.ok());
  EXPECT_EQ(record.error().code, ErrorCode::kTooLarge);
  EXPECT_NE(record.error().message.find("web page"), std::string::npos) << record.error().message;
}

TEST(HtmlBadInput, DeeplyNestedTagsAreReadInBoundedTime) {
  std::string deep = "<html><body>";
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  deep += "<p>为切实加强房屋使用安全管理，防范化解安全风险，现将有关事项通知如下。</p>";
  for (int i = 0; i < 100000; ++i) deep += "</div>";
  deep += "</body></html>";
  auto start = std::chrono::steady_clock::now();
  auto p = read(deep);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 10.0);
  if (p.ok()) {
    bool found = false;
    for (const auto& l : lines(p.value())) found = found || l.find("房屋使用安全管理") != std::string::npos;
    EXPECT_TRUE(found);
  } else {
    EXPECT_FALSE(p.error().message.empty());
  }
}

TEST(HtmlBadInput, AnEntityBombIsNotExpanded) {
  std::string bomb = "<!DOCTYPE html [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                     "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
                     "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">"
                     "<!ENTITY ext SYSTEM \"file:///etc/passwd\">]>"
                     "<html><body><p>各有关单位：&f;&f;&f;&f;&f;&ext;</p><p>为切实加强房屋使用安全管理，现将有关事项通知如下。</p></body></html>";
  auto p = read(bomb);
  if (!p.ok()) return;  // refusing it is as good as not expanding it
  size_t total = 0;
  for (const auto& l : lines(p.value())) {
    total += l.size();
    EXPECT_EQ(l.find("root:"), std::string::npos);
  }
  EXPECT_LT(total, 10000u);
}

}  // namespace
}  // namespace notice
