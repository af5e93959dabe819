// OCR speed of the PDF source: every page of the PDFs given read by OCR (--ocr always, as the
// source does it: render, recognise in parallel, lines), timed. bench/ocr/ocr_bench.sh runs it
// against the `tesseract` command on the same page images.
//
//   ocr_bench [--jobs N] [--dpi | --text] FILE.pdf...
//     --dpi   print FILE<TAB>PAGE<TAB>DPI (the resolution the source renders each page at)
//     --text  print the lines OCR read, page by page
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>

#include "extract/pdf_source.h"
#include "grammar/grammar.h"

int main(int argc, char** argv) {
  using namespace notice;
  SourceOptions options;
  options.ocr = OcrMode::kAlways;
  bool dpi = false, text = false;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--jobs" && i + 1 < argc) options.ocr_jobs = std::atoi(argv[++i]);
    else if (a == "--dpi") dpi = true;
    else if (a == "--text") text = true;
    else if (a == "--auto") options.ocr = OcrMode::kAuto;
    else files.push_back(a);
  }
  if (files.empty()) {
    std::fprintf(stderr, "usage: ocr_bench [--jobs N] [--auto] [--dpi | --text] FILE.pdf...\n");
    return 2;
  }
  if (dpi) {
    for (const auto& f : files) {
      std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(f));
      if (!doc) return 1;
      for (int p = 0; p < doc->pages(); ++p) {
        std::unique_ptr<poppler::page> page(doc->create_page(p));
        auto r = page->page_rect();
        std::printf("%s\t%d\t%.0f\n", f.c_str(), p + 1, ocrResolution(r.width(), r.height()));
      }
    }
    return 0;
  }
  auto grammar = Grammar::load();
  if (!grammar.ok()) {
    std::fprintf(stderr, "%s\n", grammar.error().message.c_str());
    return 1;
  }
  size_t pages = 0;
  double seconds = 0;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto start = std::chrono::steady_clock::now();
    auto doc = readPdf(bytes, options, *grammar.value());
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!doc.ok()) {
      std::fprintf(stderr, "%s: %s\n", f.c_str(), doc.error().message.c_str());
      return 1;
    }
    pages += doc.value().pages.size();
    if (!text) continue;
    for (const auto& page : doc.value().pages) {
      std::printf("== %s page %d (%.0f × %.0f pt)\n", f.c_str(), page.number, page.width, page.height);
      for (const auto& line : page.lines) {
        std::printf("[%5.1f %5.1f %4.1f]", line.bbox ? line.bbox->x0 : 0, line.bbox ? line.bbox->y0 : 0, line.font_size);
        for (const auto& p : line.pieces) std::printf(" | %s", p.text.c_str());
        std::printf("\n");
      }
      for (const auto& n : doc.value().notes) std::printf("note %s: %s\n", n.first.c_str(), n.second.c_str());
    }
  }
  std::printf("ours\t%zu pages\t%.2f s\t%.3f pages/s\n", pages, seconds, static_cast<double>(pages) / seconds);
  return 0;
}
