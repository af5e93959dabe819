#include "fields/documents.h"

#include "core/utf8.h"
#include "fields/parties.h"

namespace notice {
namespace {

std::string cleanAttachmentTitle(std::string title, const Grammar& g) {
  RE2::Replace(&title, g.re("structure.attachment_title_label"), "");
  RE2::Replace(&title, g.re("structure.trailing_doc_number"), "");
  static const RE2 trail("[。；;，,\\s]+$");
  RE2::Replace(&title, trail, "");
  return utf8::trim(title);
}

}  // namespace

std::vector<Found> readAttachments(const NoticeView& v) {
  std::vector<Found> out;
  const auto& g = v.grammar;
  for (size_t k = 0; k < v.parts.attachment_note.size(); ++k) {
    size_t li = v.parts.attachment_note[k];
    const std::string& line = v.line(li);
    re2::StringPiece rest(line);
    size_t offset = 0;
    if (k == 0) {
      re2::StringPiece after;
      if (!RE2::FullMatch(line, g.re("structure.attachment_note"), &after)) continue;
      offset = static_cast<size_t>(after.data() - line.data());
    }
    std::string text = line.substr(offset);
    std::string index, title;
    if (RE2::FullMatch(text, g.re("structure.attachment_item"), &index, &title)) {
      size_t b = offset + (text.size() - title.size());
      out.push_back(Found{{{"index", std::stoi(index)}, {"title", cleanAttachmentTitle(title, g)}}, {Span{li, b, line.size()}}});
    } else if (k == 0) {
      out.push_back(Found{{{"index", 1}, {"title", cleanAttachmentTitle(text, g)}}, {Span{li, offset, line.size()}}});
    } else if (!out.empty()) {
      // A title wrapped onto the next line.
      auto& last = out.back();
      last.value["title"] = cleanAttachmentTitle(last.value["title"].get<std::string>() + text, g);
      last.spans.push_back(v.whole(li));
    }
  }
  return out;
}

std::vector<Found> readReferences(const NoticeView& v) {
  std::vector<Found> out;
  static const RE2 cited("《([^《》]+)》");
  std::vector<std::string> seen;
  for (size_t li : v.parts.lines) {
    const std::string& line = v.line(li);
    re2::StringPiece input(line), title;
    while (RE2::FindAndConsume(&input, cited, &title)) {
      std::string t = title.as_string();
      if (std::find(seen.begin(), seen.end(), t) != seen.end()) continue;
      seen.push_back(t);
      size_t b = static_cast<size_t>(title.data() - line.data()) - 3;  // the opening 《
      size_t e = static_cast<size_t>(input.data() - line.data());
      nlohmann::json docNumber = nullptr;
      std::string number;
      if (RE2::PartialMatch(input, v.grammar.re("doc_number.in_brackets"), &number)) {
        if (auto dn = parseDocNumber(number, v.grammar)) docNumber = (*dn)["text"];
      }
      out.push_back(Found{{{"title", t}, {"doc_number", docNumber}}, {Span{li, b, e}}});
    }
  }
  return out;
}

}  // namespace notice
