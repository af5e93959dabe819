// The command as a tool (issue 12, item 5): `--version`; the manual (doc/notice.1) and the bash
// completion in step with the program's --help; the library's messages name no option of the CLI
// (a library caller has no --ocr), and the CLI adds the option that gets past an error.
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "cli_support.h"
#include "test_support.h"

namespace notice {
namespace {

using testing::sourcePath;

TEST(Tool, VersionNamesTheProjectVersionTheSchemaAndTheGrammarFolder) {
  CommandResult r = run("--version", false, "-u NOTICE_GRAMMARS");
  EXPECT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "notice " NOTICE_VERSION "\nrecord schema notice/1\ngrammars " NOTICE_SOURCE_DIR
                   "/grammars (source tree)\n");
  CommandResult env = run("--version", false, "NOTICE_GRAMMARS=/some/rules");
  EXPECT_NE(env.out.find("\ngrammars /some/rules (NOTICE_GRAMMARS)\n"), std::string::npos) << env.out;
}

// The options on the help's option lines ("  --format text|json  …", "  -o, --out DIR  …").
std::set<std::string> helpOptions(const std::string& help) {
  static const std::regex line(R"re(^  (-[a-zA-Z], )?(--?[a-zA-Z][a-zA-Z-]*)( [^ ]+)?(  |$))re");
  std::set<std::string> options;
  std::istringstream in(help);
  for (std::string l; std::getline(in, l);) {
    std::smatch m;
    if (!std::regex_search(l, m, line)) continue;
    if (m[1].matched) options.insert(m[1].str().substr(0, 2));
    options.insert(m[2]);
  }
  return options;
}

// The commands `notice --help` lists ("  parse FILE...  …").
std::vector<std::string> commands() {
  static const std::regex line(R"re(^  ([a-z]+) )re");
  std::vector<std::string> names;
  std::istringstream in(run("--help").out);
  for (std::string l; std::getline(in, l);) {
    std::smatch m;
    if (std::regex_search(l, m, line)) names.push_back(m[1]);
  }
  return names;
}

// The manual's options per command: the words that start with - on the line after each .TP,
// under the section `.SS "notice COMMAND …"`.
std::map<std::string, std::set<std::string>> manualOptions(std::string* version) {
  std::ifstream in(sourcePath("doc/notice.1"));
  static const std::regex section(R"re(^\.SS "notice ([a-z]+))re");
  static const std::regex title(R"re(^\.TH NOTICE 1 "[^"]*" "notice ([^"]*)")re");
  static const std::regex option(R"re((^|[ "])\\-(\\-)?([a-zA-Z][a-zA-Z\\-]*))re");
  std::map<std::string, std::set<std::string>> options;
  std::string current, l;
  bool tagLine = false;
  while (std::getline(in, l)) {
    std::smatch m;
    if (std::regex_search(l, m, title)) *version = m[1];
    if (l.rfind(".SH", 0) == 0) current.clear();
    if (std::regex_search(l, m, section)) current = m[1];
    if (tagLine && !current.empty()) {
      for (std::sregex_iterator it(l.begin(), l.end(), option), end; it != end; ++it) {
        std::string name = (*it)[3];
        name = std::regex_replace(name, std::regex(R"(\\-)"), "-");
        options[current].insert(((*it)[2].matched ? "--" : "-") + name);
      }
    }
    tagLine = l == ".TP";
  }
  return options;
}

TEST(Tool, TheManualHasEveryCommandAndOptionOfTheHelpAndNoOther) {
  std::string version;
  auto manual = manualOptions(&version);
  EXPECT_EQ(version, NOTICE_VERSION);
  auto names = commands();
  ASSERT_GE(names.size(), 9u);
  for (const auto& name : names) {
    std::set<std::string> help = helpOptions(run(name + " --help").out);
    EXPECT_FALSE(help.empty()) << name;
    EXPECT_EQ(manual[name], help) << "doc/notice.1, section notice " << name << ", against notice " << name << " --help";
  }
}

// What the installed completion offers after the words typed so far (the last one being
// completed), with this build's notice as the program.
std::string completed(const std::string& words) {
  std::string script = "source " + sourcePath("packaging/bash-completion/notice") + "; COMP_WORDS=(" + NOTICE_BIN +
                       " " + words + "); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _notice; echo \"${COMPREPLY[*]}\"";
  std::string command = "bash -c '" + script + "'";
  FILE* pipe = popen(command.c_str(), "r");
  std::string out;
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
  pclose(pipe);
  return out;
}

TEST(Tool, BashCompletesCommandsOptionsAndTheirChoices) {
  EXPECT_EQ(completed("d"), "diff\n");
  EXPECT_EQ(completed("se"), "search series\n");
  EXPECT_EQ(completed("parse --o"), "--out --ocr\n");
  EXPECT_EQ(completed("parse --ocr a"), "auto always\n");
  EXPECT_EQ(completed("diff --format \"\""), "text json html\n");
  EXPECT_EQ(completed("ingest --watch /nonexistent-folder/"), "\n");
  EXPECT_EQ(completed("list --deadline-b"), "--deadline-before\n");
}

// Every string literal in engine/ that reads like a command-line option: `--word` or `-o`
// after a space, a parenthesis or a backquote (not "<!--" or a "---" rule).
TEST(Hints, TheLibrarysMessagesNameNoCliOption) {
  const std::regex literal(R"re("((?:[^"\\\n]|\\.)*)")re");
  const std::regex option(R"re((^|[ (`])(--[a-z][a-z-]*|-[a-z]\b))re");
  size_t files = 0;
  for (const auto& entry : fs::recursive_directory_iterator(sourcePath("engine"))) {
    auto ext = entry.path().extension();
    if (ext != ".cc" && ext != ".h") continue;
    ++files;
    std::ifstream in(entry.path());
    std::string line;
    for (int number = 1; std::getline(in, line); ++number) {
      if (line.find_first_not_of(" ") != std::string::npos && line.compare(line.find_first_not_of(" "), 2, "//") == 0) continue;
      for (std::sregex_iterator it(line.begin(), line.end(), literal), end; it != end; ++it) {
        std::string text = (*it)[1];
        EXPECT_FALSE(std::regex_search(text, option)) << entry.path().string() << ":" << number << ": " << text;
      }
    }
  }
  EXPECT_GT(files, 50u);
}

TEST(Hints, TheCliSaysWhichOptionReadsAScan) {
  CommandResult r = run("parse --ocr never " + sourcePath("corpus/pdf-scanned/2026-shanxi-jjzc53-scan.pdf"), true);
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.out.find("OCR is turned off"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("--ocr auto"), std::string::npos) << r.out;
}

TEST(Hints, TheCliAsksForThePasswordOption) {
  fs::path dir = tempDir("hints_encrypted");
  fs::path pdf = dir / "encrypted.pdf";
  std::string command = "qpdf --encrypt secret owner 256 -- " + sourcePath("corpus/pdf/2026-shanxi-jjzc53.pdf") + " " +
                        pdf.string();
  ASSERT_EQ(std::system(command.c_str()), 0) << "qpdf is needed (scripts/install-deps.sh --test installs it)";
  CommandResult none = run("parse " + pdf.string(), true);
  EXPECT_EQ(none.code, 4);
  EXPECT_NE(none.out.find("give it with --password"), std::string::npos) << none.out;
  CommandResult wrong = run("parse --password guess " + pdf.string(), true);
  EXPECT_EQ(wrong.code, 4);
  EXPECT_EQ(wrong.out.find("give it with --password"), std::string::npos) << wrong.out;
  EXPECT_NE(wrong.out.find("password given is wrong"), std::string::npos) << wrong.out;
  fs::remove_all(dir);
}

TEST(Hints, AMissingGrammarFolderNamesBothWaysToGiveOne) {
  CommandResult r = run("parse " + sourcePath("corpus/text/2026-shanxi-jjzc53.txt"), true, "NOTICE_GRAMMARS=/nonexistent/rules");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("grammar folder not found: /nonexistent/rules (from NOTICE_GRAMMARS)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("--grammars DIR"), std::string::npos) << r.out;
  CommandResult given = run("parse --grammars /nonexistent/rules " + sourcePath("corpus/text/2026-shanxi-jjzc53.txt"), true);
  EXPECT_EQ(given.code, 1);
  EXPECT_NE(given.out.find("grammar folder not found: /nonexistent/rules"), std::string::npos) << given.out;
  EXPECT_EQ(given.out.find("--grammars DIR"), std::string::npos) << "the option was given: " << given.out;
}

}  // namespace
}  // namespace notice
