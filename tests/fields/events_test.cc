// Themes and event periods: under a 时间 heading, in running text with 拟定于, and in running
// text with the date before the verb.
#include "test_support.h"

namespace notice {
namespace {

using nlohmann::json;
using testing::parseNotice;

TEST(EventPeriods, UnderATimeHeading) {
  json r = parseNotice("一、活动时间\n\n2026年5月10日至16日。");
  ASSERT_EQ(r["event_periods"].size(), 1u) << r["event_periods"].dump();
  EXPECT_EQ(r["event_periods"][0], json({{"event", "职业教育活动周"}, {"start", "2026-05-10"}, {"end", "2026-05-16"}}));
}

TEST(EventPeriods, ScheduledInRunningText) {
  json r = parseNotice("经研究，活动周拟定于11月举办。");
  ASSERT_EQ(r["event_periods"].size(), 1u) << r["event_periods"].dump();
  EXPECT_EQ(r["event_periods"][0]["start"], "2026-11");
}

TEST(EventPeriods, TheDateBeforeTheVerbInRunningText) {
  json r = parseNotice("经研究，决定于2026年5月12日—18日举办2026年山西省职业教育活动周。现将有关事项通知如下。");
  ASSERT_EQ(r["event_periods"].size(), 1u) << r["event_periods"].dump();
  EXPECT_EQ(r["event_periods"][0], json({{"event", "职业教育活动周"}, {"start", "2026-05-12"}, {"end", "2026-05-18"}}));
  // A date before a verb that holds something else is not the week's period.
  json other = parseNotice("各地于5月20日前举办座谈会，交流经验。");
  EXPECT_TRUE(other["event_periods"].empty()) << other["event_periods"].dump();
  // Nor is the day of a ceremony mentioned in passing.
  json ceremony = parseNotice("省教育厅将于5月12日在太原市举办2026年山西省职业教育活动周启动仪式。");
  EXPECT_TRUE(ceremony["event_periods"].empty()) << ceremony["event_periods"].dump();
}

TEST(EventPeriods, TheActivityAtTheStartOfALongerTitleObject) {
  // 关于做好…职业教育活动周宣传工作的通知: the activity is the week; its time is under 宣传时间.
  json r = parseNotice("一、宣传时间\n\n2026年5月10日至5月16日。", "山西省教育厅关于做好2026年职业教育活动周宣传工作的通知");
  EXPECT_EQ(r["event_periods"], json::parse(R"([{"event":"职业教育活动周","start":"2026-05-10","end":"2026-05-16"}])"));
}

TEST(Themes, TheActivityWithoutTheVerbBeforeIt) {
  for (const char* title : {"山西省教育厅关于公布2026年职业教育活动周优秀案例名单的通知",
                            "山西省教育厅关于征集2026年职业教育活动周有关材料的通知",
                            "山西省教育厅关于推荐2026年职业教育活动周典型案例的通知"}) {
    json r = parseNotice("一、活动主题\n\n技能成就梦想", title);
    ASSERT_EQ(r["themes"].size(), 1u) << title;
    EXPECT_EQ(r["themes"][0]["event"], "职业教育活动周") << title;
  }
}

TEST(Themes, TwoActivitiesThemedInOneLine) {
  json r = parseNotice("一、活动主题\n\n职业教育活动周：技能点亮未来。全民终身学习活动周：让学习成为习惯。",
                       "山西省教育厅关于举办2026年职业教育活动周和全民终身学习活动周的通知");
  EXPECT_EQ(r["themes"], json::parse(R"([{"event":"职业教育活动周","theme":"技能点亮未来"},
                                          {"event":"全民终身学习活动周","theme":"让学习成为习惯"}])"));
  // A slogan of two sentences under one activity stays whole.
  json one = parseNotice("一、活动主题\n\n技能成就梦想。匠心铸就未来。");
  EXPECT_EQ(one["themes"], json::parse(R"([{"event":"职业教育活动周","theme":"技能成就梦想。匠心铸就未来"}])"));
}

}  // namespace
}  // namespace notice
