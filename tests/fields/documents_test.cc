// 附件说明 in the forms notices write it.
#include "test_support.h"

namespace notice {
namespace {

using nlohmann::json;
using testing::parseNotice;

std::vector<std::string> titles(const json& r) {
  std::vector<std::string> out;
  for (const auto& a : r["attachments"]) out.push_back(a["title"]);
  return out;
}

TEST(Attachments, OneLinePerAttachmentEachWithItsLabel) {
  json r = parseNotice("请按时报送。\n\n附件1:教育部《关于举办研究班的通知》\n\n附件2:研究班学员报名汇总表");
  EXPECT_EQ(titles(r), (std::vector<std::string>{"教育部《关于举办研究班的通知》", "研究班学员报名汇总表"}));
  EXPECT_EQ(r["attachments"][1]["index"], 2);
}

TEST(Attachments, AnItemThatRepeatsItsLabel) {
  json r = parseNotice("请按时报送。\n\n附件:1.附件1:工作进展情况双月报基表.xls\n\n2.附件2:填报说明");
  EXPECT_EQ(titles(r), (std::vector<std::string>{"工作进展情况双月报基表.xls", "填报说明"}));
}

}  // namespace
}  // namespace notice
