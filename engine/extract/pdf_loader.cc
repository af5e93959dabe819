// readPdf for a program that loads the PDF source when it first needs it (extract/pdf_module.h).
#include <dlfcn.h>

#include <filesystem>
#include <string>

#include "extract/pdf_module.h"
#include "extract/pdf_source.h"

namespace notice {
namespace {

namespace fs = std::filesystem;

// Set by engine/CMakeLists.txt and cmake/install.cmake.
#ifndef NOTICE_LIB_FROM_BIN
#define NOTICE_LIB_FROM_BIN "../lib/notice"
#endif

struct Module {
  ReadPdfFunction read = nullptr;
  PdfPageCountFunction pages = nullptr;
  std::string error;
};

// The installed module beside the program (<bin>/../lib/notice), else the build tree's.
Module load() {
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  std::string installed = ec ? "" : (self.parent_path() / NOTICE_LIB_FROM_BIN / "notice-pdf.so").lexically_normal().string();
  std::string tried;
  for (const std::string& path : {installed, std::string(NOTICE_PDF_MODULE_BUILT)}) {
    if (path.empty()) continue;
    if (!fs::exists(path, ec)) {
      tried += (tried.empty() ? "" : ", ") + path;
      continue;
    }
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) return Module{nullptr, nullptr, ::dlerror()};
    auto read = reinterpret_cast<ReadPdfFunction>(::dlsym(handle, kPdfModuleEntry));
    auto pages = reinterpret_cast<PdfPageCountFunction>(::dlsym(handle, kPdfModulePages));
    if (!read || !pages) return Module{nullptr, nullptr, path + " has not the entries " + kPdfModuleEntry + " and " + kPdfModulePages};
    return Module{read, pages, ""};
  }
  return Module{nullptr, nullptr, "the PDF module (notice-pdf.so) is not installed: not in " + tried};
}

const Module& module() {
  static const Module loaded = load();  // once, thread-safe
  return loaded;
}

}  // namespace

Result<PageText> readPdf(std::string_view bytes, const SourceOptions& options, const Grammar& grammar) {
  if (!module().read) return Error{ErrorCode::kUnsupportedFormat, "cannot read PDFs: " + module().error};
  return module().read(bytes, options, grammar);
}

int pdfPageCount(std::string_view bytes, const std::string& password) {
  return module().pages ? module().pages(bytes, password) : 0;
}

}  // namespace notice
