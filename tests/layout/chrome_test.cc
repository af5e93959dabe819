// Page chrome of web copies, in the forms government sites print it, set apart before reading.
#include "layout/chrome.h"

#include "extract/text_source.h"
#include "test_support.h"

namespace notice {
namespace {

using testing::grammar;

// The lines that remain, one string each.
std::vector<std::string> kept(const std::string& text) {
  auto pages = readTextExport(text, grammar());
  EXPECT_TRUE(pages.ok());
  PageText p = std::move(pages.value());
  setChromeApart(p, grammar());
  std::vector<std::string> out;
  for (const auto& page : p.pages) {
    for (const auto& line : page.lines) {
      std::string t;
      for (size_t i = 0; i < line.pieces.size(); ++i) t += (i ? " " : "") + line.pieces[i].text;
      out.push_back(t);
    }
  }
  return out;
}

TEST(Chrome, PublicationMetadataLinesAreFurniture) {
  for (const char* chrome : {"点击次数: 546 更新时间:2017-04-27", "2024-03-26       浏览人数:",
                             "发布日期:2023-03-21访问次数: 信息来源:东阳市人民政府办公室",
                             "2024-08-19 08:33:16来源:", "发布时间:2023-04-17   浏览量:2553",
                             "【字号 日期:2016-12-13 10:05:33", "07.07.2017  20:38", "访问人数: 12781067",
                             "发布时间：2017年04月19日 稿件来源:长沙教育网", "【来源:】【作者:】【2011-5-6】【打印】【关闭】 |",
                             "[打印此页] [关闭本页]", "|", "上一篇：关于做好2024年春节放假的通知",
                             "主办单位：某市人民政府办公室  网站标识码：1234000001  皖ICP备05003399号",
                             "归档时间:2018-11-21", "视力保护色:", "【无障碍】【繁體】"}) {
    EXPECT_EQ(kept(std::string("各市教育局：\n") + chrome + "\n现将有关事项通知如下。\n"),
              (std::vector<std::string>{"各市教育局：", "现将有关事项通知如下。"}))
        << chrome;
  }
}

TEST(Chrome, TheNoticesOwnLabelledLinesStay) {
  // A 成文日期, a time heading, a source of funds, a contact: the notice's, not the site's.
  for (const char* line : {"2024年3月25日", "时间：2026年5月11日—17日", "资金来源：省级财政专项", "联系人：张三",
                           "（一）时间安排", "时间：", "二、报送时间：5月20日前"}) {
    EXPECT_EQ(kept(std::string("各市教育局：\n") + line + "\n"), (std::vector<std::string>{"各市教育局：", line}))
        << line;
  }
}

TEST(Chrome, HeadlineLosesTheSitesName) {
  EXPECT_EQ(kept("延边朝鲜族自治州人民政府办公室关于2024年州庆放假的通告 -凯发地址首页app\n2024-08-19 08:33:16来源:\n"
                 "根据规定，现将放假安排通告如下：\n")
                .front(),
            "延边朝鲜族自治州人民政府办公室关于2024年州庆放假的通告");
  EXPECT_EQ(kept("关于做好防汛工作的通知_某某市人民政府网\n各县区：\n").front(), "关于做好防汛工作的通知");
  EXPECT_EQ(kept("《转发市政府办公厅关于印发学前教育行动计划(2017-2020年)的通知》\n各县区：\n").front(),
            "转发市政府办公厅关于印发学前教育行动计划(2017-2020年)的通知");
  // A title with a dash of its own keeps it.
  EXPECT_EQ(kept("关于印发《2023—2025年行动方案》的通知\n各县区：\n").front(), "关于印发《2023—2025年行动方案》的通知");
}

TEST(Chrome, HeadlineRepeatedByTheDocumentsOwnTitleIsReadOnce) {
  EXPECT_EQ(kept("关于征集优秀绘画作品的通知\n发布时间:2023-04-17 浏览量:2553\n蒲城县教育局\n关于征集优秀绘画作品的通知\n各片区：\n"),
            (std::vector<std::string>{"蒲城县教育局", "关于征集优秀绘画作品的通知", "各片区："}));
  // The document's title set over two lines, its issuer before it.
  EXPECT_EQ(kept("关于征集优秀绘画作品的通知\n蒲城县教育局关于征集优秀\n绘画作品的通知\n各片区：\n"),
            (std::vector<std::string>{"蒲城县教育局关于征集优秀", "绘画作品的通知", "各片区："}));
  // A title that appears once stays.
  EXPECT_EQ(kept("关于征集优秀绘画作品的通知\n各片区：\n").front(), "关于征集优秀绘画作品的通知");
}

TEST(Chrome, HeadlineLosesTheSitesTag) {
  EXPECT_EQ(kept("[已废止]大连市人民政府办公室关于加强房地产市场调控的通知\n各区市县人民政府：\n").front(),
            "大连市人民政府办公室关于加强房地产市场调控的通知");
  // Repeated by the document's own title once the tag is gone.
  EXPECT_EQ(kept("【稳经济大盘一揽子政策】关于印发促进消费若干措施的通知\n关于印发促进消费若干措施的通知\n各市人民政府：\n"),
            (std::vector<std::string>{"关于印发促进消费若干措施的通知", "各市人民政府："}));
  // A bracket that opens a line of the notice is no tag.
  EXPECT_EQ(kept("【2024】年度工作要点如下\n各县区：\n").front(), "【2024】年度工作要点如下");
}

}  // namespace
}  // namespace notice
