// The package sources (OFD and Word .docx: zip archives of XML parts, read with libzip and
// pugixml) as a module of their own, notice-package.so, as the PDF source is notice-pdf.so
// (extract/pdf_module.h): libzip brings libcrypto, whose loading and relocation cost every call
// about half a millisecond, and a command that reads no package should not pay it (issue 12,
// item 6). Tests and tools link the sources in (notice_package); a program whose target sets
// NOTICE_PACKAGE_MODULE gets them from package_loader.cc instead, which loads the module when
// the first zip comes (engine/CMakeLists.txt).
#pragma once

#include <optional>
#include <string_view>

#include "core/status.h"
#include "extract/page_text.h"
#include "extract/source.h"
#include "grammar/grammar.h"

namespace notice {

// The module's entries, looked up by these names. A function of C linkage returns no C++ class,
// so a reader writes its result to `out`.
using ReadPackageFunction = void (*)(std::string_view, const SourceOptions&, const Grammar&,
                                     std::optional<Result<PageText>>* out);
using LooksLikePackageFunction = bool (*)(std::string_view);
using ZipOpenErrorFunction = void (*)(std::string_view, std::optional<Error>* out);
inline constexpr const char* kPackageModuleReadOfd = "notice_package_module_read_ofd";
inline constexpr const char* kPackageModuleReadDocx = "notice_package_module_read_docx";
inline constexpr const char* kPackageModuleIsOfd = "notice_package_module_is_ofd";
inline constexpr const char* kPackageModuleIsDocx = "notice_package_module_is_docx";
inline constexpr const char* kPackageModuleZipError = "notice_package_module_zip_error";

}  // namespace notice
