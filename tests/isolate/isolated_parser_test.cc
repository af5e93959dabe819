// IsolatedParser: the record a child process reads is the engine's own; a hostile PDF (the
// audit's F09, on which poppler coalesces text for minutes) is given up at the deadline with an
// error naming it, and the files around it, asked for from several threads at once, are read.
#include "isolate/isolated_parser.h"

#include <chrono>
#include <thread>
#include <vector>

#include "support/hostile_pdf.h"
#include "test_support.h"

namespace notice::isolate {
namespace {

using nlohmann::json;

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// A deadline of 5 s keeps the hostile cases short; a sample notice takes well under a second
// (under AddressSanitizer too).
const IsolatedParser& parser() {
  static std::unique_ptr<IsolatedParser> p = [] {
    auto started = IsolatedParser::start(testing::engine(), {5, size_t{2} << 30});
    if (!started.ok()) std::abort();
    return std::move(started).value();
  }();
  return *p;
}

TEST(IsolatedParser, GivesTheEnginesRecord) {
  for (const char* file : {"corpus/text/2026-shanxi-jjzc53.txt", "corpus/pdf/2026-shanxi-jjzc53.pdf"}) {
    std::string bytes = testing::readFile(testing::sourcePath(file));
    StageTimings t;
    auto isolated = parser().parseBytes(bytes, file, {}, &t);
    ASSERT_TRUE(isolated.ok()) << file << ": " << isolated.error().message;
    auto direct = testing::engine().parseBytes(bytes, file, {});
    ASSERT_TRUE(direct.ok());
    EXPECT_EQ(isolated.value().dump(), direct.value().dump()) << file;
    EXPECT_GT(t.extract_ms + t.fields_ms, 0) << file;
  }
}

TEST(IsolatedParser, PassesTheEnginesErrorsOn) {
  auto empty = parser().parseBytes("", "empty.txt", {});
  ASSERT_FALSE(empty.ok());
  auto direct = testing::engine().parseBytes("", "empty.txt", {});
  EXPECT_EQ(empty.error().code, direct.error().code);
  EXPECT_EQ(empty.error().message, direct.error().message);
}

// F09: poppler's TextPage::coalesce on one page of 200,000 runs went on past 120 s.
TEST(IsolatedParser, AHostilePdfIsGivenUpAtTheDeadline) {
  const std::string hostile = testing::manyRunsPdf(200000);
  auto start = std::chrono::steady_clock::now();
  auto r = parser().parseBytes(hostile, "manyruns.pdf", {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kLimitExceeded);
  EXPECT_NE(r.error().message.find("took longer than 5 s"), std::string::npos) << r.error().message;
  EXPECT_LT(secondsSince(start), 12.0);
}

TEST(IsolatedParser, ABatchGoesOnPastAHostileFileFromSeveralThreads) {
  const std::string text = testing::readFile(testing::sourcePath("corpus/text/2026-shanxi-jjzc53.txt"));
  const std::string hostile = testing::manyRunsPdf(200000);
  std::vector<std::string> files = {text, hostile, text, text};
  std::vector<std::optional<Error>> errors(files.size());
  std::vector<std::string> titles(files.size());
  const IsolatedParser& p = parser();  // started before the threads, as the batch does
  std::vector<std::thread> threads;
  for (size_t i = 0; i < files.size(); ++i) {
    threads.emplace_back([&, i] {
      auto r = p.parseBytes(files[i], "f" + std::to_string(i), {});
      if (r.ok()) titles[i] = r.value()["title"].get<std::string>();
      else errors[i] = r.error();
    });
  }
  for (auto& t : threads) t.join();
  ASSERT_TRUE(errors[1]);
  EXPECT_EQ(errors[1]->code, ErrorCode::kLimitExceeded);
  for (size_t i : {0, 2, 3}) {
    EXPECT_FALSE(errors[i]) << errors[i]->message;
    EXPECT_NE(titles[i].find("职业教育活动周"), std::string::npos) << titles[i];
  }
}

}  // namespace
}  // namespace notice::isolate
