#include "core/sha256.h"

#include <gtest/gtest.h>

#include <string>

namespace notice {
namespace {

// FIPS 180-2's examples.
TEST(Sha256, KnownDigests) {
  EXPECT_EQ(sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Sha256, PartsHashAsTheirConcatenation) {
  const std::string whole = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  const std::string expected = "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
  EXPECT_EQ(sha256Hex(whole), expected);
  EXPECT_EQ(sha256Hex({whole.substr(0, 5), "", whole.substr(5, 30), whole.substr(35)}), expected);
  EXPECT_EQ(sha256Hex({}), sha256Hex(""));
}

}  // namespace
}  // namespace notice
