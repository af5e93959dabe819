// The Word source on the test files tests/data/docx/make_docx.py writes: what WordprocessingML
// says about each paragraph, and each kind of bad package.
#include "extract/docx_numbering.h"
#include "extract/docx_source.h"
#include "extract/source.h"
#include "extract/xml_part.h"
#include "test_support.h"

namespace notice {
namespace {

using testing::readFile;
using testing::sourcePath;

std::string testDocx(const std::string& name) { return readFile(sourcePath("tests/data/docx/" + name)); }

PageText docx(const std::string& name) {
  auto r = readDocx(testDocx(name), {}, testing::grammar());
  if (!r.ok()) {
    ADD_FAILURE() << name << ": " << r.error().message;
    return {};
  }
  return std::move(r).value();
}

std::string textOf(const Line& l) {
  std::string text;
  for (const auto& p : l.pieces) text += (text.empty() ? "" : "|") + p.text;
  return text;
}

const Line* lineStarting(const PageText& d, const std::string& start) {
  for (const auto& page : d.pages) {
    for (const auto& l : page.lines) {
      if (textOf(l).rfind(start, 0) == 0) return &l;
    }
  }
  return nullptr;
}

bool anyLineHas(const PageText& d, const std::string& words) {
  for (const auto& page : d.pages) {
    for (const auto& l : page.lines) {
      if (textOf(l).find(words) != std::string::npos) return true;
    }
  }
  return false;
}

TEST(DocxSource, IsChosenByItsParts) {
  std::string bytes = testDocx("zhejiang-2026-training.docx");
  auto chosen = sourceFor(bytes);
  ASSERT_TRUE(chosen.ok()) << chosen.error().message;
  EXPECT_STREQ(chosen.value()->name, "docx");
  // Named .pdf, it is still read as the .docx it is.
  auto record = testing::engine().parseBytes(bytes, "notice.pdf", {});
  ASSERT_TRUE(record.ok()) << record.error().message;
  EXPECT_EQ(record.value()["source"]["format"], "docx");
}

TEST(DocxSource, AlignmentSizesFontsAndWeightThroughTheStyles) {
  PageText d = docx("zhejiang-2026-training.docx");
  EXPECT_EQ(d.format, SourceFormat::kDocx);
  EXPECT_FALSE(d.has_geometry);
  EXPECT_EQ(d.metadata.title, "浙江省教育厅关于举办2026年全省中等职业学校班主任能力提升培训班的通知");
  // Direct formatting: 36 pt 小标宋, centred.
  const Line* masthead = lineStarting(d, "浙江省教育厅文件");
  ASSERT_NE(masthead, nullptr);
  EXPECT_EQ(masthead->font_size, 36);
  EXPECT_EQ(masthead->font_family, "Song");
  EXPECT_EQ(masthead->align, Align::kCentre);
  // The paragraph style DocTitle: centred, 22 pt (w:sz 44), 小标宋; its line break starts a line.
  const Line* title = lineStarting(d, "浙江省教育厅关于举办2026年全省中等职业学校");
  ASSERT_NE(title, nullptr);
  EXPECT_EQ(textOf(*title), "浙江省教育厅关于举办2026年全省中等职业学校");
  EXPECT_EQ(title->font_size, 22);
  EXPECT_EQ(title->align, Align::kCentre);
  const Line* titleEnd = lineStarting(d, "班主任能力提升培训班的通知");
  ASSERT_NE(titleEnd, nullptr);
  EXPECT_EQ(titleEnd->align, Align::kCentre);
  EXPECT_FALSE(titleEnd->blank_before);
  // The document defaults: 16 pt (三号) 仿宋_GB2312, justified; after an empty paragraph, a blank.
  const Line* recipients = lineStarting(d, "各市教育局");
  ASSERT_NE(recipients, nullptr);
  EXPECT_EQ(recipients->font_size, 16);
  EXPECT_EQ(recipients->font_family, "Fangsong");
  EXPECT_EQ(recipients->align, Align::kJustified);
  EXPECT_TRUE(recipients->blank_before);
  // A character style: 黑体, bold.
  const Line* heading = lineStarting(d, "一、培训时间和地点");
  ASSERT_NE(heading, nullptr);
  EXPECT_TRUE(heading->bold);
  EXPECT_EQ(heading->font_family, "Hei");
  EXPECT_FALSE(recipients->bold);
  // The Signature style: right-aligned.
  const Line* date = lineStarting(d, "2026年4月20日");
  ASSERT_NE(date, nullptr);
  EXPECT_EQ(date->align, Align::kRight);
}

TEST(DocxSource, RunContentAsWordShowsIt) {
  PageText d = docx("zhejiang-2026-training.docx");
  // A field shows its result, not its code.
  EXPECT_TRUE(anyLineHas(d, "邮箱：zjzcc@zjedu.gov.cn。"));
  EXPECT_FALSE(anyLineHas(d, "HYPERLINK"));
  // A soft hyphen shows only where a line breaks.
  EXPECT_TRUE(anyLineHas(d, "（Moodle）"));
  // A deleted revision and hidden text are not the document's text.
  EXPECT_FALSE(anyLineHas(d, "逾期不予受理"));
  EXPECT_FALSE(anyLineHas(d, "内部备注"));
  // A tab separates pieces.
  const Line* printed = lineStarting(d, "浙江省教育厅办公室");
  ASSERT_NE(printed, nullptr);
  EXPECT_EQ(textOf(*printed), "浙江省教育厅办公室|2026年4月21日印发");
}

TEST(DocxSource, WordsListNumbersAreWrittenBeforeTheirParagraphs) {
  PageText d = docx("zhejiang-2026-training.docx");
  // Headings numbered through their paragraph style, items through their own w:numPr.
  EXPECT_NE(lineStarting(d, "一、培训时间和地点"), nullptr);
  EXPECT_NE(lineStarting(d, "四、其他事项"), nullptr);
  EXPECT_NE(lineStarting(d, "（一）培训不收取费用"), nullptr);
  EXPECT_NE(lineStarting(d, "（二）培训使用在线学习平台"), nullptr);
}

TEST(DocxNumbering, WordsFormats) {
  EXPECT_EQ(formatListNumber(1, "chineseCounting"), "一");
  EXPECT_EQ(formatListNumber(10, "chineseCounting"), "十");
  EXPECT_EQ(formatListNumber(12, "chineseCounting"), "十二");
  EXPECT_EQ(formatListNumber(20, "chineseCountingThousand"), "二十");
  EXPECT_EQ(formatListNumber(105, "chineseCounting"), "一百零五");
  EXPECT_EQ(formatListNumber(3, "ideographTraditional"), "丙");
  EXPECT_EQ(formatListNumber(2026, "ideographDigital"), "二〇二六");
  EXPECT_EQ(formatListNumber(3, "decimalEnclosedCircle"), "③");
  EXPECT_EQ(formatListNumber(12, "decimalFullWidth"), "１２");
  EXPECT_EQ(formatListNumber(28, "lowerLetter"), "bb");
  EXPECT_EQ(formatListNumber(14, "upperRoman"), "XIV");
  EXPECT_EQ(formatListNumber(7, "decimal"), "7");
}

TEST(DocxNumbering, LevelsCountAndRestart) {
  auto doc = parseXmlPart(
      "<w:numbering xmlns:w=\"x\"><w:abstractNum w:abstractNumId=\"0\">"
      "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl>"
      "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1.%2\"/></w:lvl>"
      "<w:lvl w:ilvl=\"2\"><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/></w:lvl></w:abstractNum>"
      "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
      "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"5\"/>"
      "</w:lvlOverride></w:num></w:numbering>",
      "numbering.xml");
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  ListNumbers numbers(doc.value()->document_element());
  EXPECT_EQ(numbers.next("1", 0), "一、");
  EXPECT_EQ(numbers.next("1", 1), "一.1");
  EXPECT_EQ(numbers.next("1", 1), "一.2");
  EXPECT_EQ(numbers.next("1", 2), "");  // a bullet draws no number
  EXPECT_EQ(numbers.next("1", 0), "二、");
  EXPECT_EQ(numbers.next("1", 1), "二.1");  // a deeper level restarts under a new parent
  EXPECT_EQ(numbers.next("2", 0), "五、");  // a list instance that sets its own start
  EXPECT_EQ(numbers.next("0", 0), "");     // numId 0: no numbering
  EXPECT_EQ(numbers.next("9", 0), "");
}

TEST(DocxSource, TablesAreRowsOfCells) {
  PageText d = docx("zhejiang-2026-training.docx");
  const Line* header = lineStarting(d, "序号|学校名称");
  ASSERT_NE(header, nullptr);
  EXPECT_TRUE(header->table_row);
  EXPECT_EQ(header->pieces.size(), 5u);
  // The row below: 1, a cell spanning two columns (its second column empty), then two cells.
  const Line* row = lineStarting(d, "1|");
  ASSERT_NE(row, nullptr);
  EXPECT_TRUE(row->table_row);
  EXPECT_EQ(row->pieces.size(), 5u);
}

struct BadDocx {
  const char* file;
  ErrorCode code;
  const char* words;  // in the message
};

TEST(DocxSource, BadPackagesGiveClearErrors) {
  const BadDocx cases[] = {
      {"empty-body.docx", ErrorCode::kEmptyInput, "no text"},
      {"xml-bomb.docx", ErrorCode::kCorrupt, "<!DOCTYPE>"},
      {"wrong-member.docx", ErrorCode::kCorrupt, "not a WordprocessingML document"},
  };
  for (const auto& c : cases) {
    auto r = testing::engine().parseBytes(testDocx(c.file), c.file, {});
    ASSERT_FALSE(r.ok()) << c.file;
    EXPECT_EQ(r.error().code, c.code) << c.file << ": " << r.error().message;
    EXPECT_NE(r.error().message.find(c.words), std::string::npos) << c.file << ": " << r.error().message;
  }
}

TEST(DocxSource, DeepNestingIsReadToALimitNotOverflowingTheStack) {
  PageText d = docx("deep-nesting.docx");
  EXPECT_NE(lineStarting(d, "浅处"), nullptr);
  EXPECT_EQ(lineStarting(d, "深处"), nullptr);  // past any real document's nesting
}

TEST(DocxSource, ATruncatedDocxIsCorrupt) {
  std::string bytes = testDocx("zhejiang-2026-training.docx");
  for (size_t keep : {bytes.size() - 20, bytes.size() / 2}) {
    auto r = testing::engine().parseBytes(bytes.substr(0, keep), "cut.docx", {});
    ASSERT_FALSE(r.ok()) << keep;
    EXPECT_EQ(r.error().code, ErrorCode::kCorrupt) << keep << ": " << r.error().message;
    EXPECT_NE(r.error().message.find("damaged"), std::string::npos) << r.error().message;
  }
}

TEST(DocxSource, LegacyWordAndWpsFilesAreRefusedByName) {
  auto r = testing::engine().parseBytes(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0'), "x.wps", {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kUnsupportedFormat);
  EXPECT_NE(r.error().message.find("Word .doc, WPS .wps"), std::string::npos) << r.error().message;
  EXPECT_NE(r.error().message.find("save it as .docx"), std::string::npos) << r.error().message;
}

}  // namespace
}  // namespace notice
