// The text source on damaged exports: control characters, mixed with real text.
#include "extract/text_source.h"
#include "test_support.h"

namespace notice {
namespace {

bool hasWarning(const nlohmann::json& record, const std::string& code) {
  for (const auto& w : record["warnings"]) {
    if (w["code"] == code) return true;
  }
  return false;
}

// One vertical tab (Word's manual line break) or a stray NUL/ESC used to reject the export.
TEST(TextSource, AFewControlCharactersAreReadNotRefused) {
  std::string text = "关于举办活动的通知\n各市教育局：\v现将有关事项通知如下。\n";
  text += std::string(1, '\0') + "一、活动时间\n2026年5月10日至16日。\x1b\n";
  for (int i = 0; i < 20; ++i) text += "请各地认真组织，按时报送材料。\n";
  auto record = testing::engine().parseBytes(text, "ctl.txt", {});
  ASSERT_TRUE(record.ok()) << record.error().message;
  EXPECT_EQ(record.value()["title"], "关于举办活动的通知");
  EXPECT_TRUE(hasWarning(record.value(), "control_characters")) << record.value()["warnings"].dump();
  // The vertical tab broke the line: the 主送 stands alone.
  EXPECT_EQ(record.value()["recipients"], nlohmann::json({"各市教育局"}));
}

TEST(TextSource, BinaryIsRefusedNamingTheFirstControlByte) {
  std::string bytes;
  for (int i = 0; i < 400; ++i) bytes += std::string("ab\x01\x02", 4);
  auto pages = readTextExport(bytes, testing::grammar());
  ASSERT_FALSE(pages.ok());
  EXPECT_EQ(pages.error().code, ErrorCode::kNotText);
  EXPECT_NE(pages.error().message.find("0x01 at byte 2"), std::string::npos) << pages.error().message;
}

}  // namespace
}  // namespace notice
