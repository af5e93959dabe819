// The notice command as a user runs it: exit codes, batches that go on past bad files,
// output formats, and records that are never left half-written.
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "cli_support.h"
#include "support/pdf_writer.h"
#include "test_support.h"

namespace notice {
namespace {

namespace fs = std::filesystem;
using testing::sourcePath;

TEST(Cli, HelpAndUsage) {
  EXPECT_EQ(run("--help").code, 0);
  EXPECT_NE(run("--help").out.find("parse"), std::string::npos);
  EXPECT_EQ(run("parse --help").code, 0);
  EXPECT_EQ(run("").code, 2);
  EXPECT_EQ(run("frobnicate").code, 2);
  EXPECT_EQ(run("parse --format xml x").code, 2);
}

TEST(Cli, OneInputGivesOneJsonObject) {
  CommandResult r = run("parse " + sourcePath("corpus/text/2026-shanxi-jjzc53.txt"));
  ASSERT_EQ(r.code, 0);
  auto record = nlohmann::json::parse(r.out);
  EXPECT_EQ(record["doc_number"]["text"], "晋教职成函〔2026〕53号");
}

TEST(Cli, JsonlGivesOneRecordPerLine) {
  CommandResult r = run("parse --format jsonl " + sourcePath("corpus/text/2021-shanxi-jjzc30.txt") + " " +
              sourcePath("corpus/text/2024-shanxi-jjzc30.txt"));
  ASSERT_EQ(r.code, 0);
  std::vector<std::string> lines;
  size_t pos = 0, nl;
  while ((nl = r.out.find('\n', pos)) != std::string::npos) { lines.push_back(r.out.substr(pos, nl - pos)); pos = nl + 1; }
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(nlohmann::json::parse(lines[1])["year"], 2024);
}

TEST(Cli, StandardInput) {
  CommandResult r = run("parse - < " + sourcePath("corpus/text/2026-anhui-wjmzc23.txt"));
  ASSERT_EQ(r.code, 0);
  EXPECT_EQ(nlohmann::json::parse(r.out)["province"], "安徽省");
}

TEST(Cli, ABatchGoesOnPastBadFilesAndFails) {
  fs::path dir = tempDir("batch");
  { std::ofstream(dir / "empty.txt"); }
  { std::ofstream(dir / "garbage.bin", std::ios::binary) << std::string("\x00\x01\x02\xff\xfe", 5); }
  fs::path out = dir / "records";
  CommandResult r = run("parse -o " + out.string() + " " + (dir / "empty.txt").string() + " " + (dir / "missing.txt").string() +
              " " + (dir / "garbage.bin").string() + " " + sourcePath("corpus/text/2026-shanxi-jjzc53.txt"));
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(fs::exists(out / "2026-shanxi-jjzc53.json"));
  EXPECT_FALSE(fs::exists(out / "empty.json"));
  EXPECT_NE(r.out.find("1 parsed, 3 failed"), std::string::npos) << r.out;
}

TEST(Cli, ABatchGoesOnPastBadOfdAndWordFiles) {
  fs::path dir = tempDir("batch_zip");
  std::string good = testing::readFile(sourcePath("tests/data/docx/zhejiang-2026-training.docx"));
  { std::ofstream(dir / "cut.docx", std::ios::binary) << good.substr(0, good.size() / 2); }
  fs::path out = dir / "records";
  std::string bad;
  for (const char* f : {"tests/data/ofd/zip-bomb.ofd", "tests/data/ofd/xml-bomb.ofd", "tests/data/ofd/no-pages.ofd",
                        "tests/data/docx/empty-body.docx", "tests/data/docx/wrong-member.docx"}) {
    bad += " " + sourcePath(f);
  }
  CommandResult r = run("parse -o " + out.string() + " " + (dir / "cut.docx").string() + bad + " " +
                            sourcePath("corpus/real/ofd/o01_luqiao-2011-weisheng-pifu.ofd") + " " +
                            sourcePath("tests/data/docx/zhejiang-2026-training.docx"),
                        true);
  EXPECT_EQ(r.code, 1);
  EXPECT_TRUE(fs::exists(out / "o01_luqiao-2011-weisheng-pifu.json"));
  EXPECT_TRUE(fs::exists(out / "zhejiang-2026-training.json"));
  EXPECT_NE(r.out.find("2 parsed, 6 failed"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("zip bomb"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("truncated"), std::string::npos) << r.out;
}

TEST(Cli, AFailedRunLeavesAStoredRecordWhole) {
  fs::path dir = tempDir("atomic");
  fs::path out = dir / "records";
  ASSERT_EQ(run("parse -o " + out.string() + " " + sourcePath("corpus/text/2026-shanxi-jjzc53.txt")).code, 0);
  std::string before = testing::readFile((out / "2026-shanxi-jjzc53.json").string());
  // The same name, now unreadable: the stored record stays as it was, no temporary files remain.
  
  { std::ofstream(dir / "2026-shanxi-jjzc53.txt", std::ios::binary | std::ios::trunc) << std::string("\x00\xff", 2); }
  EXPECT_NE(run("parse -o " + out.string() + " " + (dir / "2026-shanxi-jjzc53.txt").string()).code, 0);
  EXPECT_EQ(testing::readFile((out / "2026-shanxi-jjzc53.json").string()), before);
  size_t files = 0;
  for (const auto& e : fs::directory_iterator(out)) { (void)e; ++files; }
  EXPECT_EQ(files, 1u);
}

TEST(Cli, DuplicatesAreCaught) {
  fs::path dir = tempDir("duplicates");
  fs::copy_file(sourcePath("corpus/text/2026-shanxi-jjzc53.txt"), dir / "a.txt");
  fs::copy_file(sourcePath("corpus/text/2026-shanxi-jjzc53.txt"), dir / "b.txt");
  { std::ofstream(dir / "c.txt", std::ios::app) << testing::readFile(sourcePath("corpus/text/2026-shanxi-jjzc53.txt")) << "\n"; }
  fs::path out = dir / "records";
  std::string command = std::string(NOTICE_BIN) + " parse -o " + out.string() + " " + (dir / "a.txt").string() + " " +
                        (dir / "b.txt").string() + " " + (dir / "c.txt").string() + " 2>&1 >/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  std::string err;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) err.append(buf, n);
  pclose(pipe);
  EXPECT_NE(err.find("b.txt: the same file as"), std::string::npos) << err;
  EXPECT_NE(err.find("c.txt: the same 发文字号 as"), std::string::npos) << err;
  EXPECT_FALSE(fs::exists(out / "b.json"));  // the same bytes are not stored twice
  EXPECT_TRUE(fs::exists(out / "c.json"));
}

TEST(Cli, AHugeInputIsRefusedAndTheBatchGoesOn) {
  fs::path dir = tempDir("huge");
  {
    std::ofstream out(dir / "huge.txt", std::ios::binary);
    std::string line = "各市要认真做好职业教育活动周各项工作，确保活动取得实效。\n";
    for (size_t written = 0; written <= (size_t{17} << 20); written += line.size()) out << line;
  }
  CommandResult r = run("parse --format jsonl " + (dir / "huge.txt").string() + " " +
                            sourcePath("corpus/text/2026-shanxi-jjzc53.txt"), true);
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("huge.txt: 17 MiB is too large for a text export"), std::string::npos) << r.out.substr(0, 300);
  EXPECT_NE(r.out.find("晋教职成函〔2026〕53号"), std::string::npos);
  fs::remove_all(dir);
}

TEST(Cli, AScanIsRefusedWithItsOwnExitCodeUnderOcrNever) {
  CommandResult r = run("parse --ocr never " + sourcePath("corpus/pdf-scanned/2026-shanxi-jjzc53-scan.pdf"));
  EXPECT_EQ(r.code, 3);
}

// A scan of a blank page: OCR finds no text, and the PDF is refused with the scan's exit code.
std::string blankScan() {
  fs::path path = tempDir("blank_scan") / "blank.pdf";
  std::ofstream(path, std::ios::binary) << testing::makePdf({testing::blankScannedPage()});
  return path.string();
}

TEST(Cli, ABlankScanIsRefusedWithTheScansExitCode) {
  CommandResult r = run("parse " + blankScan(), true);
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.out.find("OCR found no text"), std::string::npos) << r.out;
}

TEST(Cli, DiffTakesATextExportAPdfOrARecord) {
  fs::path dir = tempDir("diff_inputs");
  std::string record = (dir / "2021.json").string();
  ASSERT_EQ(run("parse -o " + dir.string() + " " + sourcePath("corpus/text/2021-shanxi-jjzc30.txt")).code, 0);
  fs::rename(dir / "2021-shanxi-jjzc30.json", record);
  CommandResult r = run("diff --format json " + record + " " + sourcePath("corpus/pdf/2026-shanxi-jjzc53.pdf"));
  ASSERT_EQ(r.code, 0);
  auto diff = nlohmann::json::parse(r.out);
  EXPECT_EQ(diff["schema"], "notice-diff/1");
  bool theme = false;
  for (const auto& e : diff["fields"]) {
    theme = theme || (e["path"] == "/themes/0" && e["new"]["theme"] == "一技在手，一生无忧");
  }
  EXPECT_TRUE(theme);
}

TEST(Cli, DiffTextIsPlainWhenPipedAndHtmlGoesToAFile) {
  std::string pair = sourcePath("corpus/text/2026-shanxi-jjzc53.txt") + " " + sourcePath("corpus/text/2026-anhui-wjmzc23.txt");
  CommandResult text = run("diff " + pair);
  ASSERT_EQ(text.code, 0);
  EXPECT_EQ(text.out.find("\x1b["), std::string::npos);
  EXPECT_NE(text.out.find("~ 国资: 山西省国资委 → 安徽省人民政府国有资产监督管理委员会"), std::string::npos) << text.out;
  fs::path html = tempDir("diff_html") / "diff.html";
  ASSERT_EQ(run("diff --format html -o " + html.string() + " " + pair).code, 0);
  std::string page = testing::readFile(html.string());
  EXPECT_EQ(page.rfind("<!doctype html>", 0), 0u);
  EXPECT_NE(page.find("<table id=\"roles\""), std::string::npos);
}

// diff and compare end without freeing what they hold (exitWithoutTeardown): their output is
// flushed first, and a write that fails is reported, where a normal exit ignored it.
TEST(Cli, DiffAndCompareSayWhenTheirOutputCannotBeWritten) {
  std::string pair = sourcePath("corpus/text/2026-shanxi-jjzc53.txt") + " " + sourcePath("corpus/text/2026-anhui-wjmzc23.txt");
  for (const char* command : {"diff", "diff --format json", "compare"}) {
    // Standard error to the pipe, standard output to a device that is always full.
    FILE* pipe = popen((std::string(NOTICE_BIN) + " " + command + " " + pair + " 2>&1 >/dev/full").c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    std::string err;
    char buf[4096];
    for (size_t n; (n = fread(buf, 1, sizeof buf, pipe)) > 0;) err.append(buf, n);
    int status = pclose(pipe);
    EXPECT_EQ(WIFEXITED(status) ? WEXITSTATUS(status) : -1, 1) << command;
    EXPECT_NE(err.find("notice: writing the output failed: No space left on device"), std::string::npos) << command << ": " << err;
  }
  CommandResult whole = run("diff " + pair);  // and written whole where it can be
  ASSERT_EQ(whole.code, 0);
  EXPECT_NE(whole.out.find("~ 国资: 山西省国资委 → 安徽省人民政府国有资产监督管理委员会"), std::string::npos) << whole.out;
}

TEST(Cli, DiffNamesABadInputAndNeedsTwo) {
  std::string good = sourcePath("corpus/text/2021-shanxi-jjzc30.txt");
  EXPECT_EQ(run("diff " + good).code, 2);
  CommandResult missing = run("diff /nonexistent/a.txt " + good, true);
  EXPECT_EQ(missing.code, 1);
  EXPECT_NE(missing.out.find("notice: /nonexistent/a.txt: no such file"), std::string::npos) << missing.out;
  EXPECT_EQ(run("diff " + blankScan() + " " + good).code, 3);
  EXPECT_EQ(run("diff --format xml " + good + " " + good).code, 2);
  fs::path dir = tempDir("diff_bad_json");
  { std::ofstream(dir / "other.json") << R"({"name": "not a record"})"; }
  CommandResult other = run("diff " + (dir / "other.json").string() + " " + good, true);
  EXPECT_EQ(other.code, 1);
  EXPECT_NE(other.out.find("other.json: JSON, but not a notice/1 record"), std::string::npos) << other.out;
  { std::ofstream(dir / "edited.json") << R"({"schema": "notice/1", "themes": "none"})"; }
  CommandResult edited = run("diff " + (dir / "edited.json").string() + " " + good, true);
  EXPECT_EQ(edited.code, 1);
  EXPECT_NE(edited.out.find("edited.json: a notice/1 record with a value out of shape at /themes: expected a list"),
            std::string::npos) << edited.out;
}

TEST(Cli, CompareInEveryFormat) {
  std::string series = sourcePath("corpus/text/2021-shanxi-jjzc30.txt") + " " + sourcePath("corpus/text/2024-shanxi-jjzc30.txt") +
                       " " + sourcePath("corpus/pdf/2026-shanxi-jjzc53.pdf");
  CommandResult json = run("compare --format json " + series);
  ASSERT_EQ(json.code, 0);
  auto s = nlohmann::json::parse(json.out);
  ASSERT_EQ(s["rows"].size(), 3u);
  EXPECT_EQ(s["rows"][2]["doc_number"], "晋教职成函〔2026〕53号");
  CommandResult csv = run("compare --format csv " + series);
  EXPECT_EQ(std::count(csv.out.begin(), csv.out.end(), '\n'), 4);
  CommandResult text = run("compare " + series);
  EXPECT_NE(text.out.find("* roles:"), std::string::npos) << text.out;
  EXPECT_NE(run("compare --format html " + series).out.find("<table id=\"series\""), std::string::npos);
}

}  // namespace
}  // namespace notice
