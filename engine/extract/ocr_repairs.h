// OCR's confusions repaired where a grammar knows the form: each row of grammars/ocr_repairs.tsv
// is a name, a pattern and its rewrite (\1… for groups), applied in order to a piece of text
// read by OCR. Only forms a notice is written in are repaired (a 发文字号's 函 read as 图, a page
// number's dashes read as 一): text outside such a form stays as OCR read it.
#pragma once

#include "extract/page_text.h"
#include "grammar/grammar.h"

namespace notice {

// Repairs `piece` in place; its char_boxes follow the text (a replaced span's boxes are shared
// out over what replaces it).
void repairOcr(LinePiece& piece, const Grammar& grammar);

}  // namespace notice
