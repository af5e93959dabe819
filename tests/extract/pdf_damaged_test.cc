// PDFs with neither text nor images (the audit's F16): damaged content streams, a page tree that
// loops or gives an impossible page count, text matrices that put every glyph nowhere. They are
// damaged (exit code 1), not scans to be read by OCR (exit code 3); a blank scan still is one.
#include "extract/pdf_source.h"

#include "support/hostile_pdf.h"
#include "support/pdf_writer.h"
#include "test_support.h"

namespace notice {
namespace {

using testing::pdfOf;
using testing::streamObject;

const std::string kCatalog = "<< /Type /Catalog /Pages 2 0 R >>";
const std::string kFont = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
const std::string kPage =
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>";

std::string damagedStreams() {
  std::string junk;
  unsigned state = 20261201;
  for (int i = 0; i < 50000; ++i) {
    state = state * 1103515245 + 12345;
    junk += static_cast<char>(state >> 16);
  }
  return pdfOf({kCatalog, "<< /Type /Pages /Count 1 /Kids [3 0 R] >>", kPage, streamObject(junk), kFont});
}

std::string loopingTree() {
  return pdfOf({kCatalog, "<< /Type /Pages /Count 2 /Kids [2 0 R 3 0 R] >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"});
}

std::string degenerateMatrices() {
  return pdfOf({kCatalog, "<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 0 0] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
                streamObject("BT /F1 12 Tf 1e38 0 0 1e38 0 0 Tm (huge) Tj ET BT /F1 12 Tf 0 0 0 0 0 0 Tm (flat) Tj ET "
                             "BT /F1 0 Tf 72 72 Td (zero) Tj ET BT /F1 12 Tf -1e38 0 0 1e38 1e38 -1e38 Tm (neg) Tj ET"),
                kFont});
}

std::string hugeCount() {
  return pdfOf({kCatalog, "<< /Type /Pages /Count 2147483647 /Kids [3 0 R] >>", kPage,
                streamObject("BT /F1 12 Tf 72 720 Td (one) Tj ET"), kFont});
}

TEST(PdfDamaged, NoTextAndNoImagesIsDamagedNotAScan) {
  SourceOptions never;
  never.ocr = OcrMode::kNever;
  for (const auto& [name, pdf] : {std::pair{"damaged streams", damagedStreams()}, std::pair{"looping tree", loopingTree()},
                                  std::pair{"degenerate matrices", degenerateMatrices()}}) {
    for (const SourceOptions& options : {SourceOptions{}, never}) {
      auto doc = readPdf(pdf, options, testing::grammar());
      ASSERT_FALSE(doc.ok()) << name;
      EXPECT_EQ(doc.error().code, ErrorCode::kCorrupt) << name << ": " << doc.error().message;
      EXPECT_NE(doc.error().message.find("damaged: no text could be read"), std::string::npos) << name << ": " << doc.error().message;
      EXPECT_EQ(doc.error().message.find("scan"), std::string::npos) << name << ": " << doc.error().message;
    }
  }
}

TEST(PdfDamaged, AnImpossiblePageCountIsDamagedNotEmpty) {
  auto doc = readPdf(hugeCount(), {}, testing::grammar());
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().code, ErrorCode::kCorrupt);
  EXPECT_NE(doc.error().message.find("damaged"), std::string::npos) << doc.error().message;
  EXPECT_NE(doc.error().message.find("page count"), std::string::npos) << doc.error().message;
}

TEST(PdfDamaged, ABlankScanIsStillAScan) {
  SourceOptions never;
  never.ocr = OcrMode::kNever;
  auto doc = readPdf(testing::makePdf({testing::blankScannedPage()}), never, testing::grammar());
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().code, ErrorCode::kNoTextLayer) << doc.error().message;
  EXPECT_NE(doc.error().message.find("images (a scan?)"), std::string::npos) << doc.error().message;
}

}  // namespace
}  // namespace notice
