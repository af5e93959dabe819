// runInChild: the result comes back whole; a child past its deadline or its memory, or one that
// crashes, is an error value naming what happened, and the caller goes on.
#include "isolate/child_process.h"

#include <chrono>
#include <csignal>
#include <cstring>
#include <new>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace notice::isolate {
namespace {

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

TEST(ChildProcess, ReturnsWhatTheChildReturned) {
  auto r = runInChild([] { return std::string("a record"); }, {});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r.value(), "a record");
  // Larger than a pipe holds: the parent reads while the child writes.
  std::string big(24 << 20, 'x');
  big[12345] = '\0';
  auto large = runInChild([&] { return big; }, {});
  ASSERT_TRUE(large.ok()) << large.error().message;
  EXPECT_EQ(large.value(), big);
}

TEST(ChildProcess, AChildPastItsDeadlineIsKilled) {
  auto start = std::chrono::steady_clock::now();
  auto r = runInChild([] {
    for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));
    return std::string();
  }, {0.5, size_t{2} << 30});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kLimitExceeded);
  EXPECT_NE(r.error().message.find("took longer than 0.5 s"), std::string::npos) << r.error().message;
  EXPECT_LT(secondsSince(start), 3.0);
}

TEST(ChildProcess, AChildMayAskForMoreTime) {
  auto r = runInChild([] {
    allowMoreTime(1.5);
    std::this_thread::sleep_for(std::chrono::seconds(1));
    return std::string("in time");
  }, {0.5, size_t{2} << 30});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r.value(), "in time");
  auto capped = runInChild([] {
    allowMoreTime(100);
    for (;;) std::this_thread::sleep_for(std::chrono::seconds(1));
    return std::string();
  }, {0.5, size_t{2} << 30, 1.0});
  ASSERT_FALSE(capped.ok());
  EXPECT_NE(capped.error().message.find("took longer than 1 s"), std::string::npos) << capped.error().message;
}

// Touches memory until killed: the parent sees the resident size pass the cap.
TEST(ChildProcess, AChildPastItsMemoryIsKilled) {
  auto start = std::chrono::steady_clock::now();
  auto r = runInChild([] {
    std::vector<char*> blocks;
    for (int i = 0; i < 256; ++i) {  // up to 4 GiB, far past the cap
      char* b = static_cast<char*>(std::malloc(16 << 20));
      if (!b) break;
      std::memset(b, 1, 16 << 20);
      blocks.push_back(b);
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return std::string("not reached");
  }, {30, size_t{128} << 20});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kLimitExceeded);
  EXPECT_NE(r.error().message.find("needed more than 128 MiB"), std::string::npos) << r.error().message;
  EXPECT_LT(secondsSince(start), 10.0);
}

TEST(ChildProcess, AChildOutOfMemoryIsTheMemoryLimit) {
  auto r = runInChild([]() -> std::string { throw std::bad_alloc(); }, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kLimitExceeded);
  EXPECT_NE(r.error().message.find("memory"), std::string::npos) << r.error().message;
}

TEST(ChildProcess, ACrashIsAnErrorAndTheCallerGoesOn) {
  auto r = runInChild([]() -> std::string {
    std::raise(SIGSEGV);
    return "not reached";
  }, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kCrashed);
  // Plain builds name the signal; under AddressSanitizer its handler reports and then exits, or
  // aborts (abort_on_error=1, as scripts/check.sh runs it).
  EXPECT_TRUE(r.error().message.find("SIGSEGV") != std::string::npos ||
              r.error().message.find("without a result") != std::string::npos ||
              r.error().message.find("SIGABRT") != std::string::npos)
      << r.error().message;
  auto abort = runInChild([]() -> std::string { std::abort(); }, {});
  ASSERT_FALSE(abort.ok());
  EXPECT_EQ(abort.error().code, ErrorCode::kCrashed);
  auto next = runInChild([] { return std::string("next"); }, {});
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(next.value(), "next");
}

TEST(ChildProcess, AnExceptionIsAnError) {
  auto r = runInChild([]() -> std::string { throw std::runtime_error("x"); }, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kCrashed);
}

}  // namespace
}  // namespace notice::isolate
