// core/read_all: whole files and pipes read into a string, and the cap that stops a huge input.
#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdio>
#include <string>

#include "core/read_all.h"

namespace notice {
namespace {

std::string pattern(size_t size) {
  std::string s(size, '\0');
  for (size_t i = 0; i < size; ++i) s[i] = static_cast<char>('a' + i % 23);
  return s;
}

std::string written(const std::string& bytes) {
  std::string path = ::testing::TempDir() + "read_all_" + std::to_string(bytes.size());
  std::FILE* f = std::fopen(path.c_str(), "wb");
  std::fwrite(bytes.data(), 1, bytes.size(), f);
  std::fclose(f);
  return path;
}

TEST(ReadAll, ReadsWholeFilesOfEverySizeAroundItsSteps) {
  for (size_t size : {0, 1, 4095, 4096, 4097, 65536, 200001}) {
    const std::string bytes = pattern(size), path = written(bytes);
    std::string out;
    ASSERT_FALSE(readAll(path, out).has_value()) << size;
    EXPECT_EQ(out, bytes) << size;
    // With room reserved past the end, as the CLI does, and with something there before.
    std::string reserved = "head:";
    reserved.reserve(size + 70);
    ASSERT_FALSE(readAll(path, reserved).has_value()) << size;
    EXPECT_EQ(reserved, "head:" + bytes) << size;
  }
}

TEST(ReadAll, StopsOneBytePastTheMost) {
  const std::string path = written(pattern(100000));
  std::string out;
  ASSERT_FALSE(readAll(path, out, 5000).has_value());
  EXPECT_EQ(out.size(), 5001u);  // enough to say "more than 5000"
  EXPECT_EQ(out, pattern(5001));
}

TEST(ReadAll, ReadsAPipeToItsEnd) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  const std::string bytes = pattern(30000);  // less than a pipe holds: written before it is read
  ASSERT_EQ(::write(fds[1], bytes.data(), bytes.size()), static_cast<ssize_t>(bytes.size()));
  ::close(fds[1]);
  std::string out;
  ASSERT_FALSE(readAll(fds[0], out).has_value());
  ::close(fds[0]);
  EXPECT_EQ(out, bytes);
}

TEST(ReadAll, SaysWhyAFileCannotBeRead) {
  std::string out;
  auto failed = readAll(std::string("/nonexistent/record.json"), out);
  ASSERT_TRUE(failed.has_value());
  EXPECT_NE(failed->find("No such file"), std::string::npos) << *failed;
}

}  // namespace
}  // namespace notice
