// The entries of notice-pdf.so (extract/pdf_module.h). The module is linked -Bsymbolic, so this
// readPdf is its own, not the loader's of the program that loads it.
#include "extract/pdf_module.h"

#include "extract/pdf_source.h"

extern "C" __attribute__((visibility("default"))) void notice_pdf_module_read(
    std::string_view bytes, const notice::SourceOptions& options, const notice::Grammar& grammar,
    std::optional<notice::Result<notice::PageText>>* out) {
  out->emplace(notice::readPdf(bytes, options, grammar));
}

extern "C" __attribute__((visibility("default"))) int notice_pdf_module_pages(std::string_view bytes,
                                                                             const std::string& password) {
  return notice::pdfPageCount(bytes, password);
}
