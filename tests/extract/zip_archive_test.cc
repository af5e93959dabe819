// The zip reader under OFD and .docx: its limits, unsafe member names, part paths, and the XML
// parts' refusal of document type declarations.
#include "extract/xml_part.h"
#include "extract/zip_archive.h"
#include "test_support.h"

namespace notice {
namespace {

using testing::readFile;
using testing::sourcePath;

std::string testOfd(const std::string& name) { return readFile(sourcePath("tests/data/ofd/" + name)); }

TEST(ZipArchive, ReadsPartsByPathExactlyOrIgnoringCase) {
  std::string bytes = testOfd("multipage.ofd");
  auto zip = ZipArchive::open(bytes);
  ASSERT_TRUE(zip.ok()) << zip.error().message;
  EXPECT_TRUE(zip.value().contains("OFD.xml"));
  EXPECT_TRUE(zip.value().contains("/OFD.xml"));
  EXPECT_TRUE(zip.value().contains("ofd.XML"));
  EXPECT_FALSE(zip.value().contains("Doc_0"));
  auto part = zip.value().read("Doc_0/Document.xml");
  ASSERT_TRUE(part.ok()) << part.error().message;
  EXPECT_NE(part.value().find("<ofd:Pages>"), std::string::npos);
  auto missing = zip.value().read("Doc_9/Document.xml");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kCorrupt);
}

TEST(ZipArchive, MembersNamedOutsideThePackageAreIgnored) {
  std::string bytes = testOfd("unsafe-names.ofd");
  auto zip = ZipArchive::open(bytes);
  ASSERT_TRUE(zip.ok()) << zip.error().message;
  for (const auto& name : zip.value().names()) {
    EXPECT_EQ(name.find(".."), std::string::npos) << name;
    EXPECT_NE(name.front(), '/') << name;
  }
  EXPECT_EQ(zip.value().names().size(), 4u);  // OFD.xml, PublicRes, Document, one page
  EXPECT_FALSE(zip.value().contains("../evil.xml"));
}

TEST(ZipArchive, LimitsHold) {
  std::string bytes = testOfd("multipage.ofd");
  auto few = ZipArchive::open(bytes, ZipLimits{.max_entries = 3});
  ASSERT_FALSE(few.ok());
  EXPECT_EQ(few.error().code, ErrorCode::kTooLarge);

  auto small = ZipArchive::open(bytes, ZipLimits{.max_part_bytes = 100});
  ASSERT_TRUE(small.ok());
  auto part = small.value().read("Doc_0/Document.xml");
  ASSERT_FALSE(part.ok());
  EXPECT_EQ(part.error().code, ErrorCode::kTooLarge);

  // All parts together: the second read goes over what is left of the budget.
  auto budget = ZipArchive::open(bytes, ZipLimits{.max_total_bytes = 700});
  ASSERT_TRUE(budget.ok());
  EXPECT_TRUE(budget.value().read("Doc_0/Document.xml").ok());
  EXPECT_FALSE(budget.value().read("Doc_0/Pages/Page_0/Content.xml").ok());
}

TEST(ZipArchive, AZipBombIsRefusedByItsRatio) {
  std::string bytes = testOfd("zip-bomb.ofd");
  auto zip = ZipArchive::open(bytes);
  ASSERT_TRUE(zip.ok());
  auto part = zip.value().read("Doc_0/Pages/Page_0/Content.xml");
  ASSERT_FALSE(part.ok());
  EXPECT_EQ(part.error().code, ErrorCode::kTooLarge);
  EXPECT_NE(part.error().message.find("zip bomb"), std::string::npos) << part.error().message;
}

TEST(ZipArchive, ATruncatedZipIsCorruptButStillNamesItsMembers) {
  std::string bytes = testOfd("multipage.ofd");
  std::string cut = bytes.substr(0, bytes.size() - 40);
  auto zip = ZipArchive::open(cut);
  ASSERT_FALSE(zip.ok());
  EXPECT_EQ(zip.error().code, ErrorCode::kCorrupt);
  auto names = zipMemberNames(cut);  // from the local headers
  EXPECT_NE(std::find(names.begin(), names.end(), "OFD.xml"), names.end());
  EXPECT_TRUE(zipMemberNames("not a zip").empty());
}

// Found by fuzz_package: a local header whose compressed size is 2³² − 49 put the next header
// back at this one (30 + 19 + size wrapped round to 0 in 32 bits), and the names were read
// again until memory ran out.
TEST(ZipArchive, AHugeCompressedSizeEndsTheLocalHeaders) {
  std::string header("PK\x03\x04\x14\x00\x00\x00\x08\x00\x00\x00\x21\x5c\x79\x6e\x33\xd7", 18);
  header += std::string("\xcf\xff\xff\xff", 4);   // compressed size
  header += std::string("\xff\xff\xff\x7f", 4);   // uncompressed size
  header += std::string("\x13\x00\x00\x00", 4);   // name of 19 bytes, no extra field
  std::string bytes = header + "[Content_Types].xml" + std::string(200, '\0');
  EXPECT_EQ(zipMemberNames(bytes), std::vector<std::string>{"[Content_Types].xml"});
}

TEST(ZipArchive, PartPathsResolveInsideThePackage) {
  EXPECT_EQ(resolvePartPath("Doc_0/Document.xml", "Pages/Page_0/Content.xml"), "Doc_0/Pages/Page_0/Content.xml");
  EXPECT_EQ(resolvePartPath("Doc_0/Document.xml", "/Doc_0/PublicRes.xml"), "Doc_0/PublicRes.xml");
  EXPECT_EQ(resolvePartPath("OFD.xml", "Doc_0/Document.xml"), "Doc_0/Document.xml");
  EXPECT_EQ(resolvePartPath("Doc_0/Document.xml", "./Res/../PublicRes.xml"), "Doc_0/PublicRes.xml");
  EXPECT_EQ(resolvePartPath("Doc_0/Document.xml", "Pages\\Page_1\\Content.xml"), "Doc_0/Pages/Page_1/Content.xml");
  EXPECT_EQ(resolvePartPath("Doc_0/Document.xml", "../../etc/passwd"), "");
  EXPECT_EQ(resolvePartPath("", "word/document.xml"), "word/document.xml");
}

TEST(XmlPart, DocumentTypesAndEntitiesAreRefused) {
  auto bomb = parseXmlPart("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x \"xx\"><!ENTITY y \"&x;&x;&x;\">]><a>&y;</a>", "p.xml");
  ASSERT_FALSE(bomb.ok());
  EXPECT_EQ(bomb.error().code, ErrorCode::kCorrupt);
  EXPECT_NE(bomb.error().message.find("p.xml"), std::string::npos);
  auto external = parseXmlPart("<!DOCTYPE a SYSTEM \"file:///etc/passwd\"><a/>", "q.xml");
  ASSERT_FALSE(external.ok());
  auto broken = parseXmlPart("<a><b></a>", "r.xml");
  ASSERT_FALSE(broken.ok());
  EXPECT_NE(broken.error().message.find("not well-formed"), std::string::npos);
  auto fine = parseXmlPart("<w:document xmlns:w=\"x\"><w:body><w:t xml:space=\"preserve\"> </w:t></w:body></w:document>", "s.xml");
  ASSERT_TRUE(fine.ok()) << fine.error().message;
  pugi::xml_node body = child(fine.value()->document_element(), "body");
  EXPECT_TRUE(body);
  EXPECT_STREQ(child(body, "t").child_value(), " ");  // white space alone is kept
}

}  // namespace
}  // namespace notice
