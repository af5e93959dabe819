// The notice's structure as data: the heading tree (sections) and the forms in its
// attachments (tables).
#pragma once

#include <vector>

#include "fields/found.h"

namespace notice {

// Sections as a tree: {number, title, level, children}; spans of every heading.
std::vector<Found> readSections(const NoticeView& v);

// Tables from table rows in the attachment pages: {caption, header, rows}. A table continued on
// a new page with its header row repeated is one table.
std::vector<Found> readTables(const NoticeView& v);

// Warnings on the heading numbers: a numeral repeated or skipped at one level.
std::vector<Warning> sectionNumberingWarnings(const NoticeView& v);

}  // namespace notice
