// The XML parts of a zip package (OFD, Word .docx), parsed with pugixml. pugixml never expands
// entities other than XML's five and character references, so an entity bomb cannot inflate;
// still, a part with a document type declaration is refused outright: OFD and OOXML parts never
// carry one, and one that does is not what its producer wrote.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "core/status.h"
#include "extract/zip_archive.h"

namespace notice {

// Errors: kCorrupt (not well-formed XML, or a <!DOCTYPE>), naming the part and the offset.
// Whitespace alone inside an element is kept (Word's <w:t xml:space="preserve"> </w:t>).
Result<std::unique_ptr<pugi::xml_document>> parseXmlPart(const std::string& xml, std::string_view part);

// The part at `path` of a package, read and parsed. Errors: kCorrupt (no such part, damaged, not
// well-formed, a <!DOCTYPE>), kTooLarge (over the archive's limits).
Result<std::unique_ptr<pugi::xml_document>> readXmlPart(ZipArchive& zip, const std::string& path);

// An element's or attribute's name without its namespace prefix ("ofd:Page" → "Page"): OFD
// producers write ofd:, a default namespace or none, so elements are found by local name.
std::string_view localName(const char* qualified);

// The first child element with this local name (an empty node when there is none).
pugi::xml_node child(pugi::xml_node node, std::string_view local);
// Every child element with this local name, in order.
std::vector<pugi::xml_node> children(pugi::xml_node node, std::string_view local);
// An attribute by local name ("w:val" and "val" alike); an empty attribute when absent.
pugi::xml_attribute attribute(pugi::xml_node node, std::string_view local);
// The text of the first child element with this local name, trimmed of white space.
std::string childText(pugi::xml_node node, std::string_view local);

// Counts how deep a reader has descended into nested elements, for as long as it lives. A
// hostile part can nest elements millions deep and overflow the stack of a recursive reader;
// no document nests beyond kMaxNesting, so a reader stops descending there.
class Nesting {
 public:
  static constexpr int kMaxNesting = 100;
  explicit Nesting(int& depth) : depth_(++depth) {}
  ~Nesting() { --depth_; }
  Nesting(const Nesting&) = delete;
  Nesting& operator=(const Nesting&) = delete;
  bool tooDeep() const { return depth_ > kMaxNesting; }

 private:
  int& depth_;
};

}  // namespace notice
