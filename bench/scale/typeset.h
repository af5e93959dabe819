// Typesets a notice's text as GB/T 9704-2012 lays out a 公文 (A4, 28 characters of 16 pt a
// line, 22 lines a page; masthead, 发文字号 and title centred; signature and date set right;
// page numbers "— N —" alternating right and left) and writes it as a PDF with the tests' PDF
// writer (tests/support/pdf_writer.h: text in a CJK font that is not embedded, so a PDF costs
// little more than its text).
#pragma once

#include <string>

namespace notice::scale {

std::string typesetPdf(const std::string& text);

}  // namespace notice::scale
