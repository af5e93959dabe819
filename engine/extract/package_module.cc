// The entries of notice-package.so (extract/package_module.h). The module is linked -Bsymbolic,
// so these readers are its own, not the loader's of the program that loads it.
#include "extract/package_module.h"

#include "extract/docx_source.h"
#include "extract/ofd_source.h"
#include "extract/zip_archive.h"

#define NOTICE_MODULE_ENTRY extern "C" __attribute__((visibility("default")))

NOTICE_MODULE_ENTRY void notice_package_module_read_ofd(std::string_view bytes, const notice::SourceOptions& options,
                                                        const notice::Grammar& grammar,
                                                        std::optional<notice::Result<notice::PageText>>* out) {
  out->emplace(notice::readOfd(bytes, options, grammar));
}

NOTICE_MODULE_ENTRY void notice_package_module_read_docx(std::string_view bytes, const notice::SourceOptions& options,
                                                         const notice::Grammar& grammar,
                                                         std::optional<notice::Result<notice::PageText>>* out) {
  out->emplace(notice::readDocx(bytes, options, grammar));
}

NOTICE_MODULE_ENTRY bool notice_package_module_is_ofd(std::string_view bytes) { return notice::looksLikeOfd(bytes); }

NOTICE_MODULE_ENTRY bool notice_package_module_is_docx(std::string_view bytes) { return notice::looksLikeDocx(bytes); }

NOTICE_MODULE_ENTRY void notice_package_module_zip_error(std::string_view bytes, std::optional<notice::Error>* out) {
  *out = notice::zipOpenError(bytes);
}
