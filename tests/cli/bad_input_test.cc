// Inputs and situations the reliability audit found the command failing on (F03, F10, F12,
// F13, F17, F18, F20 of ../shared/reliability): each must give a clear message and the right
// exit code, and a batch must go on.
#include <sys/stat.h>

#include <fstream>
#include <set>

#include "cli_support.h"
#include "test_support.h"

namespace notice {
namespace {

using testing::readFile;
using testing::sourcePath;

const char* kNotice = "corpus/text/2026-anhui-wjmzc23.txt";

std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

// F03: a GBK name from a Windows zip read as GB18030; a name that is no encoding at all kept
// with U+FFFD. Either way parse, -o and diff finish.
TEST(BadInput, AFileNameThatIsNotUtf8) {
  fs::path dir = tempDir("names");
  fs::path gbk = dir / "\xB9\xAB\xCE\xC4.txt";          // 公文 in GBK
  fs::path junk = dir / "bad-\xFF\xFE.txt";
  fs::copy_file(sourcePath(kNotice), gbk);
  fs::copy_file(sourcePath(kNotice), junk);
  CommandResult r = run("parse " + quoted(gbk));
  ASSERT_EQ(r.code, 0);
  EXPECT_EQ(nlohmann::json::parse(r.out)["source"]["file"], (dir / "公文.txt").string());
  r = run("parse --format jsonl " + quoted(junk));
  ASSERT_EQ(r.code, 0);
  EXPECT_NE(nlohmann::json::parse(r.out)["source"]["file"].get<std::string>().find("bad-\xEF\xBF\xBD"), std::string::npos);
  EXPECT_EQ(run("parse -o " + quoted(dir / "out") + " " + quoted(junk)).code, 0);
  EXPECT_EQ(run("diff --format json " + quoted(junk) + " " + sourcePath(kNotice)).code, 0);
}

// F10: a FIFO with no writer used to block for ever; a device never ends.
TEST(BadInput, NotARegularFile) {
  fs::path dir = tempDir("fifo");
  fs::path fifo = dir / "in.txt";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  CommandResult r = run("parse " + quoted(fifo) + " " + sourcePath(kNotice), true);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("not a regular file"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"doc_number\""), std::string::npos) << "the batch goes on";
  EXPECT_NE(run("parse /dev/zero", true).out.find("not a regular file"), std::string::npos);
}

// F12: two inputs of one stem used to write one record, the first lost, exit 0.
TEST(BadInput, TwoInputsWithOneStemGetTwoRecords) {
  fs::path dir = tempDir("stems");
  fs::create_directories(dir / "a");
  fs::create_directories(dir / "b");
  fs::copy_file(sourcePath("corpus/text/2021-shanxi-jjzc30.txt"), dir / "a" / "x.txt");
  fs::copy_file(sourcePath("corpus/text/2026-anhui-wjmzc23.txt"), dir / "b" / "x.txt");
  fs::copy_file(sourcePath("corpus/pdf/2026-anhui-wjmzc23.pdf"), dir / "b" / "x.pdf");
  fs::path out = dir / "out";
  ASSERT_EQ(run("parse -o " + quoted(out) + " " + quoted(dir / "a" / "x.txt") + " " + quoted(dir / "b" / "x.txt") + " " +
                quoted(dir / "b" / "x.pdf")).code, 0);
  std::set<std::string> numbers, files;
  for (const auto& e : fs::directory_iterator(out)) {
    auto record = nlohmann::json::parse(readFile(e.path().string()));
    numbers.insert(record["doc_number"]["text"].get<std::string>());
    files.insert(record["source"]["file"].get<std::string>());
  }
  EXPECT_EQ(files.size(), 3u) << "one record per input";
  EXPECT_EQ(numbers.size(), 2u);
  // Run again: the same three files are replaced, no fourth appears.
  ASSERT_EQ(run("parse -o " + quoted(out) + " " + quoted(dir / "a" / "x.txt") + " " + quoted(dir / "b" / "x.txt") + " " +
                quoted(dir / "b" / "x.pdf")).code, 0);
  EXPECT_EQ(std::distance(fs::directory_iterator(out), fs::directory_iterator()), 3);
}

// F17: a run killed between write and rename left NAME.json.tmp.PID for good.
TEST(BadInput, TemporaryFilesOfAKilledRunAreRemoved) {
  fs::path out = tempDir("tmpfiles");
  std::ofstream(out / "x.json.tmp.999999999") << "{\"half";
  std::ofstream(out / "notes.tmp.txt") << "a file of the user's";
  ASSERT_EQ(run("parse -o " + quoted(out) + " " + sourcePath(kNotice)).code, 0);
  EXPECT_FALSE(fs::exists(out / "x.json.tmp.999999999"));
  EXPECT_TRUE(fs::exists(out / "notes.tmp.txt"));
}

// F20: messages that say what is wrong.
TEST(BadInput, MessagesSayWhatIsWrong) {
  EXPECT_NE(run("parse /nonexistent/x.txt", true).out.find("no such file"), std::string::npos);
  EXPECT_NE(run("parse " + std::string(300, 'x') + ".txt", true).out.find("too long"), std::string::npos);
  CommandResult twice = run("parse - - < /dev/null", true);
  EXPECT_EQ(twice.code, 2);
  EXPECT_NE(twice.out.find("once"), std::string::npos) << twice.out;
  EXPECT_NE(run("parse --grammars " + sourcePath(kNotice) + " " + sourcePath(kNotice), true).out.find("is a file"),
            std::string::npos);
  // `--` ends the options: a file named -x.txt is an input.
  fs::path dir = tempDir("dashname");
  fs::copy_file(sourcePath(kNotice), dir / "-x.txt");
  EXPECT_EQ(run("parse -- " + quoted(dir / "-x.txt")).code, 0);
  EXPECT_EQ(run("parse -- -x.txt", true).code, 1);  // relative: no such file, not "unknown option"
}

}  // namespace
}  // namespace notice
