// PageText: what every input source (text export, PDF, HTML, OFD, Word, OCR) produces, and the
// only thing the later stages see. Pages hold lines in reading order; a line keeps its geometry
// and font where the source has them (PDF, OFD, OCR), its byte span in the input where it has that
// (text), and its alignment where the source says it (PDF geometry, HTML align, Word jc).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace notice {

// [x0, y0, x1, y1] in PDF points, origin at the top left of the page.
struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// The smallest box holding both.
inline Box unite(const Box& a, const Box& b) {
  return Box{a.x0 < b.x0 ? a.x0 : b.x0, a.y0 < b.y0 ? a.y0 : b.y0, a.x1 > b.x1 ? a.x1 : b.x1, a.y1 > b.y1 ? a.y1 : b.y1};
}

enum class Align { kUnknown, kLeft, kCentre, kRight, kJustified };

// One run of text on a line with nothing but ordinary spacing inside it. A line is split into
// pieces where the source shows a gap: several spaces or a tab in a text export, a wide
// horizontal gap in a PDF. Signature blocks and forms put separate items on one line this way.
struct LinePiece {
  std::string text;            // UTF-8, as the source gives it
  std::optional<Box> bbox;     // PDF only
  std::vector<Box> char_boxes; // PDF only: one per code point of text (may be empty)
};

struct Line {
  std::vector<LinePiece> pieces;
  std::optional<Box> bbox;       // PDF only: the union of the pieces
  double font_size = 0;          // PDF only (points); 0 when unknown
  std::string font_family;       // PDF only: a family word (Serif, Sans, Kai, Song, Hei, Fangsong) or ""
  bool bold = false;
  Align align = Align::kUnknown;
  bool blank_before = false;     // a paragraph break (blank line, or a wide vertical gap) before it
  bool table_row = false;        // the pieces are the cells of a table row (empty cells kept)
  int markup_heading = 0;        // markdown only: the number of # marks the converter put before it
  std::uint64_t source_offset = 0;  // text only: byte offset of the line in the input
  std::uint64_t source_length = 0;
};

struct Page {
  int number = 1;              // 1-based
  double width = 0, height = 0;  // points; 0 for text input
  std::vector<Line> lines;
  // Page furniture the source recognised (page numbers, running heads): kept apart, not lost.
  std::vector<std::string> furniture;
};

enum class SourceFormat { kText, kMarkdown, kPdf, kHtml, kOfd, kDocx };

// The name the record gives the format in source.format.
inline const char* formatName(SourceFormat f) {
  switch (f) {
    case SourceFormat::kPdf: return "pdf";
    case SourceFormat::kMarkdown: return "markdown";
    case SourceFormat::kHtml: return "html";
    case SourceFormat::kOfd: return "ofd";
    case SourceFormat::kDocx: return "docx";
    case SourceFormat::kText: break;
  }
  return "text";
}

// True for formats that have pages of their own (source.pages is their count).
inline bool hasPages(SourceFormat f) { return f == SourceFormat::kPdf || f == SourceFormat::kOfd; }

// True for formats read from bytes in a character encoding (source.encoding says which).
inline bool hasEncoding(SourceFormat f) {
  return f == SourceFormat::kText || f == SourceFormat::kMarkdown || f == SourceFormat::kHtml;
}

// What a source knows about the document beyond its text: a web page's own metadata
// (<meta name="ArticleTitle">, the 信息公开 block) or a file's properties. Each value as the
// source wrote it; empty when the source does not say. Evidence for the readers, not a record.
struct SourceMetadata {
  std::string title;        // ArticleTitle, 标题 in the 信息公开 block, docProps title
  std::string doc_number;   // 发文字号 / 文号 in the 信息公开 block
  std::string issue_date;   // 成文日期
  std::string publish_date; // PubDate, 发布日期
  std::string publisher;    // 发布机构, ContentSource
  std::string index_number; // 索引号
};

// A file the document links to or embeds as an attachment (a web page's <a href="x.pdf">).
struct SourceAttachment {
  std::string name;  // the link text or file name
  std::string href;  // as written in the source
};

struct PageText {
  SourceFormat format = SourceFormat::kText;
  bool has_geometry = false;   // true for PDF: bboxes and fonts are meaningful
  bool ocr = false;                // some text came from OCR
  std::string encoding = "UTF-8";  // of a text export or web page: "GB18030" when it came in the Windows
                                   // Chinese code page (GBK/GB2312) and was decoded
  size_t damaged_bytes = 0;        // of a UTF-8 export: bytes that did not decode, replaced by U+FFFD
  std::vector<Page> pages;
  SourceMetadata metadata;
  std::vector<SourceAttachment> attachments;
  // What the source could not do, for the record's warnings: {code, message}.
  std::vector<std::pair<std::string, std::string>> notes;
};

}  // namespace notice
