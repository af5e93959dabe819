// Sources are chosen by the bytes, never by the file's name; what no source reads is named.
#include "extract/source.h"
#include "test_support.h"

namespace notice {
namespace {

using testing::readFile;
using testing::sourcePath;

std::string chosen(std::string_view bytes) {
  auto s = sourceFor(bytes);
  return s.ok() ? s.value()->name : "error: " + s.error().message;
}

TEST(SourceChoice, APdfIsReadAsPdfWhateverItIsCalled) {
  std::string pdf = readFile(sourcePath("corpus/pdf/2026-anhui-wjmzc23.pdf"));
  EXPECT_EQ(chosen(pdf), "pdf");
  // Named .txt: the engine reads it as the PDF it is.
  auto record = testing::engine().parseBytes(pdf, "notice.txt", {});
  ASSERT_TRUE(record.ok()) << record.error().message;
  EXPECT_EQ(record.value()["source"]["format"], "pdf");
}

TEST(SourceChoice, AnOfdHoldingAPdfIsAnOfd) {
  // Its first member, a PDF stored uncompressed, puts "%PDF-" in the file's first KiB.
  std::string ofd = readFile(sourcePath("tests/data/ofd/pdf-inside.ofd"));
  ASSERT_NE(ofd.substr(0, 1024).find("%PDF-"), std::string::npos);
  EXPECT_EQ(chosen(ofd), "ofd");
}

TEST(SourceChoice, AZipThatIsNeitherOfdNorDocxIsNamed) {
  // OFD.xml in a folder rather than at the root, and no Word parts: some other zip.
  auto other = sourceFor(readFile(sourcePath("tests/data/ofd/not-a-package.zip")));
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(other.error().code, ErrorCode::kUnsupportedFormat);
  EXPECT_NE(other.error().message.find("neither an OFD nor a Word .docx"), std::string::npos) << other.error().message;
}

TEST(SourceChoice, TextIsTheLastResort) {
  EXPECT_EQ(chosen("关于开展活动的通知\n各市教育局：\n"), "text");
}

TEST(SourceChoice, FormatsNoSourceReadsAreNamed) {
  auto legacyDoc = sourceFor(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(512, '\0'));
  ASSERT_FALSE(legacyDoc.ok());
  EXPECT_EQ(legacyDoc.error().code, ErrorCode::kUnsupportedFormat);
  EXPECT_NE(legacyDoc.error().message.find(".doc"), std::string::npos);
  auto png = sourceFor(std::string("\x89PNG\r\n\x1A\n", 8) + std::string(64, '\0'));
  ASSERT_FALSE(png.ok());
  EXPECT_NE(png.error().message.find("image"), std::string::npos);
}

TEST(SourceChoice, EverySourceHasANameALimitAndAReader) {
  ASSERT_FALSE(sources().empty());
  EXPECT_STREQ(sources().back().name, "text");
  for (const Source& s : sources()) {
    EXPECT_GT(s.max_bytes, 0u) << s.name;
    EXPECT_NE(s.read, nullptr) << s.name;
    EXPECT_NE(s.sniff, nullptr) << s.name;
  }
}

}  // namespace
}  // namespace notice
