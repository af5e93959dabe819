// Forms in a PDF's attachments rebuilt as table rows from the text boxes' positions (poppler-cpp
// gives no ruling lines), so that PDF and text exports reach readTables in one shape: a Line
// with table_row set whose pieces are the cells, empty cells kept.
//
// How the forms of Word/WPS exports look, and what the rebuild relies on:
//  - attachments start on a new page headed 附件 (GB/T 9704); forms are set in a smaller size
//    than the body text, so a run of small lines holding at least one row of separate cells
//    on an attachment page is a form;
//  - a cell's wrapped lines touch (single spacing) while rows are apart by the cell padding, so
//    boxes whose vertical extents touch or overlap are one row;
//  - cell text is placed the same way down a column, so cells line up by their centres; a
//    cell spanning columns sits between them and never shares a row with the columns it spans;
//  - a label spanning several rows is centred across them: in the first column, a label with
//    as many empty rows above as below it belongs to the first of those rows.
#pragma once

#include "extract/page_text.h"
#include "grammar/grammar.h"

namespace notice {

void rebuildTables(PageText& doc, const Grammar& grammar);

}  // namespace notice
