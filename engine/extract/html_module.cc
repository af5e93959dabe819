// The entry of notice-html.so (extract/html_module.h). The module is linked -Bsymbolic, so this
// readHtml is its own, not the loader's of the program that loads it.
#include "extract/html_module.h"

#include "extract/html_source.h"

extern "C" __attribute__((visibility("default"))) void notice_html_module_read(
    std::string_view bytes, const notice::SourceOptions& options, const notice::Grammar& grammar,
    std::optional<notice::Result<notice::PageText>>* out) {
  out->emplace(notice::readHtml(bytes, options, grammar));
}
