#include "test_support.h"

namespace notice {
namespace {

using nlohmann::json;
using testing::parseNotice;
using testing::parseText;

const char* kPeriod = "一、时间\n\n2026年5月11日—17日\n\n二、要求\n\n";

TEST(Deadlines, AbsoluteWithTheNoticeYear) {
  json r = parseNotice(std::string(kPeriod) + "各市5月20日前报送活动周工作总结，其中应包含统计数据。");
  ASSERT_EQ(r["deadlines"].size(), 1u) << r["deadlines"].dump();
  EXPECT_EQ(r["deadlines"][0]["date"], "2026-05-20");
  EXPECT_EQ(r["deadlines"][0]["action"], "报送活动周工作总结");
  EXPECT_TRUE(r["deadlines"][0]["relative"].is_null());
}

TEST(Deadlines, RelativeToTheEventsEnd) {
  json r = parseNotice(std::string(kPeriod) + "活动周结束后一周内，填报《情况统计表》（请从网站下载）。");
  ASSERT_EQ(r["deadlines"].size(), 1u) << r["deadlines"].dump();
  EXPECT_EQ(r["deadlines"][0]["date"], "2026-05-24");
  EXPECT_EQ(r["deadlines"][0]["relative"], "活动周结束后一周内");
  EXPECT_EQ(r["deadlines"][0]["action"], "填报《情况统计表》");
}

TEST(Deadlines, TheRelativePhraseWithoutItsConjunction) {
  json r = parseNotice("一、活动时间\n\n2026年5月11日至17日。\n\n二、工作要求\n\n各地于5月6日前报送方案，并于活动周结束后一周内报送工作总结。");
  ASSERT_EQ(r["deadlines"].size(), 2u) << r["deadlines"].dump();
  EXPECT_EQ(r["deadlines"][1]["relative"], "活动周结束后一周内");
  EXPECT_EQ(r["deadlines"][1]["date"], "2026-05-24");
}

TEST(Deadlines, WorkingDaysAfterTheEvent) {
  // The week ends on Sunday 2026-05-17; five working days later is Friday 2026-05-22.
  json r = parseNotice(std::string(kPeriod) + "活动结束后5个工作日内报送工作总结。");
  ASSERT_EQ(r["deadlines"].size(), 1u) << r["deadlines"].dump();
  EXPECT_EQ(r["deadlines"][0]["date"], "2026-05-22");
}

TEST(Deadlines, MonthsAfterTheEvent) {
  // The week ends on 2026-05-17; one calendar month later (grammars/durations.tsv).
  json r = parseNotice(std::string(kPeriod) + "活动结束后一个月内报送工作总结。");
  ASSERT_EQ(r["deadlines"].size(), 1u) << r["deadlines"].dump();
  EXPECT_EQ(r["deadlines"][0]["date"], "2026-06-17");
}

TEST(Deadlines, AWeekdayOrAnHourBetweenTheDateAnd前) {
  json r = parseNotice("请各市于2026年5月29日（星期五）前报送活动方案。\n\n各市须在6月5日(周五)17:00前将总结发送至邮箱。\n\n"
                       "请于2026年6月12日下班前报送统计表。\n\n请于6月15日下午5时前报送名单。");
  ASSERT_EQ(r["deadlines"].size(), 4u) << r["deadlines"].dump();
  EXPECT_EQ(r["deadlines"][0]["date"], "2026-05-29");
  EXPECT_EQ(r["deadlines"][0]["action"], "报送活动方案");
  EXPECT_EQ(r["deadlines"][1]["date"], "2026-06-05");
  EXPECT_EQ(r["deadlines"][1]["action"], "将总结发送至邮箱");
  EXPECT_EQ(r["deadlines"][2]["date"], "2026-06-12");
  EXPECT_EQ(r["deadlines"][3]["date"], "2026-06-15");
  EXPECT_EQ(r["deadlines"][3]["action"], "报送名单");
}

TEST(Deadlines, AWindowIsDueAtItsEnd) {
  json r = parseNotice("请各市于5月20日至25日期间报送活动方案。\n\n即日起至2026年6月5日，各校可登录平台填报数据。");
  ASSERT_EQ(r["deadlines"].size(), 2u) << r["deadlines"].dump();
  EXPECT_EQ(r["deadlines"][0]["date"], "2026-05-25");
  EXPECT_EQ(r["deadlines"][0]["action"], "报送活动方案");
  EXPECT_EQ(r["deadlines"][1]["date"], "2026-06-05");
  EXPECT_NE(r["deadlines"][1]["action"].get<std::string>().find("填报数据"), std::string::npos);
}

TEST(Deadlines, AnAbsoluteLimitInTheSameSentenceWins) {
  json r = parseNotice(std::string(kPeriod) +
                       "各市需在活动周结束后一周内将总结发送至邮箱：a@b.cn，最晚发送时间不迟于2026年12月1日。");
  ASSERT_EQ(r["deadlines"].size(), 1u) << r["deadlines"].dump();
  EXPECT_EQ(r["deadlines"][0]["date"], "2026-12-01");
  EXPECT_EQ(r["deadlines"][0]["relative"], "活动周结束后一周内");
}

TEST(Deadlines, TwoDutiesInOneSentence) {
  json r = parseNotice(std::string(kPeriod) + "活动周结束后一周内填报统计表（附件2），5月30日前报送活动周工作总结。");
  ASSERT_EQ(r["deadlines"].size(), 2u) << r["deadlines"].dump();
  EXPECT_EQ(r["deadlines"][0]["date"], "2026-05-24");
  EXPECT_EQ(r["deadlines"][0]["action"], "填报统计表");
  EXPECT_EQ(r["deadlines"][1]["date"], "2026-05-30");
}

TEST(Deadlines, MonthEndAndTenDayParts) {
  json r = parseNotice("各市10月底前报送方案。各校12月上旬提交总结。");
  ASSERT_EQ(r["deadlines"].size(), 2u) << r["deadlines"].dump();
  EXPECT_EQ(r["deadlines"][0]["date"], "2026-10-31");
  EXPECT_EQ(r["deadlines"][1]["date"], "2026-12-10");
}

TEST(Deadlines, UnresolvedRelativeDateIsNullWithAWarning) {
  json r = parseNotice("各市在活动周结束后一周内报送总结。");
  ASSERT_EQ(r["deadlines"].size(), 1u) << r["deadlines"].dump();
  EXPECT_TRUE(r["deadlines"][0]["date"].is_null());
  bool warned = false;
  for (const auto& w : r["warnings"]) warned = warned || w["code"] == "unresolved_date";
  EXPECT_TRUE(warned) << r["warnings"].dump();
}

TEST(Deadlines, ADateThatIsNotDueIsNoDeadline) {
  json r = parseNotice("启动活动将于5月11日在临汾市举行。");
  EXPECT_TRUE(r["deadlines"].empty()) << r["deadlines"].dump();
}

TEST(Deadlines, AnAsOfDateIsNoDeadline) {
  json r = parseNotice("拟定于4月10日组织试填报，报表内容为截至2026年3月底各地工作进展情况，请各地及时转发各市县。");
  EXPECT_TRUE(r["deadlines"].empty()) << r["deadlines"].dump();
}

TEST(Deadlines, ADateInAConditionIsNoDeadline) {
  // Who falls under the old rules: a 若 clause, and 的-phrases naming what was done by that day.
  json r = parseNotice("若10月19日前只是提交了资料，未递交业务申请登记的，10月19日（含）起按新政执行。以下情形可按旧政申请：\n\n"
                       "购买二手房：10月19日前在业务系统提交审核的。\n\n"
                       "凡5月31日前未报名的单位，视为自愿放弃。");
  EXPECT_TRUE(r["deadlines"].empty()) << r["deadlines"].dump();
  // A duty that follows a condition keeps its date; 如期 is no condition.
  r = parseNotice("如需调整，请于6月10日前报送调整方案。各单位要如期于6月20日前完成填报。");
  ASSERT_EQ(r["deadlines"].size(), 2u) << r["deadlines"].dump();
  EXPECT_EQ(r["deadlines"][0]["date"], "2026-06-10");
  EXPECT_EQ(r["deadlines"][1]["date"], "2026-06-20");
}

TEST(Deadlines, ATimeLimitIsDueAtItsEnd) {
  json r = parseNotice("取得资格人员办理本市常住户口时限为2026年7月21日至2028年12月31日，请安排好时间有序办理。");
  ASSERT_EQ(r["deadlines"].size(), 1u) << r["deadlines"].dump();
  EXPECT_EQ(r["deadlines"][0]["date"], "2028-12-31");
  // A period of validity is none.
  r = parseNotice("本办法有效期限为2026年1月1日至2028年12月31日。");
  EXPECT_TRUE(r["deadlines"].empty()) << r["deadlines"].dump();
}

TEST(Deadlines, ThoseWhoHadActedByTheDayAreACondition) {
  // A transition rule: a 的-phrase of what was already done by the day, then the rule for them.
  json r = parseNotice("2021年3月1日前，职工已提交提取申请，并经经办网点受理的，仍按原规定办理。"
                       "3月1日前已报名的单位，无需重复报名。");
  EXPECT_TRUE(r["deadlines"].empty()) << r["deadlines"].dump();
  // A duty whose object was done before (将已完成的…) keeps its date, and so does one followed by
  // a 的-phrase of its own (逾期未报送的).
  r = parseNotice("请于2021年5月10日前将已完成的项目清单报送市局，逾期未报送的，视为放弃。");
  ASSERT_EQ(r["deadlines"].size(), 1u) << r["deadlines"].dump();
  EXPECT_EQ(r["deadlines"][0]["date"], "2021-05-10");
}

TEST(Deadlines, TheReferenceDayOfAnAgeIsNoDeadline) {
  json r = parseNotice("年满六周岁的适龄儿童（2015年8月31日以前出生），可申请入学。"
                       "随迁子女年龄计算为：截至2024年1月1日（不含）不超过十八周岁。");
  EXPECT_TRUE(r["deadlines"].empty()) << r["deadlines"].dump();
  // A duty that hands in a birth certificate is one.
  r = parseNotice("请于2024年6月1日前报送出生医学证明复印件。");
  ASSERT_EQ(r["deadlines"].size(), 1u) << r["deadlines"].dump();
  EXPECT_EQ(r["deadlines"][0]["date"], "2024-06-01");
}

TEST(Deadlines, DueBeforeTheNewRulesApplyIsDueByTheDateOfEffect) {
  json r = parseNotice("经审议通过，2020年10月19日起，我市住房公积金贷款规定作出以下调整。\n\n"
                       "因此，若需执行旧政的，请职工本人或督促受理人员在通知发出后到新政执行前及时处理。");
  ASSERT_EQ(r["deadlines"].size(), 1u) << r["deadlines"].dump();
  EXPECT_EQ(r["deadlines"][0]["date"], "2020-10-19");
  EXPECT_EQ(r["deadlines"][0]["relative"], "新政执行前");
  // Without a date of effect in the notice, the phrase gives no deadline.
  r = parseNotice("请在新政执行前及时处理。");
  EXPECT_TRUE(r["deadlines"].empty()) << r["deadlines"].dump();
}

TEST(Deadlines, AnArrivalIsNoDuty) {
  json r = parseNotice("请各单位于7月10日下午5点前将报名回执反馈至省科技厅办公室。汉外单位代表请于7月13日中午12点前，到帅府饭店登记入住。");
  ASSERT_EQ(r["deadlines"].size(), 1u) << r["deadlines"].dump();
  EXPECT_EQ(r["deadlines"][0]["date"], "2026-07-10");
}

TEST(Deadlines, AWindowsCloseAndTheDutyDueThatDayAreOne) {
  json r = parseNotice("四、征集时间\n\n即日起至4月23日截止。\n\n五、参与方式\n\n每单位至少上交一份作品，并将作品于4月23日前交办公室。");
  ASSERT_EQ(r["deadlines"].size(), 1u) << r["deadlines"].dump();
  EXPECT_EQ(r["deadlines"][0]["date"], "2026-04-23");
}

TEST(Deadlines, TheYearOfTheTitleWhenTheNoticeStatesNoOther) {
  json r = parseText("关于开展2015年度讲科普活动的通知\n各市科协：\n请于11月中旬前将活动总结报至省科协科普部。\n");
  ASSERT_EQ(r["deadlines"].size(), 1u) << r["deadlines"].dump();
  EXPECT_EQ(r["deadlines"][0]["date"], "2015-11-20");
  EXPECT_TRUE(r["year"].is_null());  // the record's year stays the 发文字号's or 成文日期's
}

TEST(Deadlines, NoYearAnywhereIsNullWithAWarning) {
  json r = parseText("关于开展讲科普活动的通知\n各市科协：\n请于11月20日前将活动总结报至省科协科普部。\n");
  ASSERT_EQ(r["deadlines"].size(), 1u) << r["deadlines"].dump();
  EXPECT_TRUE(r["deadlines"][0]["date"].is_null());
  bool warned = false;
  for (const auto& w : r["warnings"]) warned = warned || w["code"] == "unresolved_date";
  EXPECT_TRUE(warned);
}

}  // namespace
}  // namespace notice
