#include <iterator>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "grammar/grammar.h"

namespace notice {
namespace {

std::string makeDir(const std::string& name, const std::string& file, const std::string& body) {
  auto dir = std::filesystem::temp_directory_path() / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / file) << body;
  return dir.string();
}

TEST(Grammar, LoadsTheProjectRules) {
  auto g = Grammar::load(NOTICE_SOURCE_DIR "/grammars");
  ASSERT_TRUE(g.ok()) << g.error().message;
}

TEST(Grammar, EveryPatternTheEngineAsksForIsThere) {
  // Grammar::re aborts on a missing name; a name used only on a rare path would reach users.
  // Every re("file.name") and table("name")/list("name") in the engine's sources must resolve.
  auto g = Grammar::load(NOTICE_SOURCE_DIR "/grammars");
  ASSERT_TRUE(g.ok());
  static const RE2 asked(R"re((re|table|list)\("([a-z_]+(?:\.[a-z_0-9]+)?)"\))re");
  size_t checked = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(NOTICE_SOURCE_DIR "/engine")) {
    if (entry.path().extension() != ".cc") continue;
    std::ifstream in(entry.path());
    std::string source((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    re2::StringPiece rest(source);
    std::string kind, name;
    while (RE2::FindAndConsume(&rest, asked, &kind, &name)) {
      ++checked;
      if (kind == "re") {
        EXPECT_TRUE(g.value()->hasPattern(name)) << entry.path() << ": " << name;
      } else if (kind == "table") {
        EXPECT_FALSE(g.value()->table(name).empty()) << entry.path() << ": " << name;
      } else {
        EXPECT_FALSE(g.value()->list(name).empty()) << entry.path() << ": " << name;
      }
    }
  }
  EXPECT_GT(checked, 40u);
}

TEST(Grammar, ExpandsReferencesWithinAFile) {
  auto dir = makeDir("notice_grammar_ok", "t.re2", "# comment\ndigit = [0-9]\nyear = ${digit}{4}\n");
  auto g = Grammar::load(dir);
  ASSERT_TRUE(g.ok()) << g.error().message;
  EXPECT_TRUE(RE2::FullMatch("2026", g.value()->re("t.year")));
  EXPECT_FALSE(RE2::FullMatch("226", g.value()->re("t.year")));
}

TEST(Grammar, BadPatternNamesFileAndLine) {
  auto dir = makeDir("notice_grammar_bad", "t.re2", "ok = a\n\nbroken = (a\n");
  auto g = Grammar::load(dir);
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.error().message.find("t.re2:3"), std::string::npos) << g.error().message;
}

TEST(Grammar, UnknownReferenceIsAnError) {
  auto dir = makeDir("notice_grammar_ref", "t.re2", "a = ${nothing}\n");
  EXPECT_FALSE(Grammar::load(dir).ok());
}

TEST(Grammar, MissingFolderIsAnError) {
  auto g = Grammar::load("/nonexistent/grammars");
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.error().code, ErrorCode::kBadGrammar);
}

}  // namespace
}  // namespace notice
