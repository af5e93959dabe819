// The PDF source as a module of its own (notice-pdf.so: extract/pdf_source.cc and ocr/ with
// poppler and Tesseract), for a program that should not load those libraries, and the ~60
// they pull in, before it reads its first PDF: its start-up then costs what a text export or a
// stored record needs (issue 12, item 6). Tests and tools link the PDF source in (notice_pdf);
// a program whose target sets NOTICE_PDF_MODULE gets readPdf from pdf_loader.cc instead, which
// loads the module on the first call (engine/CMakeLists.txt).
#pragma once

#include <optional>
#include <string_view>

#include "core/status.h"
#include "extract/page_text.h"
#include "extract/source.h"
#include "grammar/grammar.h"

namespace notice {

// The module's entries, looked up by these names: readPdf, which writes its result to `out` (a
// function of C linkage returns no C++ class), and pdfPageCount.
using ReadPdfFunction = void (*)(std::string_view, const SourceOptions&, const Grammar&,
                                 std::optional<Result<PageText>>* out);
inline constexpr const char* kPdfModuleEntry = "notice_pdf_module_read";
using PdfPageCountFunction = int (*)(std::string_view, const std::string&);
inline constexpr const char* kPdfModulePages = "notice_pdf_module_pages";

}  // namespace notice
