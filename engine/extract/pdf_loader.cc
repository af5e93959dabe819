// readPdf for a program that loads the PDF source when it first needs it (extract/pdf_module.h).
#include "core/program_module.h"
#include "extract/pdf_module.h"
#include "extract/pdf_source.h"

namespace notice {
namespace {

struct Module {
  ReadPdfFunction read = nullptr;
  PdfPageCountFunction pages = nullptr;
  std::string error;
};

Module load() {
  const std::string file = "notice-pdf.so";
  auto handle = openProgramModule(file, NOTICE_PDF_MODULE_BUILT);
  if (!handle.ok()) return Module{nullptr, nullptr, handle.error().message};
  auto read = moduleEntry(handle.value(), file, kPdfModuleEntry);
  auto pages = moduleEntry(handle.value(), file, kPdfModulePages);
  if (!read.ok()) return Module{nullptr, nullptr, read.error().message};
  if (!pages.ok()) return Module{nullptr, nullptr, pages.error().message};
  return Module{reinterpret_cast<ReadPdfFunction>(read.value()), reinterpret_cast<PdfPageCountFunction>(pages.value()), ""};
}

const Module& module() {
  static const Module loaded = load();  // once, thread-safe
  return loaded;
}

}  // namespace

Result<PageText> readPdf(std::string_view bytes, const SourceOptions& options, const Grammar& grammar) {
  if (!module().read) return Error{ErrorCode::kUnsupportedFormat, "cannot read PDFs: " + module().error};
  std::optional<Result<PageText>> out;
  module().read(bytes, options, grammar, &out);
  return std::move(*out);
}

int pdfPageCount(std::string_view bytes, const std::string& password) {
  return module().pages ? module().pages(bytes, password) : 0;
}

}  // namespace notice
