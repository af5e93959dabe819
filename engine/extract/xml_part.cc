#include "extract/xml_part.h"

#include <cstring>

namespace notice {

Result<std::unique_ptr<pugi::xml_document>> parseXmlPart(const std::string& xml, std::string_view part) {
  auto doc = std::make_unique<pugi::xml_document>();
  // parse_doctype keeps a declaration as a node, so that it can be seen and refused.
  const unsigned options = pugi::parse_default | pugi::parse_ws_pcdata_single | pugi::parse_doctype;
  pugi::xml_parse_result parsed = doc->load_buffer(xml.data(), xml.size(), options);
  if (!parsed) {
    return Error{ErrorCode::kCorrupt, "the part " + std::string(part) + " is not well-formed XML (" + parsed.description() +
                                          " at byte " + std::to_string(parsed.offset) + ")"};
  }
  for (pugi::xml_node n = doc->first_child(); n; n = n.next_sibling()) {
    if (n.type() == pugi::node_doctype) {
      return Error{ErrorCode::kCorrupt, "the part " + std::string(part) +
                                            " declares a document type or entities (<!DOCTYPE>), which OFD and Word parts "
                                            "never do (an XML bomb?): refused"};
    }
  }
  if (!doc->document_element()) return Error{ErrorCode::kCorrupt, "the part " + std::string(part) + " holds no XML element"};
  return doc;
}

Result<std::unique_ptr<pugi::xml_document>> readXmlPart(ZipArchive& zip, const std::string& path) {
  if (path.empty() || !zip.contains(path)) {
    return Error{ErrorCode::kCorrupt, "the package has no part " + (path.empty() ? std::string("(an empty path)") : path)};
  }
  auto bytes = zip.read(path);
  if (!bytes.ok()) return bytes.error();
  return parseXmlPart(bytes.value(), path);
}

std::string_view localName(const char* qualified) {
  const char* colon = std::strrchr(qualified, ':');
  return colon ? std::string_view(colon + 1) : std::string_view(qualified);
}

pugi::xml_node child(pugi::xml_node node, std::string_view local) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && localName(c.name()) == local) return c;
  }
  return {};
}

std::vector<pugi::xml_node> children(pugi::xml_node node, std::string_view local) {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_element && localName(c.name()) == local) out.push_back(c);
  }
  return out;
}

pugi::xml_attribute attribute(pugi::xml_node node, std::string_view local) {
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
    if (localName(a.name()) == local) return a;
  }
  return {};
}

std::string childText(pugi::xml_node node, std::string_view local) {
  std::string text = child(node, local).child_value();
  size_t b = text.find_first_not_of(" \t\r\n"), e = text.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? std::string() : text.substr(b, e - b + 1);
}

}  // namespace notice
