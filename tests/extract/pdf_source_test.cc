// The PDF source on the sample PDFs and on every kind of bad PDF.
#include <cstdlib>
#include <filesystem>

#include "extract/pdf_source.h"
#include "support/pdf_writer.h"
#include "test_support.h"

namespace notice {
namespace {

namespace fs = std::filesystem;
using testing::readFile;
using testing::sourcePath;

std::string joined(const PageText& doc) {
  std::string out;
  for (const auto& page : doc.pages) {
    for (const auto& line : page.lines) {
      for (const auto& piece : line.pieces) out += piece.text + " ";
      out += "\n";
    }
  }
  return out;
}

struct Sample { const char* name; int pages; const char* docNumber; };

TEST(PdfSource, SamplesReadInReadingOrderWithFurnitureApart) {
  const Sample samples[] = {
      {"2021-shanxi-jjzc30", 9, "晋教职成函〔2021〕30"},  {"2021-shanxi-jjzc65", 17, "晋教职成函〔2021〕65"},
      {"2024-shanxi-jjzc30", 18, "晋教职成函〔2024〕30"}, {"2026-anhui-wjmzc23", 9, "皖教秘职成〔2026〕23"},
      {"2026-shanxi-jjzc53", 9, "晋教职成函〔2026〕53"},
  };
  for (const auto& s : samples) {
    auto doc = readPdf(readFile(sourcePath(std::string("corpus/pdf/") + s.name + ".pdf")), {}, testing::grammar());
    ASSERT_TRUE(doc.ok()) << s.name << ": " << doc.error().message;
    const PageText& d = doc.value();
    EXPECT_EQ(static_cast<int>(d.pages.size()), s.pages) << s.name;
    EXPECT_TRUE(d.has_geometry);
    EXPECT_NE(joined(d).find(s.docNumber), std::string::npos) << s.name;
    size_t pageNumbers = 0;
    for (const auto& page : d.pages) {
      pageNumbers += page.furniture.size();
      for (const auto& line : page.lines) {
        static const RE2 pageNumber("^[—–-]\\s*\\d+\\s*[—–-]$");
        EXPECT_FALSE(RE2::FullMatch(line.pieces.front().text, pageNumber)) << s.name << " p" << page.number;
        for (const auto& piece : line.pieces) {
          if (line.table_row && piece.text.empty()) continue;  // an empty cell of a form has no box
          ASSERT_TRUE(piece.bbox.has_value());
          EXPECT_GE(piece.bbox->x0, 0);
          EXPECT_GE(piece.bbox->y0, 0);
          EXPECT_LE(piece.bbox->x1, page.width + 0.5) << s.name << " p" << page.number << " " << piece.text;
          EXPECT_LE(piece.bbox->y1, page.height + 0.5);
        }
      }
    }
    EXPECT_GE(pageNumbers, static_cast<size_t>(s.pages - 1)) << s.name << ": page numbers not set apart";
  }
}

TEST(PdfSource, SignatureRowsComeOutInReadingOrderAsPieces) {
  auto doc = readPdf(readFile(sourcePath("corpus/pdf/2026-shanxi-jjzc53.pdf")), {}, testing::grammar());
  ASSERT_TRUE(doc.ok());
  std::string text = joined(doc.value());
  // The row holding 退役军人事务厅, 国资委 and 总工会 is read left to right, before the row below.
  size_t row = text.find("山西省退役军人事务厅 山西省国资委 山西省总工会");
  EXPECT_NE(row, std::string::npos) << text;
  EXPECT_LT(row, text.find("共青团山西省委", row));
}

TEST(PdfSource, PageNumbersInEveryUsualFormAreFurniture) {
  for (const char* form : {"— %d —", "- %d -", "第%d页 共3页", "%d/3", "%d"}) {
    std::vector<testing::PdfPage> pages;
    for (int n = 1; n <= 3; ++n) {
      char footer[64];
      std::snprintf(footer, sizeof footer, form, n);
      testing::PdfPage page = testing::bodyPage({"各市要认真做好职业教育活动周各项工作。"});
      page.items.push_back({280, 790, 14, footer});
      pages.push_back(page);
    }
    auto doc = readPdf(testing::makePdf(pages), {}, testing::grammar());
    ASSERT_TRUE(doc.ok()) << form;
    for (const auto& page : doc.value().pages) {
      ASSERT_EQ(page.lines.size(), 1u) << form << " p" << page.number;
      ASSERT_EQ(page.furniture.size(), 1u) << form << " p" << page.number;
    }
  }
}

TEST(PdfSource, ScanHasNoTextLayerAndIsRefusedWithOcrNever) {
  SourceOptions never;
  never.ocr = OcrMode::kNever;
  auto doc = readPdf(readFile(sourcePath("corpus/pdf-scanned/2026-shanxi-jjzc53-scan.pdf")), never, testing::grammar());
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().code, ErrorCode::kNoTextLayer);
  EXPECT_NE(doc.error().message.find("no text layer"), std::string::npos);
}

fs::path tempDir() {
  fs::path dir = fs::temp_directory_path() / "notice_pdf_test";
  fs::create_directories(dir);
  return dir;
}

TEST(PdfSource, EncryptedWithAndWithoutThePassword) {
  fs::path dir = tempDir();
  std::string in = sourcePath("corpus/pdf/2026-shanxi-jjzc53.pdf");
  fs::path out = dir / "encrypted.pdf";
  std::string command = "qpdf --encrypt secret owner 256 -- " + in + " " + out.string();
  ASSERT_EQ(std::system(command.c_str()), 0) << "qpdf is needed (scripts/install-deps.sh --test installs it)";
  std::string bytes = readFile(out.string());
  auto none = readPdf(bytes, {}, testing::grammar());
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, ErrorCode::kEncrypted);
  EXPECT_NE(none.error().message.find("no password was given"), std::string::npos) << none.error().message;
  auto wrong = readPdf(bytes, {"guess"}, testing::grammar());
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().code, ErrorCode::kEncrypted);
  auto right = readPdf(bytes, {"secret"}, testing::grammar());
  ASSERT_TRUE(right.ok()) << right.error().message;
  EXPECT_NE(joined(right.value()).find("晋教职成函〔2026〕53"), std::string::npos);
}

TEST(PdfSource, TruncatedRandomAndEmptyInputAreErrorsNotCrashes) {
  std::string sample = readFile(sourcePath("corpus/pdf/2026-shanxi-jjzc53.pdf"));
  for (size_t cut : {sample.size() / 2, sample.size() / 10, size_t(1024), size_t(9)}) {
    auto doc = readPdf(sample.substr(0, cut), {}, testing::grammar());
    if (doc.ok()) {
      EXPECT_LE(doc.value().pages.size(), 9u);  // poppler may recover what it can
    } else {
      EXPECT_FALSE(doc.error().message.empty());
    }
  }
  std::string random = "%PDF-1.7\n";
  unsigned state = 12345;
  for (int i = 0; i < 4096; ++i) {
    state = state * 1103515245 + 12345;
    random += static_cast<char>(state >> 16);
  }
  auto garbage = readPdf(random, {}, testing::grammar());
  ASSERT_FALSE(garbage.ok());
  EXPECT_EQ(garbage.error().code, ErrorCode::kCorrupt);
  EXPECT_FALSE(readPdf("", {}, testing::grammar()).ok());
}

TEST(PdfSource, ZeroPages) {
  std::string pdf = testing::makePdf({});
  auto doc = readPdf(pdf, {}, testing::grammar());
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().code, ErrorCode::kCorrupt);
  EXPECT_NE(doc.error().message.find("no pages"), std::string::npos);
}

TEST(PdfSource, FontsWithoutAUnicodeMapAreReportedNotReadAsMojibake) {
  testing::PdfPage page = testing::bodyPage({"山西省教育厅关于举办职业教育活动周的通知", "各市教育局：",
                                             "为贯彻落实全国职业教育大会精神，现就有关事项通知如下。"});
  auto good = readPdf(testing::makePdf({page}), {}, testing::grammar());
  ASSERT_TRUE(good.ok()) << good.error().message;
  EXPECT_NE(joined(good.value()).find("山西省教育厅关于举办职业教育活动周的通知"), std::string::npos);
  SourceOptions never;  // with OCR (auto) the page is read from its image instead (tests/ocr)
  never.ocr = OcrMode::kNever;
  auto garbled = readPdf(testing::makePdf({page}, testing::PdfFont::kGlyphIdsWithoutUnicode), never, testing::grammar());
  ASSERT_FALSE(garbled.ok());
  EXPECT_EQ(garbled.error().code, ErrorCode::kGarbledText);
}

// A page laid out as GB/T 9704 sets a body (16 pt, 28 cells to the line), `pitch` points apart.
testing::PdfPage spacedBody(const std::vector<std::pair<double, std::string>>& lines, double top = 100) {
  testing::PdfPage page;
  double y = top;
  for (const auto& [x, text] : lines) {
    page.items.push_back({x, y, 16, text});
    y += 28.9;
  }
  return page;
}

TEST(PdfLayoutEvidence, SizesOffTheFirstPageAreMeasuredFromTheGlyphs) {
  // Fonts are named on page 1 only; later pages measure the size. A run's height in ems is the
  // producer's and the font's (1.0 here, as in WPS's FangSong; 1.3 in LibreOffice's fonts), so
  // the size comes from the Han advances, not from the height over a fixed ratio.
  testing::PdfPage p1 = testing::bodyPage({"山西省教育厅关于举办职业教育活动周的通知"});
  testing::PdfPage p2 = spacedBody({{111.5, "请各市于2026年6月10日前报送活动周工作总结和"},
                                    {79.5, "典型案例，逾期不再受理。"}});
  p2.items.push_back({150, 300, 22, "附件标题为二号字"});
  p2.items.push_back({79.5, 360, 16, "2026"});  // digits alone: sized by the page's own ratio
  auto doc = readPdf(testing::makePdf({p1, p2}), {}, testing::grammar());
  ASSERT_TRUE(doc.ok());
  const auto& lines = doc.value().pages[1].lines;
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_NEAR(lines[0].font_size, 16, 0.5);
  EXPECT_NEAR(lines[1].font_size, 16, 0.5);
  EXPECT_NEAR(lines[2].font_size, 22, 0.5);
  EXPECT_NEAR(lines[3].font_size, 16, 0.5);
  // Lines of one paragraph, one pitch apart, have no break between them.
  EXPECT_FALSE(lines[1].blank_before);
}

TEST(PdfLayoutEvidence, AnIndentedLineReachingTheRightEdgeIsParagraphTextNotCentred) {
  // The first line of a paragraph is indented two characters and runs to the right edge: off
  // the column's centre by one em, which is no centred line.
  testing::PdfPage p1 = spacedBody({{111.5, "请各市教育局于六月十日前报送活动周工作总结和典型案例"},
                                    {79.5, "逾期不再受理，请各市教育局认真组织填报并及时报送至省教育"},
                                    {79.5, "职成处，联系人王明，电话在附件中列出，请各单位按时报送"},
                                    {263.5, "居中的一行"}});
  auto doc = readPdf(testing::makePdf({p1}), {}, testing::grammar());
  ASSERT_TRUE(doc.ok());
  const auto& lines = doc.value().pages[0].lines;
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0].align, Align::kJustified);
  EXPECT_EQ(lines[3].align, Align::kCentre);
}

TEST(PdfLayoutEvidence, ATitleLineAsWideAsTheColumnIsCentred) {
  // A title line in 二号 may fill the column from margin to margin: it is centred (both margins
  // equal), not body text.
  testing::PdfPage page = spacedBody({{111.5, "请各市教育局于六月十日前报送活动周工作总结和典型案例"},
                                      {79.5, "逾期不再受理，请各市教育局认真组织填报并及时报送至省教"},
                                      {79.5, "职成处，联系人王明，电话在附件中列出，请各单位按时报"}},
                                     200);
  page.items.push_back({83.5, 120, 22, "关于调整住房公积金贷款和提取规定的通知"});
  auto doc = readPdf(testing::makePdf({page}), {}, testing::grammar());
  ASSERT_TRUE(doc.ok());
  const auto& lines = doc.value().pages[0].lines;
  ASSERT_EQ(lines.size(), 4u);
  EXPECT_EQ(lines[0].align, Align::kCentre);
}

TEST(PdfLayoutEvidence, ParagraphBreaksAreMeasuredAgainstThePagesOwnLinePitch) {
  // Set in double spacing (32 pt for 16 pt text), the lines of one paragraph are an em apart:
  // no break there. A break is space beyond the page's own pitch.
  testing::PdfPage page;
  const double ys[] = {100, 132, 164, 196, 248, 280, 312};
  const char* texts[] = {"第一段第一行文字文字文字文字文字文字文字文字文字文字", "第一段第二行文字文字文字文字文字文字文字文字文字文字",
                         "第一段第三行文字文字文字文字文字文字文字文字文字文字", "第一段第四行。",
                         "第二段第一行文字文字文字文字文字文字文字文字文字文字", "第二段第二行文字文字文字文字文字文字文字文字文字文字",
                         "第二段第三行。"};
  for (size_t i = 0; i < 7; ++i) page.items.push_back({79.5, ys[i], 16, texts[i]});
  auto doc = readPdf(testing::makePdf({testing::bodyPage({"首页"}), page}), {}, testing::grammar());
  ASSERT_TRUE(doc.ok());
  const auto& lines = doc.value().pages[1].lines;
  ASSERT_EQ(lines.size(), 7u);
  for (size_t i = 1; i < 7; ++i) EXPECT_EQ(lines[i].blank_before, i == 4) << i;
}

TEST(PdfSource, APdfThatIsNotANoticeGivesARecordWithWarnings) {
  auto r = testing::engine().parseBytes(testing::makePdf({testing::bodyPage({"Quarterly report", "Revenue grew 5%."})}),
                                        "report.pdf", {});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_TRUE(r.value()["doc_number"].is_null());
  EXPECT_EQ(r.value()["source"]["format"], "pdf");
  EXPECT_EQ(r.value()["source"]["pages"], 1);
  bool warned = false;
  for (const auto& w : r.value()["warnings"]) warned = warned || w["code"] == "not_a_notice";
  EXPECT_TRUE(warned);
}

}  // namespace
}  // namespace notice
