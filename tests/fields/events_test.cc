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

// Periods of every genre: meetings, trainings, holidays, 公示 windows, traffic control.
json periodsOf(const std::string& body, const std::string& title) { return parseNotice(body, title)["event_periods"]; }

TEST(EventPeriods, AMeetingUnderItsTimeHeading) {
  json p = periodsOf("一、会议时间\n7月13日下午—7月14日上午。7月13日上午为会议报到时间。\n二、会议地点\n省科技厅六楼。",
                     "湖北省科技厅关于召开全省科技系统半年工作交流会的通知");
  ASSERT_EQ(p.size(), 1u) << p.dump();
  EXPECT_EQ(p[0], json({{"event", "全省科技系统半年工作交流会"}, {"start", "2026-07-13"}, {"end", "2026-07-14"}}));
  p = periodsOf("二、会议时间及地点\n2010年9月10日上午10:30-11:30(星期五)在省政府会展楼。", "关于召开表彰大会的紧急通知");
  ASSERT_EQ(p.size(), 1u) << p.dump();
  EXPECT_EQ(p[0]["start"], "2010-09-10");
  EXPECT_EQ(p[0]["end"], "2010-09-10");
  p = periodsOf("一、会议时间:2008年 10月9 日上午10:00(北京时间)\n二、会议地点:会议中心", "关于召开秋季造林动员大会的通知");
  ASSERT_EQ(p.size(), 1u) << p.dump();
  EXPECT_EQ(p[0]["start"], "2008-10-09");
  p = periodsOf("一、管制时间:2017年12月6日8:30—10:30。\n二、管制路段:海慧沟路。", "关于道路临时交通管制的通知");
  ASSERT_EQ(p.size(), 1u) << p.dump();
  EXPECT_EQ(p[0]["end"], "2017-12-06");
}

TEST(EventPeriods, AHolidayIsItsPeriod) {
  json p = periodsOf("放假时间为9月2日(星期一)至9月4日(星期三),共3天。8月31日(星期六)正常公休。", "关于2026年州庆放假的通知");
  ASSERT_EQ(p.size(), 1u) << p.dump();
  EXPECT_EQ(p[0]["start"], "2026-09-02");
  EXPECT_EQ(p[0]["end"], "2026-09-04");
  p = periodsOf("现将清明节放假调休日期安排通知如下：\n4月4日至6日放假调休,共3天。4月7日(星期日)上班。", "关于清明节放假安排的通知");
  ASSERT_EQ(p.size(), 1u) << p.dump();
  EXPECT_EQ(p[0]["start"], "2026-04-04");
  EXPECT_EQ(p[0]["end"], "2026-04-06");
}

TEST(EventPeriods, APublicityWindowInRunningText) {
  json p = periodsOf("遴选出了试点县10个,现予公示,时间为2023年10月7日至10月11日。", "关于试点县名单的通知");
  ASSERT_EQ(p.size(), 1u) << p.dump();
  EXPECT_EQ(p[0]["start"], "2023-10-07");
  EXPECT_EQ(p[0]["end"], "2023-10-11");
}

TEST(EventPeriods, ATrainingScheduledWithItsVenue) {
  json p = periodsOf("二、省级培训。定于3月31日(30日下午报到),在北京科技大学会议中心举办双月通报系统操作培训班,请各省选派1名人员参加。",
                     "关于建立双月通报制度的通知");
  ASSERT_EQ(p.size(), 1u) << p.dump();
  EXPECT_EQ(p[0], json({{"event", "双月通报系统操作培训班"}, {"start", "2026-03-31"}, {"end", "2026-03-31"}}));
}

TEST(EventPeriods, AWindowByItsDatesInRunningText) {
  json p = periodsOf("三、拟取得资格人员名单自2026年7月13日至20日在市政府门户网站公示。公示期满无异议的，取得资格。",
                     "关于公示及办理有关工作的通告");
  ASSERT_EQ(p.size(), 1u) << p.dump();
  EXPECT_EQ(p[0], json({{"event", "公示"}, {"start", "2026-07-13"}, {"end", "2026-07-20"}}));
  // A range that something else happens in is no window.
  EXPECT_TRUE(periodsOf("各单位于2026年7月13日至20日报送公示材料。", "关于报送材料的通知").empty());
}

TEST(EventPeriods, TimesThatAreNotTheEvents) {
  // A limit (即日起至), the time of arrival or registration, a heading over several topics.
  EXPECT_TRUE(periodsOf("四、征集时间\n即日起至4月23日截止。", "关于征集优秀绘画作品的通知").empty());
  // A date of effect (自…起) and a due date (…前) under a time heading.
  EXPECT_TRUE(periodsOf("一、调整时间\n自2025年7月1日起调整最低缴存基数。", "关于调整缴存基数的通知").empty());
  EXPECT_TRUE(periodsOf("一、征求意见时间\n2025年11月22日前。", "关于公开征求意见的通知").empty());
  // A range from a day on, and a day with its weekday, are times.
  EXPECT_EQ(periodsOf("一、活动时间\n5月12日起至5月18日。", "关于举办读书月的通知").size(), 1u);
  EXPECT_EQ(periodsOf("一、会议时间\n5月12日（星期二）上午9时。", "关于召开工作会议的通知").size(), 1u);
  EXPECT_TRUE(periodsOf("一、报到时间\n7月12日下午。", "关于召开工作交流会的通知").empty());
  EXPECT_TRUE(periodsOf("一、报名时间：5月6日至5月10日。", "关于举办培训班的通知").empty());
}

TEST(Themes, AsWrittenWithAnAsciiColonOrAs以X为主题) {
  json r = parseNotice("一、活动主题\n\n职业教育活动周:一技在手，一生无忧");
  ASSERT_EQ(r["themes"].size(), 1u) << r["themes"].dump();
  EXPECT_EQ(r["themes"][0], json({{"event", "职业教育活动周"}, {"theme", "一技在手，一生无忧"}}));
  r = parseNotice("一、主题: 技能点亮未来");
  ASSERT_EQ(r["themes"].size(), 1u) << r["themes"].dump();
  EXPECT_EQ(r["themes"][0]["theme"], "技能点亮未来");
  r = parseNotice("今年活动周以“技能点亮未来”为主题，组织开展系列活动。");
  ASSERT_EQ(r["themes"].size(), 1u) << r["themes"].dump();
  EXPECT_EQ(r["themes"][0]["theme"], "技能点亮未来");
}

}  // namespace
}  // namespace notice
