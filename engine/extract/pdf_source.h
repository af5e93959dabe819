// The PDF source: poppler-cpp text boxes with fonts → PageText (lines in reading order,
// page furniture set apart, pieces split at wide gaps, alignment and font size kept as
// evidence for segmentation).
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "extract/page_text.h"
#include "extract/source.h"
#include "grammar/grammar.h"

namespace notice {

// Errors: kCorrupt (not a PDF poppler can open, truncated, zero pages), kEncrypted (password
// missing or wrong), kNoTextLayer (image-only pages), kGarbledText (fonts with no Unicode map).
// `grammar` gives the page-number forms and the 附件 heading that starts the attachment pages.
// A PDF starts "%PDF-" within its first KiB.
bool looksLikePdf(std::string_view bytes);
Result<PageText> readPdf(std::string_view bytes, const SourceOptions& options, const Grammar& grammar);

// How many pages the PDF has, as poppler counts them (object streams hide the page dictionaries
// from a byte search); 0 when it cannot be opened.
int pdfPageCount(std::string_view bytes, const std::string& password);

// The resolution (dpi) a page of this size (points) is rendered at for OCR.
double ocrResolution(double width, double height);

}  // namespace notice
