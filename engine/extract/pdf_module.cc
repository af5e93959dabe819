// The entries of notice-pdf.so (extract/pdf_module.h). The module is linked -Bsymbolic, so this
// readPdf is its own, not the loader's of the program that loads it.
#include "extract/pdf_module.h"

#include "extract/pdf_source.h"

extern "C" __attribute__((visibility("default"))) notice::Result<notice::PageText> notice_pdf_module_read(
    std::string_view bytes, const notice::SourceOptions& options, const notice::Grammar& grammar) {
  return notice::readPdf(bytes, options, grammar);
}

extern "C" __attribute__((visibility("default"))) int notice_pdf_module_pages(std::string_view bytes,
                                                                             const std::string& password) {
  return notice::pdfPageCount(bytes, password);
}
