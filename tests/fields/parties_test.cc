#include "fields/parties.h"
#include "test_support.h"

namespace notice {
namespace {

using nlohmann::json;
using testing::grammar;
using testing::parseNotice;

TEST(IssuerCount, ChineseNumeralsInTitles) {
  EXPECT_EQ(issuerCountOf("山西省教育厅等十一部门关于举办…的通知", grammar()).value(), 11);
  EXPECT_EQ(issuerCountOf("教育部等九部门关于办好…的通知", grammar()).value(), 9);
  EXPECT_EQ(issuerCountOf("某某厅等二十三部门关于…的通知", grammar()).value(), 23);
  EXPECT_FALSE(issuerCountOf("山西省教育厅关于举办…的通知", grammar()).has_value());
  // The count of a cited document is not this notice's.
  EXPECT_FALSE(issuerCountOf("X省教育厅关于转发《教育部等四部门关于做好防汛工作的通知》的通知", grammar()).has_value());
  EXPECT_FALSE(issuerCountOf("关于转发《教育部等四部门关于做好防汛工作的通知》的通知", grammar()).has_value());
}

TEST(TitleIssuer, TheBodyBeforeTheTitleTurnsToItsSubject) {
  EXPECT_EQ(titleIssuerOf("山西省教育厅等十一部门关于举办活动周的通知", grammar()).value(), "山西省教育厅");
  EXPECT_EQ(titleIssuerOf("X省教育厅关于转发《教育部等四部门关于做好防汛工作的通知》的通知", grammar()).value(), "X省教育厅");
  EXPECT_EQ(titleIssuerOf("南宁市教育局转发南宁市人民政府办公厅关于印发行动计划的通知", grammar()).value(), "南宁市教育局");
  EXPECT_FALSE(titleIssuerOf("关于转发《教育部等四部门关于做好防汛工作的通知》的通知", grammar()).has_value());
  EXPECT_FALSE(titleIssuerOf("道路临时交通管制公告", grammar()).has_value());
}

TEST(Province, FromTheIssuerOrThePrefix) {
  EXPECT_EQ(provinceOf("山西省教育厅", grammar()).value(), "山西省");
  EXPECT_EQ(provinceOf("中共安徽省委网信办", grammar()).value(), "安徽省");
  EXPECT_EQ(provinceOf("共青团山西省委", grammar()).value(), "山西省");
  EXPECT_EQ(provinceOf("中国共产党湖南省委员会", grammar()).value(), "湖南省");
  EXPECT_EQ(provinceOf("教育部办公厅", grammar()).value(), "全国");
  EXPECT_EQ(provinceOf("广西壮族自治区教育厅", grammar()).value(), "广西壮族自治区");
  EXPECT_EQ(provinceOfPrefix("皖教秘职成", grammar()).value(), "安徽省");
  EXPECT_FALSE(provinceOf("某某学校", grammar()).has_value());
}

TEST(SplitList, AtTopLevelSeparatorsOnly) {
  std::string text = "各市、省直管县(市)教育局,党委网信办，民政局（老龄办）；高等院校";
  std::vector<std::string> items;
  for (auto [b, e] : splitList(text)) items.push_back(text.substr(b, e - b));
  EXPECT_EQ(items, (std::vector<std::string>{"各市", "省直管县(市)教育局", "党委网信办", "民政局（老龄办）", "高等院校"}));
}

TEST(Issuers, MastheadWhenTheSignatureIsIncomplete) {
  std::string text =
      "甲省教育厅\n甲省民政厅\n甲省总工会\n\n甲教职成〔2026〕2号\n\n甲省教育厅等三部门关于举办活动周的通知\n\n各市教育局：\n\n正文。\n\n"
      "甲省教育厅\n\n2026年5月9日\n";
  auto r = testing::engine().parseBytes(text, "t.txt", {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value()["issuers"], json({"甲省教育厅", "甲省民政厅", "甲省总工会"}));
  EXPECT_EQ(r.value()["issuer_count"], 3);
}

TEST(Issuers, TitleBodyAndAWarningWhenNeitherNamesAll) {
  json r = parseNotice("正文。", "山西省教育厅等十二部门关于办好活动周的通知");
  EXPECT_EQ(r["issuers"], json({"山西省教育厅"}));
  bool warned = false;
  for (const auto& w : r["warnings"]) warned = warned || w["code"] == "issuer_count_mismatch";
  EXPECT_TRUE(warned);
}

TEST(Issuers, SignatureRowsSplitAtSpacesAndWrappedNamesJoined) {
  std::string text =
      "山西省教育厅\n\n晋教职成函〔2026〕9号\n\n山西省教育厅等四部门关于举办活动周的通知\n\n各市教育局：\n\n正文。\n\n"
      "山西省教育厅 中共山西省委网信办\n\n山西省网信办\n办公室\n\n共青团山西省委\n\n二〇二六年五月九日\n";
  auto r = testing::engine().parseBytes(text, "t.txt", {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value()["issuers"], json({"山西省教育厅", "中共山西省委网信办", "山西省网信办办公室", "共青团山西省委"}));
  EXPECT_EQ(r.value()["issue_date"], "2026-05-09");
}

TEST(Issuers, BodiesNamedByTheirShortNames) {
  // 工商联, 文联, 侨联: the short names of 联合会 end in 联.
  auto r = testing::engine().parseBytes(
      "证监会国资委全国工商联关于支持企业发展的通知\n\n各省、自治区、直辖市人民政府：\n\n正文。\n\n"
      "中国证监会 国资委 全国工商联\n\n2022年4月11日\n",
      "t.txt", {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value()["issuers"], json({"中国证监会", "国资委", "全国工商联"}));
}

}  // namespace
}  // namespace notice

namespace notice {
namespace {

TEST(References, ANumberInSmallTortoiseShellBrackets) {
  json r = testing::parseNotice("根据《教育部关于举办活动周的通知》（教职成函﹝2026﹞4号）要求。");
  ASSERT_EQ(r["references"].size(), 1u);
  EXPECT_EQ(r["references"][0]["doc_number"], "教职成函〔2026〕4号");
}

TEST(Printed, TheDateInChineseNumerals) {
  auto r = testing::engine().parseBytes(
      "山西省教育厅\n\n晋教职成函〔2026〕9号\n\n山西省教育厅关于报送材料的通知\n\n各市教育局：\n\n请认真落实。\n\n"
      "山西省教育厅\n\n2026年5月9日\n\n抄送：教育部职成司\n\n山西省教育厅办公室      二〇二六年五月十日印发\n",
      "printed.txt", {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value()["printed"], nlohmann::json::parse(R"({"org":"山西省教育厅办公室","date":"2026-05-10"})"));
  EXPECT_EQ(r.value()["cc"], nlohmann::json({"教育部职成司"}));
}

TEST(Issuers, ASignatureUnderAMembersSealWithoutTheSealsRemark) {
  auto r = testing::engine().parseBytes(
      "关于印发促进消费若干措施的通知\n\n各市人民政府：\n\n现将《促进消费若干措施》印发给你们，请认真组织实施。\n\n"
      "省促进消费体制机制厅际联席会议（代章）\n\n2022年1月26日\n",
      "seal.txt", {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value()["issuers"], nlohmann::json({"省促进消费体制机制厅际联席会议"}));
  EXPECT_EQ(r.value()["issue_date"], "2022-01-26");
}

TEST(Cc, AListThatEndsInItsSeparatorGoesOnOnTheNextLine) {
  const std::string head =
      "山西省教育厅\n\n晋教职成函〔2026〕9号\n\n山西省教育厅关于报送材料的通知\n\n各市教育局：\n\n请认真落实。\n\n"
      "山西省教育厅\n\n2026年5月9日\n\n";
  auto r = testing::engine().parseBytes(head + "抄送：教育部职成司，各处室，\n\n各有关高校\n\n"
                                        "山西省教育厅办公室      2026年5月10日印发\n",
                                        "cc.txt", {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value()["cc"], nlohmann::json({"教育部职成司", "各处室", "各有关高校"}));
  EXPECT_EQ(r.value()["printed"]["org"], "山西省教育厅办公室");
  // A list that ends without a separator ends there: the next line is not part of it.
  r = testing::engine().parseBytes(head + "抄送：教育部职成司\n\n山西省教育厅办公室\n\n2026年5月10日印发\n", "cc.txt", {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value()["cc"], nlohmann::json({"教育部职成司"}));
  EXPECT_EQ(r.value()["printed"]["org"], "山西省教育厅办公室");
}

}  // namespace
}  // namespace notice
