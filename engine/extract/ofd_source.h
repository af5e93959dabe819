// The OFD source (GB/T 33190, China's fixed-layout e-document format): a zip of XML parts,
// OFD.xml → each DocBody's Document.xml → its pages' Content.xml (with their templates) →
// TextObject/TextCode glyph positions, turned into PageText as a PDF's text boxes are: lines in
// reading order with boxes in points, fonts from the document's resources, furniture, forms and
// layout evidence.
//
// Read: X/Y, DeltaX/DeltaY (the "g N v" repeat form; a list shorter than the text repeats its
// last value), the text object's Boundary offset and CTM, Size (mm) and Weight, the font's name,
// PhysicalBox page sizes, PageBlocks, templates. Rotated and vertical text (watermarks, margin
// notes) is kept apart as furniture. Seals (signatures) and annotations are noted, not verified
// or read. Not read: images (a scanned OFD has no text: kNoTextLayer), vector graphics,
// embedded fonts (advances come from DeltaX; a glyph's width is estimated from its em).
#pragma once

#include <string_view>

#include "core/status.h"
#include "extract/page_text.h"
#include "extract/source.h"
#include "grammar/grammar.h"

namespace notice {

// A zip with OFD.xml at its root.
bool looksLikeOfd(std::string_view bytes);

// Errors: kCorrupt (a damaged or truncated package, a missing or malformed OFD.xml or
// Document.xml, no page that could be read, an XML part with a <!DOCTYPE>), kTooLarge (over the
// zip limits), kNoTextLayer (pages with images only). A page whose content is missing or
// damaged is left empty with a note, the others read.
Result<PageText> readOfd(std::string_view bytes, const SourceOptions& options, const Grammar& grammar);

}  // namespace notice
