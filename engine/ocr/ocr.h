// OCR of page images with Tesseract 5 (the Debian packages libtesseract-dev and
// tesseract-ocr-chi-sim): an image → lines of words with their boxes and confidence.
//
// Tesseract's own OpenMP threads are turned off (they made a page about 3× slower on 2 cores);
// pages are recognised in parallel instead, each worker thread with its own TessBaseAPI,
// created once per call of recognisePages.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/status.h"
#include "extract/page_text.h"

namespace notice::ocr {

// An 8-bit grey image, rows top to bottom, `width` bytes a row, and the size of a pixel in
// PDF points (72 / dpi) so that boxes come out in points.
struct GrayImage {
  int width = 0, height = 0;
  std::vector<std::uint8_t> pixels;
  double points_per_pixel = 1;
};

struct Word {
  std::string text;        // UTF-8
  Box box;                 // points, origin top left of the upright page
  std::vector<Box> chars;  // one per code point of text
  float confidence = 0;    // 0–100, Tesseract's
};

struct Line {
  std::vector<Word> words;  // left to right
  Box box;
  float confidence = 0;
};

struct PageResult {
  std::vector<Line> lines;  // top to bottom, in Tesseract's reading order
  double width = 0, height = 0;  // the upright page in points
  int rotation = 0;        // degrees clockwise the image was turned to read it upright
  float confidence = 0;    // mean word confidence, 0 with no words
  double glyph_px = 0;     // the median line height in pixels of the image read (0: no lines)
};

// The folder holding chi_sim.traineddata: $TESSDATA_PREFIX (the folder itself or its tessdata/)
// when set, else the Debian folders. An error naming the package when the data is not there.
Result<std::string> findTessdata();

// Recognises `count` page images, `jobs` at a time (0: one per core). `render(i, scale)` gives
// the i-th image at `scale` times the caller's resolution: 1 first, more when the lines read came
// out too small for Tesseract (a phone photo); it is called under a lock, one at a time (a
// poppler document is not thread-safe).
// A page whose image is empty or has no text gives an empty PageResult. Errors: Tesseract or
// its Chinese data missing (kOcrUnavailable), a render error (passed on).
// Recognises a band of display lines (a masthead set large, in a condensed face): as a page,
// and where that finds no line, each row of ink alone. Errors as recognisePages.
Result<PageResult> recogniseBand(const GrayImage& band);

Result<std::vector<PageResult>> recognisePages(int count, int jobs, const std::function<Result<GrayImage>(int, double)>& render);

}  // namespace notice::ocr
