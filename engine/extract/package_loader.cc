// The OFD and .docx sources for a program that loads them when it first meets a zip
// (extract/package_module.h).
#include "core/program_module.h"
#include "extract/docx_source.h"
#include "extract/ofd_source.h"
#include "extract/package_module.h"
#include "extract/zip_archive.h"

namespace notice {
namespace {

struct Module {
  ReadPackageFunction read_ofd = nullptr, read_docx = nullptr;
  LooksLikePackageFunction is_ofd = nullptr, is_docx = nullptr;
  ZipOpenErrorFunction zip_error = nullptr;
  std::string error;
};

Module load() {
  const std::string file = "notice-package.so";
  auto handle = openProgramModule(file, NOTICE_PACKAGE_MODULE_BUILT);
  if (!handle.ok()) return Module{.error = handle.error().message};
  Module m;
  for (auto [name, slot] : {std::pair{kPackageModuleReadOfd, reinterpret_cast<void**>(&m.read_ofd)},
                            std::pair{kPackageModuleReadDocx, reinterpret_cast<void**>(&m.read_docx)},
                            std::pair{kPackageModuleIsOfd, reinterpret_cast<void**>(&m.is_ofd)},
                            std::pair{kPackageModuleIsDocx, reinterpret_cast<void**>(&m.is_docx)},
                            std::pair{kPackageModuleZipError, reinterpret_cast<void**>(&m.zip_error)}}) {
    auto entry = moduleEntry(handle.value(), file, name);
    if (!entry.ok()) return Module{.error = entry.error().message};
    *slot = entry.value();
  }
  return m;
}

const Module& module() {
  static const Module loaded = load();  // once, thread-safe
  return loaded;
}

Result<PageText> readWith(ReadPackageFunction read, std::string_view bytes, const SourceOptions& options,
                          const Grammar& grammar) {
  if (!read) return Error{ErrorCode::kUnsupportedFormat, "cannot read OFD or Word .docx files: " + module().error};
  std::optional<Result<PageText>> out;
  read(bytes, options, grammar, &out);
  return std::move(*out);
}

}  // namespace

// Only a zip can be either, and most inputs are not: they do not load the module. A zip taken
// for an OFD when the module cannot be loaded is read as one, so that the reader says why.
bool looksLikeOfd(std::string_view bytes) { return looksLikeZip(bytes) && (!module().is_ofd || module().is_ofd(bytes)); }

bool looksLikeDocx(std::string_view bytes) { return looksLikeZip(bytes) && module().is_docx && module().is_docx(bytes); }

std::optional<Error> zipOpenError(std::string_view bytes) {
  if (!module().zip_error) return std::nullopt;
  std::optional<Error> out;
  module().zip_error(bytes, &out);
  return out;
}

Result<PageText> readOfd(std::string_view bytes, const SourceOptions& options, const Grammar& grammar) {
  return readWith(module().read_ofd, bytes, options, grammar);
}

Result<PageText> readDocx(std::string_view bytes, const SourceOptions& options, const Grammar& grammar) {
  return readWith(module().read_docx, bytes, options, grammar);
}

}  // namespace notice
