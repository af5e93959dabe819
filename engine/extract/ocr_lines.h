// OCR's words → the lines of a PDF page: words that share a line (also across Tesseract's
// blocks: a signature beside a date) joined left to right, split into pieces at wide gaps as the
// PDF source splits text boxes, spaces only where the gap is one (Tesseract's word breaks between
// Han characters are not), and OCR's confusions repaired where a grammar knows the form.
#pragma once

#include <vector>

#include "extract/page_text.h"
#include "grammar/grammar.h"
#include "ocr/ocr.h"

namespace notice {

std::vector<Line> linesFromOcr(const ocr::PageResult& page, const Grammar& grammar);

}  // namespace notice
