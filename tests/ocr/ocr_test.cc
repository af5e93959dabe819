// OCR (engine/ocr) on a page rendered from a test PDF, upright and turned; a blank page; the
// error when Tesseract's Chinese data is missing; and the PDF source's use of it (--ocr).
// Tesseract reads a page in about a second: the tests read few, in parallel where they can.
#include <cstdlib>
#include <filesystem>
#include <memory>

#include "core/utf8.h"
#include "extract/pdf_source.h"
#include "ocr/ocr.h"
#include "ocr/rendered_page.h"
#include "support/pdf_writer.h"
#include "test_support.h"

namespace notice {
namespace {

namespace fs = std::filesystem;
using testing::readFile;
using nlohmann::json;
using testing::sourcePath;
using testing::renderedPage;
using testing::turnedClockwise;

std::string textOf(const ocr::PageResult& page) {
  std::string t;
  for (const auto& l : page.lines) {
    for (const auto& w : l.words) t += w.text;
  }
  return t;
}

TEST(Ocr, ReadsARenderedPageUprightAndTurnedOnItsSide) {
  const ocr::GrayImage upright = renderedPage();
  const ocr::GrayImage turned = turnedClockwise(upright);
  auto pages = ocr::recognisePages(2, 2, [&](int i, double scale) -> Result<ocr::GrayImage> {
    EXPECT_EQ(scale, 1.0) << "a page rendered at the source's resolution is not rendered again";
    return i == 0 ? upright : turned;
  });
  ASSERT_TRUE(pages.ok()) << pages.error().message;
  const auto& first = pages.value()[0];
  EXPECT_EQ(first.rotation, 0);
  EXPECT_NE(textOf(first).find("江西省教育厅"), std::string::npos) << textOf(first);
  EXPECT_NE(textOf(first).find("2025"), std::string::npos) << textOf(first);
  EXPECT_GT(first.confidence, 80);
  // Boxes are in points on the page, top to bottom, one per code point.
  ASSERT_FALSE(first.lines.empty());
  EXPECT_NEAR(first.width, 595.3, 1);
  for (const auto& l : first.lines) {
    EXPECT_GE(l.box.x0, 0);
    EXPECT_LE(l.box.x1, first.width);
    EXPECT_LT(l.box.y1, first.height);
    for (const auto& w : l.words) EXPECT_EQ(w.chars.size(), utf8::codepointCount(w.text));
  }
  EXPECT_LT(first.lines.front().box.y0, first.lines.back().box.y0);

  const auto& side = pages.value()[1];
  EXPECT_EQ(side.rotation, 270) << "turned back a quarter anticlockwise";
  EXPECT_NE(textOf(side).find("江西省教育厅"), std::string::npos) << textOf(side);
  EXPECT_NEAR(side.width, 595.3, 1) << "boxes are on the upright page";
}

TEST(Ocr, BlankImageGivesNoLines) {
  ocr::GrayImage blank{400, 600, std::vector<std::uint8_t>(400 * 600, 255), 72.0 / 60};
  auto pages = ocr::recognisePages(1, 1, [&](int, double) -> Result<ocr::GrayImage> { return blank; });
  ASSERT_TRUE(pages.ok()) << pages.error().message;
  EXPECT_TRUE(pages.value()[0].lines.empty());
  EXPECT_EQ(pages.value()[0].confidence, 0);
}

TEST(Ocr, MissingChineseDataIsAnErrorNamingThePackage) {
  fs::path empty = fs::temp_directory_path() / "notice_ocr_test_empty_tessdata";
  fs::create_directories(empty);
  testing::TessdataPrefix prefix(empty.string());
  auto dir = ocr::findTessdata();
  ASSERT_FALSE(dir.ok());
  EXPECT_EQ(dir.error().code, ErrorCode::kOcrUnavailable);
  EXPECT_NE(dir.error().message.find("tesseract-ocr-chi-sim"), std::string::npos) << dir.error().message;
  EXPECT_NE(dir.error().message.find(empty.string()), std::string::npos) << dir.error().message;
  // A PDF that needs OCR says so; one with a text layer never asks for Tesseract.
  auto scan = readPdf(testing::makePdf({testing::blankScannedPage()}), {}, testing::grammar());
  ASSERT_FALSE(scan.ok());
  EXPECT_EQ(scan.error().code, ErrorCode::kOcrUnavailable);
  auto text = readPdf(testing::makePdf({testing::bodyPage({"各市教育局："})}), {}, testing::grammar());
  EXPECT_TRUE(text.ok());
}

TEST(Ocr, ChineseDataTesseractCannotLoadIsAnErrorNamingThePackage) {
  testing::TessdataPrefix prefix(testing::unloadableTessdata().string());
  ASSERT_TRUE(ocr::findTessdata().ok()) << "the file is there";
  const ocr::GrayImage page = testing::renderedPage();
  auto pages = ocr::recognisePages(1, 1, [&](int, double) -> Result<ocr::GrayImage> { return page; });
  ASSERT_FALSE(pages.ok());
  EXPECT_EQ(pages.error().code, ErrorCode::kOcrUnavailable);
  EXPECT_NE(pages.error().message.find("could not load"), std::string::npos) << pages.error().message;
  EXPECT_NE(pages.error().message.find("tesseract-ocr-chi-sim"), std::string::npos) << pages.error().message;
}

TEST(PdfOcr, BlankScannedPageIsAClearErrorNotACrash) {
  auto doc = readPdf(testing::makePdf({testing::blankScannedPage()}), {}, testing::grammar());
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().code, ErrorCode::kNoTextLayer);
  EXPECT_NE(doc.error().message.find("OCR found no text"), std::string::npos) << doc.error().message;
}

TEST(PdfOcr, NeverRefusesAPageWithoutTextLayer) {
  SourceOptions never;
  never.ocr = OcrMode::kNever;
  auto doc = readPdf(testing::makePdf({testing::blankScannedPage()}), never, testing::grammar());
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().code, ErrorCode::kNoTextLayer);
  EXPECT_NE(doc.error().message.find("OCR is turned off"), std::string::npos) << doc.error().message;
  EXPECT_EQ(doc.error().message.find("--"), std::string::npos) << "the library names no CLI option: " << doc.error().message;
}

TEST(PdfOcr, AlwaysReadsEveryPageByOcrWithBoxes) {
  SourceOptions always;
  always.ocr = OcrMode::kAlways;
  auto doc = readPdf(readFile(sourcePath("tests/data/jiangxi-2025-libreoffice.pdf")), always, testing::grammar());
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  EXPECT_TRUE(doc.value().ocr);
  const Page& first = doc.value().pages.front();
  ASSERT_FALSE(first.lines.empty());
  bool number = false;
  for (const auto& l : first.lines) {
    for (const auto& p : l.pieces) {
      EXPECT_EQ(p.char_boxes.size(), utf8::codepointCount(p.text)) << p.text;
      // The 发文字号 (赣 is read as 诸; 6 号 with the word processor's space comes without it).
      if (p.text.find("教职成字〔2025〕6号") != std::string::npos) number = true;
    }
  }
  EXPECT_TRUE(number);
}

// A 发文机关标志 that is a picture or outlines, not text (a red masthead pasted into Word, a
// producer that draws large type as paths): the text layer starts at the 发文字号, and the band
// above it is read by OCR. The two test files were typeset from their .ntc sources by
// ../shared/tools/mkpdf with the masthead rasterised (a CSS filter on .mark makes Chromium print
// it as an image); the real w07 and w09 in corpus/real/pdf draw theirs as paths.
json parsedSample(const std::string& file, OcrMode mode = OcrMode::kAuto) {
  ParseOptions options;
  options.ocr = mode;
  auto r = testing::engine().parseFile(sourcePath("tests/data/" + file), options);
  if (!r.ok()) {
    ADD_FAILURE() << file << ": " << r.error().message;
    return nullptr;
  }
  return r.value();
}

TEST(DrawnMasthead, IsReadByOcrAboveTheTextLayer) {
  json r = parsedSample("jiangsu-2026-drawn-masthead-chromium.pdf");
  ASSERT_FALSE(r.is_null());
  EXPECT_EQ(r["issuer_mark"], json({"江苏省财政厅"}));
  EXPECT_EQ(r["doc_number"]["text"], "苏财综〔2026〕7号");
  EXPECT_EQ(r["title"], "江苏省财政厅关于做好2026年政府非税收入收缴管理工作的通知");
  EXPECT_TRUE(r["source"]["ocr"].get<bool>());
  // Its box is the picture's place on page 1, above the 发文字号's.
  const json& mark = r["provenance"]["/issuer_mark/0"];
  ASSERT_TRUE(mark.is_object());
  EXPECT_EQ(mark["page"], 1);
  EXPECT_LT(mark["bbox"][3].get<double>(), r["provenance"]["/doc_number"]["bbox"][1].get<double>());
  EXPECT_GT(mark["bbox"][1].get<double>(), 90.0);  // below the top margin
}

TEST(DrawnMasthead, JointMastheadGivesEveryBody) {
  json r = parsedSample("jiangsu-2026-drawn-joint-masthead-chromium.pdf");
  ASSERT_FALSE(r.is_null());
  EXPECT_EQ(r["issuer_mark"], json({"江苏省财政厅", "江苏省人力资源和社会保障厅", "江苏省住房和城乡建设厅"}));
  EXPECT_EQ(r["title"], "关于调整2026年度住房公积金缴存基数的通知");
}

TEST(DrawnMasthead, NotReadWithOcrNeverNorWhereTheTextLayerHasOne) {
  json never = parsedSample("jiangsu-2026-drawn-masthead-chromium.pdf", OcrMode::kNever);
  ASSERT_FALSE(never.is_null());
  EXPECT_EQ(never["issuer_mark"], json::array());
  EXPECT_FALSE(never["source"]["ocr"].get<bool>());
  EXPECT_EQ(never["doc_number"]["text"], "苏财综〔2026〕7号");
  // A masthead set as text is the text layer's; nothing is read by OCR.
  json text = parsedSample("chengdu-2026-notice-chromium.pdf");
  ASSERT_FALSE(text.is_null());
  EXPECT_FALSE(text["source"]["ocr"].get<bool>());
  EXPECT_EQ(text["issuer_mark"], json({"成都市人民政府", "成都市公安局"}));
}

TEST(DrawnMasthead, WithoutOcrDataTheTextLayerStandsWithAWarning) {
  testing::TessdataPrefix missing("/nonexistent");
  json r = parsedSample("jiangsu-2026-drawn-masthead-chromium.pdf");
  ASSERT_FALSE(r.is_null());
  EXPECT_EQ(r["doc_number"]["text"], "苏财综〔2026〕7号");
  bool warned = false;
  for (const auto& w : r["warnings"]) warned |= w["code"] == "masthead_not_read";
  EXPECT_TRUE(warned) << r["warnings"].dump();
}

}  // namespace
}  // namespace notice
