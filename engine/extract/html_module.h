// The web-page source as a module of its own (notice-html.so: extract/html_source.cc and the
// parts it reads with, libxml2 and ICU's charset detector from libicui18n), as the PDF source is
// notice-pdf.so (extract/pdf_module.h): mapping and relocating those two libraries cost every
// call about half a millisecond, and a command that reads no web page should not pay it
// (issue 12, item 6). looksLikeHtml, a sniff of the first bytes, stays in the program
// (html_sniff.cc). Tests and tools link the source in (notice_html); a program whose target
// sets NOTICE_HTML_MODULE gets readHtml from html_loader.cc instead, which loads the module on
// the first call (cmake/loadable.cmake).
#pragma once

#include <optional>
#include <string_view>

#include "core/status.h"
#include "extract/page_text.h"
#include "extract/source.h"
#include "grammar/grammar.h"

namespace notice {

// The module's entry, looked up by this name: readHtml, which writes its result to `out` (a
// function of C linkage returns no C++ class).
using ReadHtmlFunction = void (*)(std::string_view, const SourceOptions&, const Grammar&,
                                  std::optional<Result<PageText>>* out);
inline constexpr const char* kHtmlModuleEntry = "notice_html_module_read";

}  // namespace notice
