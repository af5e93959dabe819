// The Word source: a .docx (Office Open XML, as Word and WPS save it) → PageText, one Line per
// paragraph as a word processor's text export writes it (an empty paragraph is a blank line), so
// that the later stages read it as they read that export, with what the text export loses kept:
//  - alignment from w:jc (the paragraph's, else its style's);
//  - the size (w:sz, half-points), East Asian font (w:rFonts) and weight (w:b) most of the
//    paragraph's text has, through the styles (document defaults, paragraph and character
//    styles with their basedOn chains) and the runs' own properties;
//  - tables as table rows, each cell a piece (a merged cell's other columns empty);
//  - w:br and w:cr start a new line, w:tab a new piece; soft hyphens dropped; fields show
//    their result, not their code; deleted revisions and hidden text left out; text boxes read
//    after the paragraph that anchors them;
//  - automatic list numbers (numbering.xml) written before their paragraph's text;
//  - docProps/core.xml's title as metadata.
// Not read: headers and footers, footnotes, comments, images, embedded objects.
#pragma once

#include <string_view>

#include "core/status.h"
#include "extract/page_text.h"
#include "extract/source.h"
#include "grammar/grammar.h"

namespace notice {

// A zip holding word/document.xml and [Content_Types].xml.
bool looksLikeDocx(std::string_view bytes);

// Errors: kCorrupt (a damaged or truncated package, a main part that is missing, not
// WordprocessingML or not well-formed, a <!DOCTYPE>), kTooLarge (over the zip limits),
// kEmptyInput (a body with no text).
Result<PageText> readDocx(std::string_view bytes, const SourceOptions& options, const Grammar& grammar);

}  // namespace notice
