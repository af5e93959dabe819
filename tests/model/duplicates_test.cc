// DuplicateIndex: the same file twice, or one 发文字号 in two files.
#include "model/duplicates.h"

#include <gtest/gtest.h>

namespace notice {
namespace {

Notice notice(const std::string& sha, const std::optional<std::string>& docNumber) {
  Notice n;
  n.source.sha256 = sha;
  if (docNumber) n.doc_number = DocNumber{*docNumber, "晋教职成函", 2026, 53};
  return n;
}

TEST(DuplicateIndex, SameBytesThenSameDocNumber) {
  DuplicateIndex index;
  EXPECT_FALSE(index.add(notice("aa", "晋教职成函〔2026〕53号"), "a.pdf"));
  auto sameFile = index.add(notice("aa", "晋教职成函〔2026〕53号"), "b.pdf");
  ASSERT_TRUE(sameFile);
  EXPECT_EQ(sameFile->kind, Duplicate::Kind::kSameFile);
  EXPECT_EQ(sameFile->other, "a.pdf");
  auto sameNumber = index.add(notice("bb", "晋教职成函〔2026〕53号"), "c.txt");
  ASSERT_TRUE(sameNumber);
  EXPECT_EQ(sameNumber->kind, Duplicate::Kind::kSameDocNumber);
  EXPECT_EQ(sameNumber->other, "a.pdf");
}

TEST(DuplicateIndex, NoticesWithoutADocNumberAreNeverTheSameNotice) {
  DuplicateIndex index;
  EXPECT_FALSE(index.add(notice("aa", std::nullopt), "a.txt"));
  EXPECT_FALSE(index.add(notice("bb", std::nullopt), "b.txt"));
}

}  // namespace
}  // namespace notice
