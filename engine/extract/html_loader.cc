// readHtml for a program that loads the web-page source when it first needs it
// (extract/html_module.h).
#include "core/program_module.h"
#include "extract/html_module.h"
#include "extract/html_source.h"

namespace notice {

Result<PageText> readHtml(std::string_view bytes, const SourceOptions& options, const Grammar& grammar) {
  // Loaded once, thread-safe.
  static const Result<void*> entry = programModuleEntry("notice-html.so", NOTICE_HTML_MODULE_BUILT, kHtmlModuleEntry);
  if (!entry.ok()) return Error{ErrorCode::kUnsupportedFormat, "cannot read web pages: " + entry.error().message};
  std::optional<Result<PageText>> out;
  reinterpret_cast<ReadHtmlFunction>(entry.value())(bytes, options, grammar, &out);
  return std::move(*out);
}

}  // namespace notice
