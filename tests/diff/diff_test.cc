// Comparisons, with expectations written from reading the notices (the hand labels stand in for
// records, so these tests do not depend on the parser).
#include <algorithm>
#include <filesystem>
#include <map>
#include <memory>
#include <set>

#include <unicode/brkiter.h>

#include "core/utf8.h"
#include "diff/diff.h"
#include "diff/duties.h"
#include "diff/han_words.h"
#include "diff/render.h"
#include "diff/roles.h"
#include "diff/words.h"
#include "test_support.h"

namespace notice {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::grammar;

json label(const std::string& name) {
  return json::parse(testing::readFile(testing::sourcePath("corpus/labels/" + name + ".json")));
}

std::vector<json> entries(const json& diff, const std::string& prefix) {
  std::vector<json> out;
  for (const auto& e : diff["fields"]) {
    if (e["path"].get<std::string>().rfind(prefix, 0) == 0) out.push_back(e);
  }
  return out;
}

json role(const json& diff, const std::string& name) {
  for (const auto& r : diff["issuers_by_role"]) if (r["role"] == name) return r;
  return nullptr;
}

TEST(Roles, AliasesAndProvincesLineUp) {
  RoleRegistry roles(grammar());
  EXPECT_EQ(roles.roleOf("省人社厅"), roles.roleOf("山西省人力资源和社会保障厅"));
  EXPECT_EQ(roles.roleOf("山西省人力资源和社会保障厅").value(), "人社");
  EXPECT_EQ(roles.roleOf("团省委").value(), "共青团");
  EXPECT_EQ(roles.roleOf("共青团安徽省委").value(), "共青团");
  EXPECT_EQ(roles.roleOf("安徽省人民政府国有资产监督管理委员会").value(), "国资");
  EXPECT_EQ(roles.roleOf("山西省国资委").value(), "国资");
  EXPECT_EQ(roles.roleOf("亳州市人民政府").value(), "地方人民政府");
  EXPECT_EQ(roles.roleOf("山西省民政厅").value(), "民政");
  EXPECT_EQ(roles.roleOf("山西省中华职教社").value(), "职教社");
  EXPECT_EQ(roles.roleOf("安徽省中华职业教育社").value(), "职教社");
  EXPECT_EQ(roles.roleOf("教育部办公厅").value(), "教育");
}

// The comparisons read none of kKeysNotCompared (so `notice diff` reads records without them):
// giving each record other values there changes neither the diff nor the series.
TEST(Diff, KeysNotComparedChangeNoComparison) {
  const std::vector<std::string> names = {"2021-shanxi-jjzc30", "2024-shanxi-jjzc30", "2026-shanxi-jjzc53",
                                          "2026-anhui-wjmzc23", "2021-shanxi-jjzc65"};
  std::vector<json> without, with;
  for (size_t i = 0; i < names.size(); ++i) {
    json r = label(names[i]);
    for (std::string_view key : kKeysNotCompared) r.erase(std::string(key));
    without.push_back(r);
    const std::string n = std::to_string(i);
    r["tables"] = json::array({{{"caption", "表" + n}, {"header", {"项目" + n}}, {"rows", {{"第" + n + "行"}}}}});
    r["embedded"] = json::array({label(names[(i + 1) % names.size()])});
    r["warnings"] = json::array({"warning " + n});
    with.push_back(r);
  }
  for (size_t i = 0; i < names.size(); ++i) {
    for (size_t j = 0; j < names.size(); ++j) {
      if (i == j) continue;
      EXPECT_EQ(diffRecords(with[i], with[j], grammar()).value(), diffRecords(without[i], without[j], grammar()).value())
          << names[i] << " → " << names[j];
    }
  }
  EXPECT_EQ(compareSeries(with, grammar()).value(), compareSeries(without, grammar()).value());
}

TEST(Diff, Shanxi2021To2026) {
  json d = diffRecords(label("2021-shanxi-jjzc30"), label("2026-shanxi-jjzc53"), grammar()).value();
  // Themes: the vocational week's slogan changed, the lifelong-learning week's was added.
  auto themes = entries(d, "/themes");
  ASSERT_EQ(themes.size(), 2u) << d["fields"].dump();
  EXPECT_EQ(themes[0]["op"], "changed");
  EXPECT_EQ(themes[0]["old"]["theme"], "技能：让生活更美好");
  EXPECT_EQ(themes[0]["new"]["theme"], "一技在手，一生无忧");
  EXPECT_EQ(themes[1]["op"], "added");
  EXPECT_EQ(themes[1]["new"]["event"], "全民终身学习活动周");
  // The week moved: 2021-05-22 → 2026-05-11 is 1815 days.
  auto periods = entries(d, "/event_periods");
  ASSERT_FALSE(periods.empty());
  EXPECT_EQ(periods[0]["op"], "changed");
  EXPECT_EQ(periods[0]["shift_days"], 1815);
  // Issuing bodies by role: 宣传 lost; 民政 and 退役军人事务 gained; 网信 kept under a new name.
  EXPECT_EQ(role(d, "宣传")["op"], "removed");
  EXPECT_EQ(role(d, "民政")["op"], "added");
  EXPECT_EQ(role(d, "退役军人事务")["op"], "added");
  EXPECT_EQ(role(d, "网信")["op"], "renamed");
  EXPECT_EQ(role(d, "教育")["op"], "same");
  // Deadlines are matched by duty: the form to fill in 2021 is the form to fill in 2026.
  bool formMatched = false;
  for (const auto& e : entries(d, "/deadlines")) {
    if (e["op"] == "changed" && e["old"]["action"].get<std::string>().find("填报") != std::string::npos) {
      formMatched = e["new"]["action"].get<std::string>().find("填报") != std::string::npos;
    }
  }
  EXPECT_TRUE(formMatched) << json(entries(d, "/deadlines")).dump();
  // The issuer count went from 10 to 11.
  auto count = entries(d, "/issuer_count");
  ASSERT_EQ(count.size(), 1u);
  EXPECT_EQ(count[0]["old"], 10);
  EXPECT_EQ(count[0]["new"], 11);
}

TEST(Diff, Shanxi2026AgainstAnhui2026LinesUpByRole) {
  json d = diffRecords(label("2026-shanxi-jjzc53"), label("2026-anhui-wjmzc23"), grammar()).value();
  for (const char* r : {"教育", "网信", "工信", "民政", "人社", "农业农村", "退役军人事务", "国资", "工会", "共青团", "职教社"}) {
    ASSERT_FALSE(role(d, r).is_null()) << r;
    EXPECT_EQ(role(d, r)["op"], "renamed") << r << ": " << role(d, r).dump();
  }
  EXPECT_EQ(role(d, "国资")["new"], json({"安徽省人民政府国有资产监督管理委员会"}));
  EXPECT_EQ(role(d, "地方人民政府")["op"], "added");
  // The 主送 lists line up by role too: the same bodies in other words.
  auto recipient = [&](const std::string& name) {
    for (const auto& r : d["recipients_by_role"]) if (r["role"] == name) return r;
    return json();
  };
  EXPECT_EQ(recipient("网信")["op"], "same");
  EXPECT_EQ(recipient("民政")["op"], "same");  // 民政局（老龄办） and 民政局(老龄办): brackets only
  EXPECT_EQ(recipient("人社")["op"], "renamed");
  EXPECT_EQ(recipient("人社")["new"], json({"人社局"}));
  EXPECT_EQ(recipient("共青团")["op"], "renamed");  // 团市委 → 团委
  EXPECT_EQ(recipient("职教社")["op"], "added");
  // Same themes in both provinces: no theme entry.
  EXPECT_TRUE(entries(d, "/themes").empty());
  // The weeks differ by a day: 2026-05-11 → 2026-05-10.
  auto periods = entries(d, "/event_periods");
  ASSERT_EQ(periods.size(), 2u);
  EXPECT_EQ(periods[0]["shift_days"], -1);
}

TEST(Diff, Shanxi2026AgainstAnhui2026DeadlinesByDuty) {
  json d = diffRecords(label("2026-shanxi-jjzc53"), label("2026-anhui-wjmzc23"), grammar()).value();
  // Both notices ask for the week's 总结 by 5月20日 (Anhui adds the 统计表 to it) and for the
  // lifelong-learning 汇总表 at the end of the year (Shanxi 11月30日, Anhui a day later).
  auto deadlines = entries(d, "/deadlines");
  ASSERT_EQ(deadlines.size(), 2u) << json(deadlines).dump();
  EXPECT_EQ(deadlines[0]["op"], "changed");
  EXPECT_EQ(deadlines[0]["old"]["date"], "2026-05-20");
  EXPECT_EQ(deadlines[0]["new"]["date"], "2026-05-20");
  EXPECT_EQ(deadlines[0]["shift_days"], 0);
  EXPECT_EQ(deadlines[1]["old"]["date"], "2026-11-30");
  EXPECT_EQ(deadlines[1]["new"]["date"], "2026-12-01");
  EXPECT_EQ(deadlines[1]["shift_days"], 1);
}

TEST(Diff, VocationalWeekAgainstLifelongLearningWeek2021) {
  json d = diffRecords(label("2021-shanxi-jjzc30"), label("2021-shanxi-jjzc65"), grammar()).value();
  // Two different weeks: the slogan of one is not a changed slogan of the other.
  auto themes = entries(d, "/themes");
  ASSERT_EQ(themes.size(), 2u) << json(themes).dump();
  EXPECT_EQ(themes[0]["op"], "removed");
  EXPECT_EQ(themes[0]["old"]["event"], "职业教育活动周");
  EXPECT_EQ(themes[1]["op"], "added");
  EXPECT_EQ(themes[1]["new"]["theme"], "庆建党百年华诞，谱终身学习新篇");
  // The lifelong-learning notice is the 教育厅's alone: the nine partners are gone.
  EXPECT_EQ(role(d, "教育")["op"], "same");
  for (const char* r : {"宣传", "网信", "人社", "工信", "农业农村", "国资", "工会", "共青团", "职教社"}) {
    ASSERT_FALSE(role(d, r).is_null()) << r;
    EXPECT_EQ(role(d, r)["op"], "removed") << r;
  }
  // The 活动方案 due 5月15日 became the 实施方案 due 10月15日: the same duty, 153 days later.
  bool planMatched = false;
  for (const auto& e : entries(d, "/deadlines")) {
    if (e["op"] == "changed" && e["old"]["date"] == "2021-05-15") {
      planMatched = e["new"]["date"] == "2021-10-15" && e["shift_days"] == 153;
    }
  }
  EXPECT_TRUE(planMatched) << json(entries(d, "/deadlines")).dump();
  // No issuer count in the new one (a single issuer): reported as removed, not as 0.
  auto count = entries(d, "/issuer_count");
  ASSERT_EQ(count.size(), 1u);
  EXPECT_EQ(count[0]["op"], "removed");
}

TEST(Duties, KindsAndLikeness) {
  DutyKinds duties(grammar());
  EXPECT_EQ(duties.of("报送活动周工作总结"), (std::set<std::string>{"总结"}));
  EXPECT_EQ(duties.of("提交《2026年职业教育活动周活动情况统计表》及职业教育活动总结"),
            (std::set<std::string>{"统计表", "总结"}));
  EXPECT_EQ(duties.of("将活动周实施方案报省教育厅职成处"), (std::set<std::string>{"方案"}));
  EXPECT_TRUE(duties.of("做好宣传工作").empty());
  EXPECT_GT(duties.likeness("报送活动周工作总结", "将工作总结发送至邮箱"), 0.7);
  EXPECT_LT(duties.likeness("报送活动周工作总结", "提交活动方案"), 0.3);
}

TEST(Duties, EveryRowCompiles) {
  for (const auto& row : grammar().table("duties")) {
    ASSERT_EQ(row.size(), 2u);
    EXPECT_TRUE(RE2(row[1]).ok()) << row[0];
  }
  for (const auto& row : grammar().table("agencies")) {
    ASSERT_GE(row.size(), 2u);
    EXPECT_TRUE(RE2(row[1]).ok()) << row[0];
  }
}

TEST(Diff, ARecordOutOfShapeIsAnErrorNotACrash) {
  json good = label("2026-shanxi-jjzc53");
  for (auto [key, value] : std::vector<std::pair<std::string, json>>{
           {"themes", "x"}, {"issuers", json::array({1, 2})}, {"doc_number", "abc"},
           {"sections", json::parse(R"([{"number":null,"title":"x"}])")}, {"source", json::parse(R"({"file":null})")},
           {"deadlines", json::parse(R"([{"date":5}])")}, {"provenance", json::parse(R"({"/title":{"chars":"x"}})")}}) {
    json bad = good;
    bad[key] = value;
    auto d = diffRecords(bad, good, grammar());
    ASSERT_FALSE(d.ok()) << key;
    EXPECT_EQ(d.error().code, ErrorCode::kBadRecord);
    EXPECT_NE(d.error().message.find("the old record is out of shape at /" + key), std::string::npos) << d.error().message;
    EXPECT_FALSE(compareSeries({good, bad}, grammar()).ok()) << key;
  }
  // Keys missing altogether are fine: an older or partial record.
  json partial{{"schema", "notice/1"}, {"title", "山西省教育厅关于举办活动周的通知"}};
  EXPECT_TRUE(diffRecords(partial, good, grammar()).ok());
}

// fuzz_record's first find (tests/fuzz/seeds/records/tiny-lists.json): keys missing inside the
// items of a partial record, and a 发文字号 without its text, read as absent in a series (they
// were read with operator[] of a const object: an assertion, or a read past the map, in release).
TEST(Series, KeysMissingInsideItemsAreAbsent) {
  json good = label("2026-shanxi-jjzc53");
  json partial = json::parse(R"({"schema":"notice/1","deadlines":[{"text":"x"}],"themes":[{"event":"a"}],
                                 "doc_number":{"prefix":"晋教职成函"}})");
  auto s = compareSeries({good, partial}, grammar());
  ASSERT_TRUE(s.ok()) << s.error().message;
  const json& row = s.value()["rows"][1];
  EXPECT_EQ(row["deadlines"], json::array({"? "})) << row.dump();
  EXPECT_TRUE(row["doc_number"].is_null()) << row.dump();
}

json sectionsRecord(std::vector<std::pair<std::string, std::string>> headings) {
  json r{{"sections", json::array()}};
  for (const auto& [number, title] : headings) r["sections"].push_back({{"number", number}, {"title", title}});
  return r;
}

TEST(Diff, SectionsAlignByContentNotByNumber) {
  json a = sectionsRecord({{"一", "指导思想"}, {"二", "活动时间安排"}, {"三", "主要活动内容"}, {"四", "组织保障措施"}});
  json b = sectionsRecord({{"一", "主要活动内容"}, {"二", "活动时间安排"}, {"三", "宣传报道工作"}, {"四", "组织保障措施"}});
  json d = diffRecords(a, b, grammar()).value();
  std::map<std::string, std::string> opOfOld;
  for (const auto& s : d["sections"]) {
    if (!s["old"].is_null()) opOfOld[s["old"]["title"]] = s["op"];
    if (s["op"] == "added") {
      EXPECT_EQ(s["new"]["title"], "宣传报道工作");
    }
  }
  EXPECT_EQ(opOfOld["指导思想"], "removed");
  EXPECT_EQ(opOfOld["组织保障措施"], "matched");
  // 活动时间安排 stayed 二; 主要活动内容 went from 三 to 一, ahead of it: that one moved.
  EXPECT_EQ(opOfOld["活动时间安排"], "matched") << d["sections"].dump();
  EXPECT_EQ(opOfOld["主要活动内容"], "moved") << d["sections"].dump();
}

TEST(Diff, SplitAndMergedSections) {
  json a = sectionsRecord({{"一", "时间和主题"}, {"二", "工作要求"}});
  json b = sectionsRecord({{"一", "主题"}, {"二", "时间"}, {"三", "工作要求"}});
  json d = diffRecords(a, b, grammar()).value();
  int split = 0, fromTimeAndTheme = 0;
  for (const auto& s : d["sections"]) {
    split += s["op"] == "split";
    if (!s["old"].is_null() && s["old"]["title"] == "时间和主题") ++fromTimeAndTheme;
    EXPECT_NE(s["op"], "added") << d["sections"].dump();
  }
  EXPECT_EQ(split, 1) << d["sections"].dump();
  EXPECT_EQ(fromTimeAndTheme, 2);  // both new sections come from the old one
  // The other way round, the two old sections were merged into one.
  json back = diffRecords(b, a, grammar()).value();
  int merged = 0;
  for (const auto& s : back["sections"]) {
    merged += s["op"] == "merged";
    EXPECT_NE(s["op"], "removed") << back["sections"].dump();
  }
  EXPECT_EQ(merged, 1) << back["sections"].dump();
}

TEST(Diff, RenumberedSection) {
  json a = sectionsRecord({{"一", "活动主题"}, {"二", "活动时间"}});
  json b = sectionsRecord({{"一", "指导思想"}, {"二", "活动主题"}, {"三", "活动时间"}});
  json d = diffRecords(a, b, grammar()).value();
  int renumbered = 0;
  for (const auto& s : d["sections"]) renumbered += s["op"] == "renumbered";
  EXPECT_EQ(renumbered, 2) << d["sections"].dump();
}

TEST(Words, ChineseDiffsInWordsNotCharacters) {
  auto w = words("山西省教育厅关于举办职业教育活动周的通知");
  EXPECT_LT(w.size(), 14u);  // fewer words than characters
  auto edits = diffWords("各市要办好职业教育活动周各项工作。", "各市要办好全民终身学习活动周各项工作。");
  std::string deleted, inserted;
  for (const auto& e : edits) {
    if (e.op == WordEdit::Op::kDelete) deleted += e.text;
    if (e.op == WordEdit::Op::kInsert) inserted += e.text;
  }
  EXPECT_EQ(deleted, "职业教育");
  EXPECT_EQ(inserted, "全民终身学习");
  size_t changes = 0;
  for (const auto& e : edits) changes += e.op != WordEdit::Op::kEqual;
  EXPECT_EQ(changes, 2u);  // one phrase out, one phrase in
}

// The edits spell out both texts: equal and deleted runs the old one, equal and inserted runs
// the new one. Over whole sample notices, whose rewritten sections have many words that only one
// side has (the edit script leaves those out of its search and puts them back).
TEST(Words, EditsSpellOutBothTexts) {
  const char* names[] = {"2021-shanxi-jjzc30", "2024-shanxi-jjzc30", "2026-shanxi-jjzc53", "2026-anhui-wjmzc23"};
  for (const char* x : names) {
    for (const char* y : names) {
      const std::string a = testing::readFile(testing::sourcePath(std::string("corpus/text/") + x + ".txt"));
      const std::string b = testing::readFile(testing::sourcePath(std::string("corpus/text/") + y + ".txt"));
      std::string old, now;
      size_t changes = 0;
      for (const auto& e : diffWords(a, b)) {
        if (e.op != WordEdit::Op::kInsert) old += e.text;
        if (e.op != WordEdit::Op::kDelete) now += e.text;
        changes += e.op != WordEdit::Op::kEqual;
      }
      EXPECT_EQ(old, a) << x << " → " << y;
      EXPECT_EQ(now, b) << x << " → " << y;
      if (std::string(x) == y) EXPECT_EQ(changes, 0u) << x;
      else EXPECT_GT(changes, 0u) << x << " → " << y;
    }
  }
}

// words() splits Han runs itself, over ICU's dictionary, and must give exactly the words of
// ICU's word breaker: over the corpus texts and whole web pages (markup, Latin, digits, full-width
// forms, mixed with Chinese), and over what it hands back to ICU (kana, Hangul, Thai, radicals,
// compatibility ideographs, marks joined to Han).
TEST(Words, SameAsIcuWordBreaker) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> icuWords(icu::BreakIterator::createWordInstance(icu::Locale("zh"), err));
  ASSERT_TRUE(U_SUCCESS(err));
  auto byIcu = [&](const std::string& text) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    icuWords->setText(u);
    std::vector<std::string> out;
    int32_t start = icuWords->first();
    for (int32_t end = icuWords->next(); end != icu::BreakIterator::DONE; start = end, end = icuWords->next()) {
      out.emplace_back();
      u.tempSubStringBetween(start, end).toUTF8String(out.back());
    }
    return out;
  };
  size_t texts = 0;
  for (const char* dir : {"corpus/text", "corpus/real/web", "corpus/real/html"}) {
    for (const auto& entry : fs::directory_iterator(testing::sourcePath(dir))) {
      const std::string text = testing::readFile(entry.path().string());
      EXPECT_EQ(words(text), byIcu(text)) << entry.path();
      ++texts;
    }
  }
  EXPECT_GT(texts, 40u);
  for (const std::string text : {"〇一二年，々〻〆，２０２６年第１号；ABC_汉字_def，e-mail: qggbb@moe.edu.cn。",
                                 "⼀⼆⾏政，豈更車，〸〹〺，𠀀𠀁𪚥字。", "カタカナ・ひらがな、한국어，ภาษาไทย。",
                                 "汉\u0301字\u200d，汉\ufe0f字，汉\U000e0100字。", "\u00ad汉字\u00ad，12，345.6元",
                                 "（2024）第3号A1、B2c，x9y。2026年5月9日—12日：第2批", "ab12、３４ｘｙ，A1\u0301、1２3",
                                 "汉，汉：5，000，a，b：c，，\n\n5。\n（一）\n１，２，々，a，〻：b\r\n，x", "，5，汉a，"}) {
    EXPECT_EQ(words(text), byIcu(text)) << text;
  }
  // And on mixtures of the characters each path reads: Han and its marks, ASCII letters, digits
  // and punctuation, the joining marks, line ends, full-width forms, kana, marks that attach, and
  // bytes that are not UTF-8 (a fixed seed: the same strings every run).
  const std::vector<std::string> pieces = {"汉", "字", "工作", "々", "〻", "〇", "a", "Z", "7", "2024", "_", "-", ".", ",",
                                           ":", "@", "/", " ", "，", "：", "．", "、", "。", "（", "）", "“", "”", "—",
                                           "\n", "\r", "\r\n", "１", "ｘ", "ア", "\u0301", "\u200d", "\xff", "\xe5\xad",
                                           "'", ";", "(", ")", "+", "%", "#", "\"", "~", "\t", "  ", "\u3000", "א", "1.5",
                                           "a.b", "x'y", "3,000", "http://www.moe.gov.cn/", "zcc@sxedc.com", "@"};
  uint64_t seed = 12;
  auto next = [&seed] { return (seed = seed * 6364136223846793005ull + 1442695040888963407ull) >> 33; };
  for (int n = 0; n < 3000; ++n) {
    std::string text;
    for (uint64_t k = next() % 12; k > 0; --k) text += pieces[next() % pieces.size()];
    // words() gives views of the bytes; ICU's words are of its UTF-16 copy, a byte that is not
    // UTF-8 read as U+FFFD.
    std::vector<std::string> ours = words(text);
    for (auto& w : ours) w = utf8::repaired(w);
    EXPECT_EQ(ours, byIcu(text)) << text;
  }
}

// The dictionary steps kept between calls are bounded: a run of a million Han characters at random,
// with hundreds of thousands of distinct pairs (a notice has some thousands), is segmented whole,
// and what is kept stays within a few megabytes (unbounded, it kept 378,000 steps).
TEST(Words, KeptDictionaryStepsAreBounded) {
  std::u32string run;
  uint64_t seed = 7;
  for (int i = 0; i < 1000000; ++i) {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    run.push_back(static_cast<char32_t>(0x4E00 + (seed >> 33) % 0x5000));
  }
  const std::string text = utf8::encode(run);
  const std::vector<std::string> w = words(text);
  std::string joined;
  for (const auto& x : w) joined += x;
  EXPECT_EQ(joined, text);
  EXPECT_GT(w.size(), run.size() / 4);
  EXPECT_LE(han::keptSteps(), size_t{200000});
}

// A diff breaks only the middles of changed sentences into words, cutting off their common head
// and tail where cutsBetweenWords says the words on each side stay what they were. Checked
// against ICU's word breaker on the corpus texts and on the marks that join their neighbours.
TEST(Words, CutsBetweenWordsLeaveTheWordsAsTheyWere) {
  auto joined = [](const std::vector<std::string>& a, const std::vector<std::string>& b) {
    std::vector<std::string> all = a;
    all.insert(all.end(), b.begin(), b.end());
    return all;
  };
  size_t checked = 0;
  for (const auto& entry : fs::directory_iterator(testing::sourcePath("corpus/real/web"))) {
    std::string text = testing::readFile(entry.path().string()).substr(0, 6000);
    std::vector<std::string> whole = words(text);
    for (size_t at = 0, n = 0; at < text.size(); ++at) {
      if (!cutsBetweenWords(text, at) || n++ % 3 != 0) continue;  // every third cut of each text
      EXPECT_EQ(joined(words(text.substr(0, at)), words(text.substr(at))), whole) << entry.path() << " at " << at;
      ++checked;
    }
  }
  EXPECT_GT(checked, 250u);
  // Han runs are segmented whole; a mark between digits or letters joins them; combining
  // marks and ZWJ belong to what they follow; no cut inside a character.
  EXPECT_FALSE(cutsBetweenWords("职业教育", 6));
  EXPECT_TRUE(cutsBetweenWords("职业，教育", 6));
  EXPECT_TRUE(cutsBetweenWords("职业，教育", 9));
  EXPECT_FALSE(cutsBetweenWords("1，000", 1));
  EXPECT_FALSE(cutsBetweenWords("a:b", 1));
  EXPECT_FALSE(cutsBetweenWords("ａ：ｂ", 3));
  EXPECT_TRUE(cutsBetweenWords("职业：教育", 6));
  EXPECT_FALSE(cutsBetweenWords("qggbb@moe.edu.cn", 5));  // ICU 72 keeps an e-mail address whole
  EXPECT_FALSE(cutsBetweenWords("@．b", 4));  // its rules count @ a letter, which ． joins to b
  EXPECT_FALSE(cutsBetweenWords("。e\u0301", 4));
  EXPECT_FALSE(cutsBetweenWords("。\u0301", 3));
  EXPECT_FALSE(cutsBetweenWords("\U0001F469\u200D\U0001F4BB", 4));
  EXPECT_FALSE(cutsBetweenWords("职业", 1));
  EXPECT_TRUE(cutsBetweenWords("职业", 0));
  EXPECT_TRUE(cutsBetweenWords("职业", 6));
}

TEST(Words, AMovedSentenceStaysWhole) {
  auto edits = diffWords("各市要认真做好总结工作。活动周期间要加强安全管理。请按时报送材料。",
                         "活动周期间要加强安全管理。请按时报送材料。各市要认真做好总结工作。");
  int wholeOut = 0, wholeIn = 0;
  for (const auto& e : edits) {
    wholeOut += e.op == WordEdit::Op::kDelete && e.text == "各市要认真做好总结工作。";
    wholeIn += e.op == WordEdit::Op::kInsert && e.text == "各市要认真做好总结工作。";
  }
  EXPECT_EQ(wholeOut, 1);
  EXPECT_EQ(wholeIn, 1);
  // Unchanged sentences come out whole and equal.
  std::string equal;
  for (const auto& e : edits) if (e.op == WordEdit::Op::kEqual) equal += e.text;
  EXPECT_EQ(equal, "活动周期间要加强安全管理。请按时报送材料。");
}

TEST(Diff, AMovedSentenceIsMarkedAsAMove) {
  json a = sectionsRecord({{"一", "工作要求"}});
  json b = a;
  a["text"] = "一、工作要求\n各市要认真做好总结工作。活动周期间要加强安全管理。";
  b["text"] = "一、工作要求\n活动周期间要加强安全管理。各市要认真做好总结工作。";
  a["provenance"] = b["provenance"] = json::parse(R"({"/sections/0": {"chars": [0, 6]}})");
  json d = diffRecords(a, b, grammar()).value();
  ASSERT_EQ(d["text"].size(), 1u) << d.dump();
  int moved = 0;
  for (const auto& e : d["text"][0]["edits"]) moved += e.value("moved", false);
  EXPECT_EQ(moved, 2) << d["text"].dump();
}

TEST(Words, SimilarityBounds) {
  EXPECT_DOUBLE_EQ(similarity("组织保障", "组织保障"), 1.0);
  EXPECT_DOUBLE_EQ(similarity("组织保障", "活动时间"), 0.0);
  EXPECT_GT(similarity("加强组织领导", "加强组织协调"), 0.5);
}

// Similarity is the Dice coefficient over the multisets of character bigrams, whatever the
// texts' lengths (bigrams() sorts long texts by radix, short ones by comparison) and planes.
TEST(Words, SimilarityIsDiceOverBigramMultisets) {
  auto dice = [](const std::string& a, const std::string& b) {
    auto counts = [](const std::string& t) {
      std::map<std::pair<char32_t, char32_t>, int> out;
      std::u32string u = utf8::decode(t);
      for (size_t i = 0; i + 1 < u.size(); ++i) ++out[{u[i], u[i + 1]}];
      return out;
    };
    auto ca = counts(a), cb = counts(b);
    int na = 0, nb = 0, common = 0;
    for (const auto& [g, n] : ca) na += n, common += std::min(n, cb.count(g) ? cb[g] : 0);
    for (const auto& [g, n] : cb) nb += n;
    return na == 0 || nb == 0 ? 0.0 : 2.0 * common / (na + nb);
  };
  std::vector<std::string> texts;
  for (const auto& entry : fs::directory_iterator(testing::sourcePath("corpus/text"))) {
    const std::string text = testing::readFile(entry.path().string());
    for (size_t at = 0; at + 3000 <= text.size(); at += 2500) {
      size_t from = at;
      while (from < text.size() && (static_cast<unsigned char>(text[from]) & 0xC0) == 0x80) ++from;
      size_t to = from + 900;
      while (to < text.size() && (static_cast<unsigned char>(text[to]) & 0xC0) == 0x80) ++to;
      texts.push_back(text.substr(from, to - from));
    }
  }
  std::string astral;
  for (int i = 0; i < 200; ++i) astral += (i % 3 ? "𠀀𪚥" : "字\U0010FFFF𠀁");
  texts.push_back(astral);
  texts.push_back(astral.substr(0, 24));
  texts.push_back("工作要求工作要求工作要求");
  texts.push_back("\x80\x80");  // bytes that are not UTF-8 count as U+FFFD, one each
  texts.push_back("\x80工作\xe5\xad要求\xff");
  ASSERT_GT(texts.size(), 10u);
  for (size_t i = 0; i < texts.size(); ++i) {
    for (size_t j = i; j < texts.size(); j += 3) {
      EXPECT_DOUBLE_EQ(similarity(bigrams(texts[i]), bigrams(texts[j])), dice(texts[i], texts[j])) << i << " " << j;
    }
  }
}

TEST(Render, HtmlIsOneOfflineFileWithASummaryTable) {
  json d = diffRecords(label("2021-shanxi-jjzc30"), label("2026-shanxi-jjzc53"), grammar()).value();
  std::string html = renderDiffHtml(d);
  EXPECT_NE(html.find("<table id=\"summary\""), std::string::npos);
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_EQ(html.find("<script src"), std::string::npos);
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_NE(html.find("name=\"viewport\""), std::string::npos);
  EXPECT_NE(html.find("一技在手，一生无忧"), std::string::npos);
}

TEST(Render, TextIsPlainWhenNotColoured) {
  json d = diffRecords(label("2021-shanxi-jjzc30"), label("2026-shanxi-jjzc53"), grammar()).value();
  std::string plain = renderDiffText(d, false), coloured = renderDiffText(d, true);
  EXPECT_EQ(plain.find("\x1b["), std::string::npos);
  EXPECT_NE(coloured.find("\x1b["), std::string::npos);
  EXPECT_NE(plain.find("职业教育活动周：技能：让生活更美好 → 职业教育活动周：一技在手，一生无忧"), std::string::npos) << plain;
}

TEST(Series, CsvHasAHeaderAndARowPerNotice) {
  json s = compareSeries({label("2021-shanxi-jjzc30"), label("2024-shanxi-jjzc30"), label("2026-shanxi-jjzc53")}, grammar()).value();
  ASSERT_EQ(s["rows"].size(), 3u);
  EXPECT_TRUE(s["rows"][0]["changed"].empty());
  // 2024 added the lifelong-learning week's theme; 2026 kept both themes.
  auto has = [](const json& changed, const char* c) { return std::find(changed.begin(), changed.end(), c) != changed.end(); };
  EXPECT_TRUE(has(s["rows"][1]["changed"], "themes"));
  EXPECT_FALSE(has(s["rows"][2]["changed"], "themes"));
  EXPECT_TRUE(has(s["rows"][2]["changed"], "event_periods"));
  // 2024 was the 教育厅 alone (nine partners' roles lost); 2026 brought ten roles back, 民政 and
  // 退役军人事务 among them.
  EXPECT_TRUE(has(s["rows"][1]["lost"]["roles"], "宣传"));
  EXPECT_TRUE(has(s["rows"][2]["gained"]["roles"], "民政"));
  EXPECT_TRUE(has(s["rows"][2]["gained"]["roles"], "退役军人事务"));
  EXPECT_FALSE(s["rows"][2]["gained"].contains("deadlines"));  // every dated item differs: just "changed"
  std::string csv = renderSeriesCsv(s);
  size_t lines = std::count(csv.begin(), csv.end(), '\n');
  EXPECT_EQ(lines, 4u);
  EXPECT_EQ(csv.rfind("\"file\",\"year\",", 0), 0u);
}

}  // namespace
}  // namespace notice
