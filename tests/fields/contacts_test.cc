#include "fields/contacts.h"
#include "test_support.h"

namespace notice {
namespace {

using nlohmann::json;
using testing::parseNotice;

TEST(NormalizePhone, SeparatorsAndAreaCodes) {
  EXPECT_EQ(normalizePhone("0351-3806842"), "0351-3806842");
  EXPECT_EQ(normalizePhone("0351—3806842"), "0351-3806842");
  EXPECT_EQ(normalizePhone("0351 - 3806842"), "0351-3806842");
  EXPECT_EQ(normalizePhone("(0551)62831846"), "(0551)62831846");
  EXPECT_EQ(normalizePhone("（0551） 62831846"), "(0551)62831846");
  EXPECT_EQ(normalizePhone("13653575111"), "13653575111");
}

TEST(Contacts, TwoPeopleOnOneLineShareThePhone) {
  json r = parseNotice("联系人及联系方式：贾琪华 柴鹏 0351-3046534");
  ASSERT_EQ(r["contacts"].size(), 2u) << r["contacts"].dump();
  EXPECT_EQ(r["contacts"][0]["name"], "贾琪华");
  EXPECT_EQ(r["contacts"][1]["name"], "柴鹏");
  EXPECT_EQ(r["contacts"][1]["phones"], json({"0351-3046534"}));
  EXPECT_TRUE(r["contacts"][0]["org"].is_null());
}

TEST(Contacts, EachPersonWithTheirOwnNumberOnOneLine) {
  json r = parseNotice("联系人：王强，025-83335123；李娜，13912345678，lina@jsjyt.gov.cn。");
  ASSERT_EQ(r["contacts"].size(), 2u) << r["contacts"].dump();
  EXPECT_EQ(r["contacts"][0]["name"], "王强");
  EXPECT_EQ(r["contacts"][0]["phones"], json({"025-83335123"}));
  EXPECT_TRUE(r["contacts"][0]["emails"].empty());
  EXPECT_EQ(r["contacts"][1]["name"], "李娜");
  EXPECT_EQ(r["contacts"][1]["phones"], json({"13912345678"}));
  EXPECT_EQ(r["contacts"][1]["emails"], json({"lina@jsjyt.gov.cn"}));
  // Two names before one number still share it.
  json shared = parseNotice("联系人：贾琪华、柴鹏，0351-3046534。");
  ASSERT_EQ(shared["contacts"].size(), 2u) << shared["contacts"].dump();
  EXPECT_EQ(shared["contacts"][0]["phones"], json({"0351-3046534"}));
}

TEST(Contacts, UnderAContactsHeadingWithoutTheWord联系人) {
  json r = parseNotice("三、联系方式\n\n请各地及时沟通。\n\n省教育厅职成处：张伟，020-37626123，zhangwei@gdedu.gov.cn\n\n"
                       "李娜，13912345678");
  ASSERT_EQ(r["contacts"].size(), 2u) << r["contacts"].dump();
  EXPECT_EQ(r["contacts"][0], json({{"name", "张伟"}, {"org", "省教育厅职成处"}, {"phones", {"020-37626123"}},
                                    {"emails", {"zhangwei@gdedu.gov.cn"}}}));
  EXPECT_EQ(r["contacts"][1]["name"], "李娜");
  EXPECT_TRUE(r["contacts"][1]["org"].is_null());
  // The same line outside such a section is not read as a contact.
  json outside = parseNotice("一、工作要求\n\n省教育厅职成处：张伟，020-37626123");
  EXPECT_TRUE(outside["contacts"].empty()) << outside["contacts"].dump();
}

TEST(Contacts, AUnitWrittenBeforeTheNamesIsTheirUnit) {
  json r = parseNotice("联系人：职成司 赵六 010-66096123");
  ASSERT_EQ(r["contacts"].size(), 1u) << r["contacts"].dump();
  EXPECT_EQ(r["contacts"][0], json({{"name", "赵六"}, {"org", "职成司"}, {"phones", {"010-66096123"}}, {"emails", json::array()}}));
}

TEST(Contacts, BlockWithUnitPhonesAndEmail) {
  json r = parseNotice("省教育厅职成处联系人：霍秀东、刘煌\n\n电话：13994286554      0351—3193088\n\n邮箱：huoxiudong@sxedc.com。");
  ASSERT_EQ(r["contacts"].size(), 2u) << r["contacts"].dump();
  for (const auto& c : r["contacts"]) {
    EXPECT_EQ(c["org"], "省教育厅职成处");
    EXPECT_EQ(c["phones"], json({"13994286554", "0351-3193088"}));
    EXPECT_EQ(c["emails"], json({"huoxiudong@sxedc.com"}));
  }
}

TEST(Contacts, OnePersonPerLineWithUnitInBrackets) {
  json r = parseNotice("联系人与联系方式：\n\n李绍荃（省教育厅职成处），(0551)62831846；\n\n闫龙春（亳州市教育局），0558-5125016，17756791555。");
  ASSERT_EQ(r["contacts"].size(), 2u) << r["contacts"].dump();
  EXPECT_EQ(r["contacts"][0]["name"], "李绍荃");
  EXPECT_EQ(r["contacts"][0]["org"], "省教育厅职成处");
  EXPECT_EQ(r["contacts"][0]["phones"], json({"(0551)62831846"}));
  EXPECT_EQ(r["contacts"][1]["phones"], json({"0558-5125016", "17756791555"}));
}

TEST(Contacts, InlineInAParagraphWithHonorific) {
  json r = parseNotice("启动活动将于5月11日举行。联系人：白老师，手机号：13653575111。");
  ASSERT_EQ(r["contacts"].size(), 1u) << r["contacts"].dump();
  EXPECT_EQ(r["contacts"][0]["name"], "白老师");
  EXPECT_TRUE(r["contacts"][0]["org"].is_null());
  EXPECT_EQ(r["contacts"][0]["phones"], json({"13653575111"}));
}

TEST(Contacts, PostcodeIsNotAPhoneAndBodyEmailsBelongToNoOne) {
  json r = parseNotice("材料报送至邮箱：report@example.com。\n\n中国成人教育协会联系人：关昀\n\n联系电话：010-58582114；邮编：100120");
  ASSERT_EQ(r["contacts"].size(), 1u) << r["contacts"].dump();
  EXPECT_EQ(r["contacts"][0]["phones"], json({"010-58582114"}));
  EXPECT_EQ(r["contacts"][0]["emails"], json::array());
}

TEST(Contacts, AnAreaCodeInBracketsRightAfterTheName) {
  json r = parseNotice("联系人：孙丽（0311）66005123");
  ASSERT_EQ(r["contacts"].size(), 1u) << r["contacts"].dump();
  EXPECT_EQ(r["contacts"][0]["name"], "孙丽");
  EXPECT_EQ(r["contacts"][0]["phones"], json({"(0311)66005123"}));
}

TEST(Contacts, UnitAndNameRunTogetherUnderAHeadingNumeral) {
  // A justified line loses the space between unit and name; the heading's numeral is no unit.
  json r = parseNotice("（二）联系人：省教育厅职成教处周敏，0571-88008123；浙江开放大学吴刚，13805712345。");
  EXPECT_EQ(r["contacts"], json::parse(R"([
      {"name":"周敏","org":"省教育厅职成教处","phones":["0571-88008123"],"emails":[]},
      {"name":"吴刚","org":"浙江开放大学","phones":["13805712345"],"emails":[]}])"));
}

TEST(Contacts, PhoneInBracketsAfterTheName) {
  json r = parseNotice("联系人：张三（0351-1234567），李四");
  ASSERT_EQ(r["contacts"].size(), 2u) << r["contacts"].dump();
  EXPECT_TRUE(r["contacts"][0]["org"].is_null());
  EXPECT_EQ(r["contacts"][0]["phones"], json({"0351-1234567"}));
}

TEST(Contacts, ALocalNumberAndA联系方式LineUnderTheNames) {
  json r = parseNotice("联系人：谢日光  刘汉森\n\n联系方式：(010)66097182、66096337（传真）\n\n电子邮箱：qggbb@moe.edu.cn");
  ASSERT_EQ(r["contacts"].size(), 2u) << r["contacts"].dump();
  for (const auto& c : r["contacts"]) {
    EXPECT_EQ(c["phones"], json({"(010)66097182", "66096337"}));
    EXPECT_EQ(c["emails"], json({"qggbb@moe.edu.cn"}));
  }
  r = parseNotice("联系人：教育厅职业教育处徐萍，电话：83335668，邮箱：xuping608@163.com。");
  ASSERT_EQ(r["contacts"].size(), 1u) << r["contacts"].dump();
  EXPECT_EQ(r["contacts"][0]["phones"], json({"83335668"}));
}

}  // namespace
}  // namespace notice
