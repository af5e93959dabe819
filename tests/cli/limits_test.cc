// Bounded work in the command (audit F09 and the limits of issue 12): a PDF on which poppler
// coalesces text for minutes is given up at --timeout with its own exit code, and `parse` and
// `ingest` go on to the files after it, and `diff` and `compare` stop at it; a record nested 100,000 deep in the output folder no
// longer brings `parse -o` down.
#include <chrono>
#include <fstream>

#include "cli_support.h"
#include "support/hostile_pdf.h"
#include "test_support.h"

namespace notice {
namespace {

using testing::sourcePath;

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

fs::path hostilePdf(const fs::path& dir) {
  fs::path path = dir / "manyruns.pdf";
  std::ofstream(path, std::ios::binary) << testing::manyRunsPdf(200000);
  return path;
}

const std::string kA = sourcePath("corpus/text/2026-shanxi-jjzc53.txt");
const std::string kB = sourcePath("corpus/text/2021-shanxi-jjzc30.txt");

TEST(Limits, ParseGivesUpAtTheDeadlineAndGoesOn) {
  fs::path dir = tempDir("limits_parse");
  fs::path out = dir / "out";
  auto start = std::chrono::steady_clock::now();
  CommandResult r = run("parse --timeout 3 -o " + out.string() + " " + kA + " " + hostilePdf(dir).string() + " " + kB, true);
  EXPECT_LT(secondsSince(start), 10.0);
  EXPECT_EQ(r.code, 5) << r.out;
  EXPECT_NE(r.out.find("manyruns.pdf: took longer than 3 s to read"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("--timeout"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2 parsed, 1 failed"), std::string::npos) << r.out;
  EXPECT_TRUE(fs::exists(out / "2026-shanxi-jjzc53.json"));
  EXPECT_TRUE(fs::exists(out / "2021-shanxi-jjzc30.json"));
}

TEST(Limits, IngestGivesUpAtTheDeadlineAndGoesOn) {
  fs::path dir = tempDir("limits_ingest");
  CommandResult r = run("ingest -j 2 --timeout 3 --archive " + (dir / "a.db").string() + " " + kA + " " +
                            hostilePdf(dir).string() + " " + kB, true);
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_NE(r.out.find("manyruns.pdf: took longer than 3 s to read"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2 ingested, 0 versions, 0 duplicates, 1 failed"), std::string::npos) << r.out;
}

// diff and compare read a notice that is no record in a child process too, under the same limits.
TEST(Limits, DiffAndCompareGiveUpAtTheDeadline) {
  fs::path dir = tempDir("limits_diff");
  fs::path hostile = hostilePdf(dir);
  auto start = std::chrono::steady_clock::now();
  CommandResult diff = run("diff --timeout 3 " + kA + " " + hostile.string(), true);
  EXPECT_LT(secondsSince(start), 10.0);
  EXPECT_EQ(diff.code, 5) << diff.out;
  EXPECT_NE(diff.out.find("manyruns.pdf: took longer than 3 s to read"), std::string::npos) << diff.out;
  EXPECT_NE(diff.out.find("--timeout"), std::string::npos) << diff.out;
  CommandResult compare = run("compare --timeout 2 " + kA + " " + hostile.string() + " " + kB, true);
  EXPECT_EQ(compare.code, 5) << compare.out;
  EXPECT_NE(compare.out.find("manyruns.pdf: took longer than 2 s to read"), std::string::npos) << compare.out;
  EXPECT_EQ(run("compare --timeout 30 --memory 512 " + kA + " " + kB).code, 0);
}

TEST(Limits, BadLimitsAreUsageErrors) {
  EXPECT_EQ(run("parse --timeout soon " + kA).code, 2);
  EXPECT_EQ(run("parse --memory 0 " + kA).code, 2);
  EXPECT_EQ(run("ingest --timeout").code, 2);
  EXPECT_EQ(run("diff --timeout 0 " + kA + " " + kB).code, 2);
}

TEST(Limits, ARecordNestedTooDeepInTheOutputFolder) {
  fs::path dir = tempDir("limits_deep");
  CommandResult parsed = run("parse " + kB);
  ASSERT_EQ(parsed.code, 0);
  auto record = nlohmann::json::parse(parsed.out);
  record["source"]["file"] = "other.txt";
  record["sections"] = "@";
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += R"([{"number":"一、","title":"x","level":1,"children":)";
  deep += "[]";
  for (int i = 0; i < 100000; ++i) deep += "}]";
  std::string text = record.dump();
  text.replace(text.find("\"@\""), 3, deep);
  std::ofstream(dir / "deep.json") << text;
  CommandResult r = run("parse -o " + dir.string() + " " + kA, true);
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_TRUE(fs::exists(dir / "2026-shanxi-jjzc53.json"));
}

}  // namespace
}  // namespace notice
