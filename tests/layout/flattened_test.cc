// A web copy whose line breaks were lost, cut again at the spaces that stood for them.
#include "layout/flattened.h"

#include "extract/text_source.h"
#include "test_support.h"

namespace notice {
namespace {

std::vector<std::string> lines(const std::string& text) {
  auto pages = readTextExport(text, testing::grammar());
  EXPECT_TRUE(pages.ok());
  PageText p = std::move(pages.value());
  splitFlattenedLines(p, testing::grammar());
  std::vector<std::string> out;
  for (const auto& page : p.pages) for (const auto& line : page.lines) out.push_back(line.pieces.front().text);
  return out;
}

const std::string kBody =
    "为贯彻落实纲要精神，推动职业教育改革创新，提高技能型人才培养质量，教育部决定2011年继续举办中等职业学校校长"
    "改革创新战略专题研究班，培训对象为国家级重点中等职业学校主管教学工作的校长，请各市教育局按照通知要求组织有关校长参加培训，"
    "各校要积极支持有关校长参加培训，妥善安排参培校长工作，确保参培校长保质保量完成学习任务。";

TEST(Flattened, AWholeNoticeOnOneLineIsCutAtItsParagraphSpaces) {
  auto got = lines("关于参加研究班的通知 各市教育局: " + kBody + " 本专题研究班全年分8期进行，于5月25日前报省教育厅。"
                   " 附件1:报名汇总表 二O一一年五月六日 |\n");
  EXPECT_EQ(got, (std::vector<std::string>{"关于参加研究班的通知", "各市教育局:", kBody,
                                           "本专题研究班全年分8期进行，于5月25日前报省教育厅。", "附件1:报名汇总表",
                                           "二O一一年五月六日", "|"}));
}

TEST(Flattened, AParagraphWithConvertersSpacesStaysWhole) {
  // Spaces after digits ("2011 年"), and a short line, are no paragraph breaks.
  std::string para = "请于2011 年5 月25 日前报送。" + kBody;
  EXPECT_EQ(lines(para + "\n"), (std::vector<std::string>{para}));
  EXPECT_EQ(lines("庆建党百年华诞 谱终身学习新篇\n"), (std::vector<std::string>{"庆建党百年华诞 谱终身学习新篇"}));
}

TEST(Flattened, AMastheadAndItsNumberOnOneLineAreTwoLines) {
  EXPECT_EQ(lines("江苏省教育厅办公室文件 苏教办职[2011]3号\n"),
            (std::vector<std::string>{"江苏省教育厅办公室文件", "苏教办职[2011]3号"}));
  EXPECT_EQ(lines("关于转发文件 苏教办职[2011]3号的通知\n"), (std::vector<std::string>{"关于转发文件 苏教办职[2011]3号的通知"}));
}

}  // namespace
}  // namespace notice
