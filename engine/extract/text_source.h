// The text source: a plain-text or markdown export → PageText. One Line per input line, with
// its byte span; a blank line sets blank_before on the next; a form feed starts a new page;
// runs of 2+ spaces or a tab split a line into pieces.
#pragma once

#include <string_view>

#include "core/status.h"
#include "extract/page_text.h"
#include "extract/source.h"
#include "grammar/grammar.h"

namespace notice {

// Errors: kEmptyInput (nothing but white space), kNotText (not UTF-8, or binary bytes).
// `grammar` gives the page-number forms: a line holding one is where a page broke.
Result<PageText> readTextExport(std::string_view bytes, const Grammar& grammar);
Result<PageText> readTextExport(std::string_view bytes, const SourceOptions& options, const Grammar& grammar);

}  // namespace notice
