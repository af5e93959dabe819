// Segmentation: CleanDoc → the parts of each notice it holds (GB/T 9704-2012): 版头 (masthead,
// 发文字号), 主体 (title, 主送, 正文 with its heading tree, 附件说明, 署名, 成文日期, 附注),
// 附件 pages and 版记 (抄送, 印发). A complete notice carried inside another (a forwarded
// ministry notice with its own 发文字号) is split out as an embedded notice with its own parts;
// its lines belong to it alone.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "grammar/grammar.h"
#include "normalize/normalizer.h"

namespace notice {

struct Heading {
  size_t line;
  int level;           // 1: 一、 2: （一） 3: 1. 4: （1）
  std::string number;  // the numeral as written
  std::string title;   // up to the first 。
  size_t title_begin;  // byte offset of the title in the line
};

// Indices into CleanDoc::lines.
struct NoticeParts {
  std::vector<size_t> lines;            // every line of this notice, in order
  std::vector<size_t> masthead;
  // Masthead names wrapped over two lines (the first piece of each): first line, second line.
  std::vector<std::pair<size_t, size_t>> masthead_wrapped;
  std::optional<size_t> doc_number;
  std::vector<size_t> title;
  std::vector<size_t> recipients;
  std::vector<size_t> body;             // 正文, headings included; for a notice that issues a
                                        // document (印发《X》), X's text follows the 正文 here
  std::vector<size_t> issued_document;  // those lines of X (also among the attachments)
  std::vector<size_t> attachment_note;  // 附件说明
  std::vector<size_t> signature;        // 署名 lines (before 成文日期)
  std::optional<size_t> issue_date;
  std::optional<size_t> publicity;
  std::vector<size_t> attachments;      // the attachment pages
  std::optional<size_t> cc;
  std::vector<size_t> cc_continued;     // the lines the 抄送 list wraps onto
  std::optional<size_t> printed;        // the 印发 line
  std::optional<size_t> printed_org;    // the line naming the 印发机关 when it stands apart
  std::vector<Heading> headings;        // of the body, in order
};

struct Segmentation {
  NoticeParts main;
  std::vector<NoticeParts> embedded;
};

Segmentation segment(const CleanDoc& doc, const Grammar& grammar);

// Organisation names on a line: its pieces, each split further at soft breaks when every part
// reads as a body's name; a part that only continues a name ("办公室") joins the one before.
// Empty when the line does not read as a list of bodies.
struct OrgName { std::string name; size_t begin, end; };
std::vector<OrgName> orgNamesOnLine(const CleanLine& line, const Grammar& grammar);
bool isOrgName(const std::string& text, const Grammar& grammar);

}  // namespace notice
