// The text source: a plain-text or markdown export → PageText. One Line per input line, with
// its byte span; a blank line sets blank_before on the next; a form feed starts a new page;
// runs of 2+ spaces or a tab split a line into pieces.
#pragma once

#include <string_view>
#include <vector>

#include "core/status.h"
#include "extract/page_text.h"
#include "extract/source.h"
#include "grammar/grammar.h"

namespace notice {

// Errors: kEmptyInput (nothing but white space), kNotText (not UTF-8, or binary bytes).
// `grammar` gives the page-number forms: a line holding one is where a page broke.
Result<PageText> readTextExport(std::string_view bytes, const Grammar& grammar);
Result<PageText> readTextExport(std::string_view bytes, const SourceOptions& options, const Grammar& grammar);

// Splits a line at runs of two or more spaces (ASCII, or one ideographic space counting as two):
// separate items set on one line (a signature block's bodies, a contact's numbers). Spaces at
// either end are dropped; a line of spaces gives no piece.
std::vector<LinePiece> splitAtGaps(std::string_view line);

}  // namespace notice
