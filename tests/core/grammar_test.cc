// Grammar loading: every rule checked at load, every problem an error naming file and line, and
// the registry (grammar/rules.h) of the names the engine asks for kept complete.
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include <gtest/gtest.h>

#include "grammar/grammar.h"
#include "grammar/rules.h"
#include "grammar/tag_table.h"

namespace notice {
namespace {

namespace fs = std::filesystem;

const std::string kGrammars = NOTICE_SOURCE_DIR "/grammars";

// A copy of the project's rule files in a folder of this test's own (tests run in parallel).
class GrammarDir : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    dir_ = fs::temp_directory_path() /
           ("notice_grammar_" + std::string(info->name()) + "_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    for (const auto& entry : fs::directory_iterator(kGrammars)) {
      auto ext = entry.path().extension();
      if (ext == ".re2" || ext == ".txt" || ext == ".tsv") fs::copy_file(entry.path(), dir_ / entry.path().filename());
    }
  }
  void TearDown() override {
    std::error_code ec;
    fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(dir_, ec);
  }

  std::string dir() const { return dir_.string(); }
  std::string path(const std::string& file) const { return (dir_ / file).string(); }
  void write(const std::string& file, const std::string& body) { std::ofstream(dir_ / file, std::ios::binary) << body; }
  std::string read(const std::string& file) const {
    std::ifstream in(dir_ / file, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }
  // Appends a line to `file`; returns its line number.
  int append(const std::string& file, const std::string& line) {
    std::string body = read(file);
    if (!body.empty() && body.back() != '\n') body += '\n';
    int number = static_cast<int>(std::count(body.begin(), body.end(), '\n')) + 1;
    write(file, body + line + "\n");
    return number;
  }
  // Removes the line of `file` that starts with `start`.
  void removeLine(const std::string& file, const std::string& start) {
    std::string body = read(file), out;
    size_t at = 0;
    bool removed = false;
    while (at < body.size()) {
      size_t nl = body.find('\n', at);
      std::string line = body.substr(at, nl == std::string::npos ? std::string::npos : nl - at + 1);
      at = nl == std::string::npos ? body.size() : nl + 1;
      if (!removed && line.rfind(start, 0) == 0) { removed = true; continue; }
      out += line;
    }
    ASSERT_TRUE(removed) << start << " not in " << file;
    write(file, out);
  }

  // The load fails with a problem at `file:line` (line 0: no line) whose text holds `what`.
  void expectProblem(const std::string& file, int line, const std::string& what) {
    auto g = Grammar::load(dir());
    ASSERT_FALSE(g.ok()) << "loaded, expected a problem in " << file;
    EXPECT_EQ(g.error().code, ErrorCode::kBadGrammar);
    std::string at = path(file) + (line ? ":" + std::to_string(line) : "") + ": ";
    const std::string& message = g.error().message;
    bool found = false;
    for (size_t i = 0; (i = message.find(at, i)) != std::string::npos; ++i) {
      size_t eol = message.find('\n', i);
      if (message.substr(i, eol == std::string::npos ? std::string::npos : eol - i).find(what) != std::string::npos) {
        found = true;
      }
    }
    EXPECT_TRUE(found) << "expected `" << at << "…" << what << "…` in:\n" << message;
  }

  fs::path dir_;
};

// --- the project's rules ---

TEST(Grammar, LoadsTheProjectRules) {
  auto g = Grammar::load(kGrammars);
  ASSERT_TRUE(g.ok()) << g.error().message;
  EXPECT_TRUE(g.value()->missedLookups().empty());
}

TEST(Grammar, EveryRegisteredRuleIsThere) {
  auto g = Grammar::load(kGrammars);
  ASSERT_TRUE(g.ok()) << g.error().message;
  for (const auto& p : rules::kPatterns) EXPECT_TRUE(g.value()->hasPattern(std::string(p.name))) << p.name;
  for (const auto& l : rules::kLists) EXPECT_FALSE(g.value()->list(std::string(l.name)).empty()) << l.name;
  for (const auto& t : rules::kTables) EXPECT_FALSE(g.value()->table(std::string(t.name)).empty()) << t.name;
  EXPECT_TRUE(g.value()->missedLookups().empty());
}

TEST(Grammar, MissingFolderIsAnError) {
  auto g = Grammar::load("/nonexistent/grammars");
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.error().code, ErrorCode::kBadGrammar);
  EXPECT_NE(g.error().message.find("/nonexistent/grammars"), std::string::npos);
}

// --- the registry (grammar/rules.h) ---

// The string literals in the engine's and CLI's sources (not the grammar loader's own files).
std::vector<std::pair<std::string, std::string>> literalsInSources() {
  static const RE2 literal(R"re("([a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)?)")re");
  std::vector<std::pair<std::string, std::string>> found;  // literal, file
  for (const char* top : {"/engine", "/cli"}) {
    for (const auto& entry : fs::recursive_directory_iterator(NOTICE_SOURCE_DIR + std::string(top))) {
      auto ext = entry.path().extension();
      if (ext != ".cc" && ext != ".h") continue;
      // The loader's own files name rules only to load and register them.
      static const std::set<std::string> kLoader = {"grammar.cc", "grammar.h", "rules.h", "tag_table.cc", "tag_table.h"};
      if (entry.path().parent_path().filename() == "grammar" && kLoader.count(entry.path().filename().string())) continue;
      std::ifstream in(entry.path());
      std::string source((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      re2::StringPiece rest(source);
      std::string name;
      while (RE2::FindAndConsume(&rest, literal, &name)) found.emplace_back(name, entry.path().string());
    }
  }
  return found;
}

TEST(GrammarRegistry, EveryNameTheEngineUsesIsRegistered) {
  // Any literal "file.name" whose file is a grammar .re2 file, and any literal naming a word list
  // or table, wherever it stands (g.re("…"), a helper's argument, an array of names).
  std::set<std::string> patternFiles, listsAndTables, registered;
  for (const auto& entry : fs::directory_iterator(kGrammars)) {
    auto ext = entry.path().extension();
    if (ext == ".re2") patternFiles.insert(entry.path().stem().string());
    if (ext == ".txt" || ext == ".tsv") listsAndTables.insert(entry.path().stem().string());
  }
  for (const auto& p : rules::kPatterns) {
    registered.insert(std::string(p.name));
    patternFiles.insert(std::string(p.name.substr(0, p.name.find('.'))));
  }
  for (const auto& l : rules::kLists) registered.insert(std::string(l.name)), listsAndTables.insert(std::string(l.name));
  for (const auto& t : rules::kTables) registered.insert(std::string(t.name)), listsAndTables.insert(std::string(t.name));
  size_t checked = 0;
  for (const auto& [name, file] : literalsInSources()) {
    size_t dot = name.find('.');
    bool rule = dot == std::string::npos ? listsAndTables.count(name) > 0 : patternFiles.count(name.substr(0, dot)) > 0;
    if (!rule) continue;
    ++checked;
    EXPECT_TRUE(registered.count(name)) << file << " asks for \"" << name
                                        << "\", which engine/grammar/rules.h does not list (see its top)";
  }
  EXPECT_GT(checked, 60u);
}

TEST(GrammarRegistry, EveryRegisteredNameIsUsed) {
  std::set<std::string> used;
  for (const auto& [name, file] : literalsInSources()) used.insert(name);
  for (const auto& p : rules::kPatterns) EXPECT_TRUE(used.count(std::string(p.name))) << p.name << " is used nowhere: remove it from rules.h";
  for (const auto& l : rules::kLists) EXPECT_TRUE(used.count(std::string(l.name))) << l.name << " is used nowhere: remove it from rules.h";
  for (const auto& t : rules::kTables) EXPECT_TRUE(used.count(std::string(t.name))) << t.name << " is used nowhere: remove it from rules.h";
}

TEST(GrammarRegistry, NamesAreUniqueAndColumnsWellFormed) {
  static const RE2 patternName(R"([a-z_][a-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*)");
  static const RE2 fileName(R"([a-z_][a-z0-9_]*)");
  static const RE2 columns(R"([a-z_]+(?::re2)?( [a-z_]+(?::re2)?)*( [a-z_]+(?::re2)?\?)*)");
  std::set<std::string> seen;
  for (const auto& p : rules::kPatterns) {
    EXPECT_TRUE(RE2::FullMatch(p.name, patternName)) << p.name;
    EXPECT_TRUE(seen.insert(std::string(p.name)).second) << p.name << " is listed twice";
    EXPECT_FALSE(p.used_by.empty()) << p.name;
  }
  for (const auto& l : rules::kLists) {
    EXPECT_TRUE(RE2::FullMatch(l.name, fileName)) << l.name;
    EXPECT_TRUE(seen.insert(std::string(l.name)).second) << l.name << " is listed twice";
  }
  for (const auto& t : rules::kTables) {
    EXPECT_TRUE(RE2::FullMatch(t.name, fileName)) << t.name;
    EXPECT_TRUE(seen.insert(std::string(t.name)).second) << t.name << " is listed twice";
    EXPECT_TRUE(RE2::FullMatch(t.columns, columns)) << t.name << ": columns `" << t.columns << "`";
  }
}

// --- a name the grammar lacks, asked for at run time ---

TEST(Grammar, UnknownNamesAtRunTimeNeverMatchAndAreLogged) {
  auto g = Grammar::load(kGrammars);
  ASSERT_TRUE(g.ok()) << g.error().message;
  const Grammar& grammar = *g.value();
  std::string a, b;
  EXPECT_FALSE(RE2::PartialMatch("一、总体要求", grammar.re("structure.no_such_rule"), &a, &b));
  EXPECT_FALSE(RE2::PartialMatch("", grammar.re("nofile.rule")));
  EXPECT_FALSE(RE2::PartialMatch("任何文字", RE2(grammar.source("structure.no_such_rule"))));
  EXPECT_TRUE(grammar.list("doc_typos").empty());
  EXPECT_TRUE(grammar.table("provincez").empty());
  EXPECT_TRUE(TagTable(grammar, "agencie").all("山西省教育厅").empty());
  EXPECT_EQ(grammar.missedLookups(),
            (std::vector<std::string>{"structure.no_such_rule", "nofile.rule", "doc_typos", "provincez", "agencie"}));
}

TEST(Grammar, TagTableUsesTheCheckedPatterns) {
  auto g = Grammar::load(kGrammars);
  ASSERT_TRUE(g.ok()) << g.error().message;
  EXPECT_NE(g.value()->tablePattern("agencies", 0, 1), nullptr);
  EXPECT_EQ(g.value()->tablePattern("agencies", 0, 0), nullptr);  // the tag is no pattern
  EXPECT_EQ(g.value()->tablePattern("provinces", 0, 1), nullptr);
  EXPECT_EQ(TagTable(*g.value(), "agencies").first("山西省教育厅"), "教育");
}

// --- .re2 files ---

TEST_F(GrammarDir, ExpandsReferencesWithinAFile) {
  write("t.re2", "# comment\ndigit = [0-9]\nyear = ${digit}{4}\n");
  auto g = Grammar::load(dir());
  ASSERT_TRUE(g.ok()) << g.error().message;
  EXPECT_TRUE(RE2::FullMatch("2026", g.value()->re("t.year")));
  EXPECT_FALSE(RE2::FullMatch("226", g.value()->re("t.year")));
  EXPECT_EQ(g.value()->source("t.year"), "(?:[0-9]){4}");
}

TEST_F(GrammarDir, BadPatternNamesFileAndLine) {
  write("t.re2", "ok = a\n\nbroken = (a\n");
  expectProblem("t.re2", 3, "bad pattern `broken`: missing )");
}

TEST_F(GrammarDir, BadPatternInARealFileNamesFileAndLine) {
  int line = append("structure.re2", "extra = [一-");
  expectProblem("structure.re2", line, "bad pattern `extra`");
}

// A load for some parts of the engine (`notice diff` of stored records: "diff"; `compare
// --series`: "diff, archive") reads the files that hold their rules and compiles those rules;
// the other files are not read, and their rules are absent.
TEST(Grammar, ALoadForSomePartsReadsTheFilesOfTheirRulesAlone) {
  auto g = Grammar::load(kGrammars, "diff");
  ASSERT_TRUE(g.ok()) << g.error().message;
  EXPECT_EQ(TagTable(*g.value(), "agencies").first("山西省教育厅"), "教育");
  EXPECT_NE(g.value()->tablePattern("agencies", 0, 1), nullptr);
  EXPECT_FALSE(g.value()->hasPattern("dates.ymd"));
  EXPECT_FALSE(g.value()->hasPattern("series.title_variable"));
  EXPECT_TRUE(g.value()->missedLookups().empty());
  auto both = Grammar::load(kGrammars, "diff, archive");
  ASSERT_TRUE(both.ok()) << both.error().message;
  EXPECT_NE(both.value()->tablePattern("duties", 0, 1), nullptr);
  EXPECT_TRUE(both.value()->hasPattern("series.title_variable"));
  EXPECT_TRUE(both.value()->hasPattern("genre_activity.event_name"));
  // genre_activity.re2 holds the fields' rules too: checked for their form, compiled on first use.
  EXPECT_TRUE(both.value()->hasPattern("genre_activity.leading_verb"));
}

// A part loaded alone finds every rule its code names: each literal in engine/<part>/ is
// registered as used by that part.
TEST(GrammarRegistry, APartLoadedAloneHasEveryRuleItsCodeNames) {
  std::map<std::string, std::string> usedBy;
  for (const auto& p : rules::kPatterns) usedBy[std::string(p.name)] = std::string(p.used_by);
  for (const auto& l : rules::kLists) usedBy[std::string(l.name)] = std::string(l.used_by);
  for (const auto& t : rules::kTables) usedBy[std::string(t.name)] = std::string(t.used_by);
  size_t checked = 0;
  for (const auto& [name, file] : literalsInSources()) {
    auto it = usedBy.find(name);
    if (it == usedBy.end()) continue;
    for (const char* part : {"diff", "archive"}) {
      if (file.find("/engine/" + std::string(part) + "/") == std::string::npos) continue;
      ++checked;
      EXPECT_NE(it->second.find(part), std::string::npos)
          << file << " asks for \"" << name << "\", registered as used by " << it->second << " only";
    }
  }
  EXPECT_GE(checked, 4u);
}

TEST_F(GrammarDir, ALoadForOnePartChecksThatPartsPatterns) {
  append("agencies.tsv", "教育\t(教育厅");
  auto g = Grammar::load(dir(), "diff");
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.error().message.find("agencies.tsv:"), std::string::npos) << g.error().message;
}

TEST_F(GrammarDir, ALoadForOnePartLeavesTheOtherFilesUnreadButNotMissing) {
  int line = append("structure.re2", "extra = [一-");
  expectProblem("structure.re2", line, "bad pattern `extra`");  // a whole load finds it
  append("ocr_repairs.tsv", "bad\t(a\tb");
  auto g = Grammar::load(dir(), "diff");
  ASSERT_TRUE(g.ok()) << g.error().message;
  EXPECT_FALSE(g.value()->hasPattern("structure.extra"));
  EXPECT_TRUE(g.value()->table("ocr_repairs").empty());
  fs::remove(fs::path(dir()) / "structure.re2");
  auto missing = Grammar::load(dir(), "diff");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find("structure.re2: missing file"), std::string::npos) << missing.error().message;
}

TEST_F(GrammarDir, UndefinedReferenceNamesFileAndLine) {
  write("t.re2", "a = x\nb = ${a}|${nothing}\n");
  expectProblem("t.re2", 2, "undefined ${nothing} in `b`");
}

TEST_F(GrammarDir, ReferenceToAnotherFileIsUndefined) {
  write("t.re2", "a = ${cn_num}\n");  // structure.re2 has cn_num; references stay within a file
  expectProblem("t.re2", 1, "undefined ${cn_num}");
}

TEST_F(GrammarDir, ReferenceDefinedLaterSaysWhere) {
  write("t.re2", "a = ${b}x\n# b comes later\nb = y\n");
  expectProblem("t.re2", 1, "${b} in `a` is defined later, at line 3");
}

TEST_F(GrammarDir, SelfReferenceIsAnError) {
  write("t.re2", "a = x${a}\n");
  expectProblem("t.re2", 1, "refers to itself");
}

TEST_F(GrammarDir, UnclosedReferenceIsAnError) {
  write("t.re2", "a = x\nb = ${a\n");
  expectProblem("t.re2", 2, "unclosed ${");
}

TEST_F(GrammarDir, DuplicateNameNamesBothLines) {
  write("t.re2", "a = x\nb = y\na = z\n");
  expectProblem("t.re2", 3, "duplicate rule 'a' (first defined at line 1)");
}

TEST_F(GrammarDir, DuplicateNameInARealFile) {
  int line = append("structure.re2", "h1 = ^x$");
  expectProblem("structure.re2", line, "duplicate rule 'h1'");
}

TEST_F(GrammarDir, LineWithoutNameEqualsPatternIsAnError) {
  write("t.re2", "a = x\nb=y\nc d = z\n");
  expectProblem("t.re2", 2, "expected `name = pattern`");
  expectProblem("t.re2", 3, "bad rule name `c d`");
}

TEST_F(GrammarDir, AReferenceToABrokenPatternIsReportedOnce) {
  write("t.re2", "a = (x\nb = ${a}y\n");
  auto g = Grammar::load(dir());
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.error().message.find(path("t.re2") + ":1: bad pattern"), std::string::npos) << g.error().message;
  EXPECT_EQ(g.error().message.find(path("t.re2") + ":2:"), std::string::npos) << g.error().message;
}

TEST_F(GrammarDir, NotUtf8IsAnError) {
  write("t.txt", "通知\n\xBD\xCC\xD3\xFD\n");  // 教育 in GBK
  expectProblem("t.txt", 2, "not UTF-8");
}

TEST_F(GrammarDir, ByteOrderMarkAndCrlfAreRead) {
  write("t.re2", "\xEF\xBB\xBF" "a = x\r\nb = ${a}y\r\n");
  auto g = Grammar::load(dir());
  ASSERT_TRUE(g.ok()) << g.error().message;
  EXPECT_TRUE(RE2::FullMatch("xy", g.value()->re("t.b")));
}

// --- the rules the engine needs ---

TEST_F(GrammarDir, MissingRuleNamesFileAndUser) {
  removeLine("structure.re2", "h1 = ");
  expectProblem("structure.re2", 0, "missing rule 'h1' (used by segment)");
}

TEST_F(GrammarDir, MissingPatternFileIsAnErrorNotAnAbort) {
  fs::remove(path("structure.re2"));
  expectProblem("structure.re2", 0, "missing file: the engine uses");
  auto g = Grammar::load(dir());
  ASSERT_FALSE(g.ok());
  // One line for the file, not one per rule.
  EXPECT_EQ(g.error().message.find("missing rule"), std::string::npos) << g.error().message;
}

TEST_F(GrammarDir, MissingListAndTableFilesAreErrors) {
  fs::remove(path("watermarks.txt"));
  fs::remove(path("agencies.tsv"));
  expectProblem("watermarks.txt", 0, "missing file: the word list 'watermarks' (used by normalize)");
  expectProblem("agencies.tsv", 0, "missing file: the table 'agencies' (used by diff)");
}

TEST_F(GrammarDir, AFolderOfOneFileSaysWhatElseIsMissing) {
  for (const auto& entry : fs::directory_iterator(dir())) {
    if (entry.path().filename() != "dates.re2") fs::remove(entry.path());
  }
  expectProblem("structure.re2", 0, "missing file");
  expectProblem("provinces.tsv", 0, "missing file");
  expectProblem("doc_types.txt", 0, "missing file");
}

TEST_F(GrammarDir, UnreadableFileIsAnError) {
  fs::remove(path("structure.re2"));
  fs::create_directory(path("structure.re2"));
  expectProblem("structure.re2", 0, "cannot read: not a regular file");
  fs::remove(path("structure.re2"));
  fs::create_symlink(path("nowhere.re2"), path("structure.re2"));
  expectProblem("structure.re2", 0, "cannot read: no such file");
}

TEST_F(GrammarDir, TwoFilesOfOneNameAreAnError) {
  write("structure.txt", "一\n");
  expectProblem("structure.txt", 0, "the name 'structure' is taken by structure.re2");
}

TEST_F(GrammarDir, EveryProblemIsReportedAtOnce) {
  write("a.re2", "x = (\n");
  write("b.re2", "y = ${z}\n");
  append("duties.tsv", "方案");
  auto g = Grammar::load(dir());
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.error().message.find(path("a.re2") + ":1:"), std::string::npos) << g.error().message;
  EXPECT_NE(g.error().message.find(path("b.re2") + ":1:"), std::string::npos) << g.error().message;
  EXPECT_NE(g.error().message.find(path("duties.tsv") + ":"), std::string::npos) << g.error().message;
}

// --- .tsv tables ---

TEST_F(GrammarDir, TableRowWithTooFewCells) {
  int line = append("agencies.tsv", "教育");
  expectProblem("agencies.tsv", line, "1 cell, expected 2 (role, pattern)");
}

TEST_F(GrammarDir, TableRowWithSpacesForTabsSaysSo) {
  int line = append("agencies.tsv", "教育    教育厅");
  expectProblem("agencies.tsv", line, "cells are separated by one TAB");
}

TEST_F(GrammarDir, TableRowWithTooManyCells) {
  int line = append("provinces.tsv", "某某省\t某\t某某\t多余");
  expectProblem("provinces.tsv", line, "4 cells, expected 2 to 3 (name, short, [bare])");
}

TEST_F(GrammarDir, TableRowWithAnEmptyRequiredCell) {
  int line = append("provinces.tsv", "\t某\t某某");
  expectProblem("provinces.tsv", line, "empty column 1 (name)");
}

TEST_F(GrammarDir, TableRowWithABadPattern) {
  int line = append("duties.tsv", "方案\t方案|(实施");
  expectProblem("duties.tsv", line, "bad pattern in column 2 (pattern): missing )");
}

TEST_F(GrammarDir, OptionalColumnMayBeLeftOut) {
  append("provinces.tsv", "某某特区\t特");
  append("provinces.tsv", "某某新区\t新\t");  // a stray TAB at the end is no extra cell
  auto g = Grammar::load(dir());
  ASSERT_TRUE(g.ok()) << g.error().message;
  EXPECT_EQ(g.value()->table("provinces").back(), (std::vector<std::string>{"某某新区", "新"}));
}

TEST_F(GrammarDir, UnregisteredTableLoadsAsWritten) {
  write("extra.tsv", "a\tb\tc\nd\n");
  auto g = Grammar::load(dir());
  ASSERT_TRUE(g.ok()) << g.error().message;
  EXPECT_EQ(g.value()->table("extra").size(), 2u);
}

}  // namespace
}  // namespace notice
