// A page image for the OCR tests: page 1 of a LibreOffice export rendered as the PDF source
// renders it for OCR, and the same turned on its side.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include "extract/pdf_source.h"
#include "ocr/ocr.h"
#include "test_support.h"

namespace notice::testing {

// Page 1 of a LibreOffice export, rendered in grey as the PDF source renders it for OCR.
inline ocr::GrayImage renderedPage() {
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_file(testing::sourcePath("tests/data/jiangxi-2025-libreoffice.pdf")));
  std::unique_ptr<poppler::page> page(doc->create_page(0));
  auto rect = page->page_rect();
  double dpi = ocrResolution(rect.width(), rect.height());
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_gray8);
  renderer.set_render_hint(poppler::page_renderer::antialiasing);
  poppler::image image = renderer.render_page(page.get(), dpi, dpi);
  ocr::GrayImage out;
  out.width = image.width();
  out.height = image.height();
  out.points_per_pixel = 72 / dpi;
  for (int y = 0; y < out.height; ++y) {
    const char* row = image.const_data() + static_cast<size_t>(y) * image.bytes_per_row();
    out.pixels.insert(out.pixels.end(), row, row + out.width);
  }
  return out;
}

// The image turned 90° clockwise (a page scanned on its side).
inline ocr::GrayImage turnedClockwise(const ocr::GrayImage& in) {
  ocr::GrayImage out = in;
  out.width = in.height;
  out.height = in.width;
  for (int y = 0; y < in.height; ++y) {
    for (int x = 0; x < in.width; ++x) out.pixels[static_cast<size_t>(x) * out.width + (in.height - 1 - y)] = in.pixels[static_cast<size_t>(y) * in.width + x];
  }
  return out;
}

// TESSDATA_PREFIX set for a test's scope.
class TessdataPrefix {
 public:
  explicit TessdataPrefix(const std::string& dir) {
    if (const char* old = std::getenv("TESSDATA_PREFIX")) old_ = old;
    setenv("TESSDATA_PREFIX", dir.c_str(), 1);
  }
  ~TessdataPrefix() {
    if (old_.empty()) unsetenv("TESSDATA_PREFIX");
    else setenv("TESSDATA_PREFIX", old_.c_str(), 1);
  }

 private:
  std::string old_;
};

// A tessdata folder whose chi_sim.traineddata is there but is no model Tesseract can load.
inline std::filesystem::path unloadableTessdata() {
  std::filesystem::path dir = std::filesystem::temp_directory_path() / "notice_ocr_test_unloadable_tessdata";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "chi_sim.traineddata", std::ios::trunc) << "not a model";
  return dir;
}

}  // namespace notice::testing
