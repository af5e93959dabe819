#include "fields/parties.h"
#include "test_support.h"

namespace notice {
namespace {

using testing::grammar;

struct DocNumberCase { const char* written; const char* text; const char* prefix; int year; int serial; };

TEST(ParseDocNumber, PrefixesAndEveryBracket) {
  const DocNumberCase cases[] = {
      {"晋教职成函〔2026〕53号", "晋教职成函〔2026〕53号", "晋教职成函", 2026, 53},
      {"京教职成〔2023〕5号", "京教职成〔2023〕5号", "京教职成", 2023, 5},
      {"苏教办职〔2022〕12号", "苏教办职〔2022〕12号", "苏教办职", 2022, 12},
      {"教职成厅函〔2021〕20号", "教职成厅函〔2021〕20号", "教职成厅函", 2021, 20},
      {"皖教秘职成[2026]23号", "皖教秘职成〔2026〕23号", "皖教秘职成", 2026, 23},
      {"晋教职成函﹝2026﹞53号", "晋教职成函〔2026〕53号", "晋教职成函", 2026, 53},
      {"赣教职成字〖2025〗6号", "赣教职成字〔2025〕6号", "赣教职成字", 2025, 6},
      {"国办发（2020）45号", "国办发〔2020〕45号", "国办发", 2020, 45},
      {"教职成【2026】1号", "教职成〔2026〕1号", "教职成", 2026, 1},
      {"晋教职成函 〔 2021 〕 065 号", "晋教职成函〔2021〕65号", "晋教职成函", 2021, 65},
  };
  for (const auto& c : cases) {
    auto dn = parseDocNumber(c.written, grammar());
    ASSERT_TRUE(dn.has_value()) << c.written;
    EXPECT_EQ((*dn)["text"], c.text) << c.written;
    EXPECT_EQ((*dn)["prefix"], c.prefix) << c.written;
    EXPECT_EQ((*dn)["year"], c.year) << c.written;
    EXPECT_EQ((*dn)["serial"], c.serial) << c.written;
  }
}

TEST(ParseDocNumber, TheFormOfAnAnnouncement) {
  auto dn = parseDocNumber("国家税务总局公告2025年第17号", grammar());
  ASSERT_TRUE(dn.has_value());
  EXPECT_EQ((*dn)["text"], "国家税务总局公告2025年第17号");
  EXPECT_EQ((*dn)["prefix"], "国家税务总局公告");
  EXPECT_EQ((*dn)["year"], 2025);
  EXPECT_EQ((*dn)["serial"], 17);
  auto r = testing::engine().parseBytes("国家税务总局\n国家税务总局公告2025年第17号\n国家税务总局关于优化纳税服务的公告\n现将有关事项公告如下：\n",
                                        "t.txt", {});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.value()["doc_number"]["text"], "国家税务总局公告2025年第17号");
  EXPECT_EQ(r.value()["title"], "国家税务总局关于优化纳税服务的公告");
  EXPECT_EQ(r.value()["year"], 2025);
}

TEST(ParseDocNumber, NotANumber) {
  EXPECT_FALSE(parseDocNumber("2026年5月9日", grammar()).has_value());
  EXPECT_FALSE(parseDocNumber("第三十号", grammar()).has_value());
}

}  // namespace
}  // namespace notice
