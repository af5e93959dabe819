#include "extract/pdf_source.h"

namespace notice {

Result<PageText> readPdf(std::string_view, const PdfReadOptions&) {
  return Error{ErrorCode::kCorrupt, "PDF input is not supported yet"};
}

}  // namespace notice
