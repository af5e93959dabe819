#include "fields/structure.h"

#include <set>

#include "fields/numerals.h"

namespace notice {

namespace {

// The heading at `i` and, under it, every heading that follows at a deeper level.
nlohmann::json subtree(const std::vector<Heading>& hs, size_t& i) {
  const Heading& h = hs[i++];
  nlohmann::json node{{"number", h.number}, {"title", h.title}, {"level", h.level},
                      {"children", nlohmann::json::array()}};
  while (i < hs.size() && hs[i].level > h.level) node["children"].push_back(subtree(hs, i));
  return node;
}

}  // namespace

std::vector<Found> readSections(const NoticeView& v) {
  std::vector<Found> out;
  const auto& hs = v.parts.headings;
  size_t i = 0;
  while (i < hs.size()) {
    Span span{hs[i].line, 0, hs[i].title_begin + hs[i].title.size()};
    out.push_back(Found{subtree(hs, i), {span}});
  }
  return out;
}

std::vector<Warning> sectionNumberingWarnings(const NoticeView& v) {
  std::vector<Warning> out;
  int lastTop = 0;
  for (const auto& h : v.parts.headings) {
    if (h.level != 1) continue;
    auto n = chineseNumber(h.number);
    if (!n) continue;
    if (*n != lastTop + 1) {
      out.push_back({"section_numbering", "heading " + h.number + "、" + h.title + " follows number " +
                                              std::to_string(lastTop) + " (repeated or skipped; kept as written)"});
    }
    lastTop = *n;
  }
  return out;
}

std::vector<Found> readTables(const NoticeView& v) {
  std::vector<Found> out;
  std::string caption;
  std::vector<std::string> lastHeader;
  bool inTable = false;
  // Forms are mostly in the attachments, but a table may stand in the 正文 too; there only a
  // line named as a form (…统计表) is its caption, not the sentence before it.
  std::set<size_t> inBody(v.parts.body.begin(), v.parts.body.end());
  std::vector<size_t> lines = v.parts.body;
  lines.insert(lines.end(), v.parts.attachments.begin(), v.parts.attachments.end());
  for (size_t li : lines) {
    const CleanLine& line = v.doc.lines[li];
    if (!line.table_row) {
      // The caption is the form's title (…统计表, …清单), not the lines under it (填报单位, dates).
      bool named = RE2::PartialMatch(line.text, v.grammar.re("structure.table_caption"));
      if (RE2::FullMatch(line.text, v.grammar.re("structure.attachment_header"))) caption.clear();
      else if (named || (caption.empty() && !inBody.count(li))) caption = line.text;
      else if (inBody.count(li)) caption.clear();
      inTable = false;
      continue;
    }
    std::vector<std::string> cells;
    for (size_t p = 0; p < line.pieces.size(); ++p) cells.push_back(line.piece(p));
    if (!inTable) {
      if (!out.empty() && cells == lastHeader && caption.empty()) {
        inTable = true;  // the same table on a new page, header repeated
        continue;
      }
      out.push_back(Found{{{"caption", caption.empty() ? nlohmann::json(nullptr) : nlohmann::json(caption)},
                           {"header", cells}, {"rows", nlohmann::json::array()}},
                          {v.whole(li)}});
      lastHeader = cells;
      caption.clear();
      inTable = true;
      continue;
    }
    if (cells == lastHeader) continue;
    out.back().value["rows"].push_back(cells);
    out.back().spans.push_back(v.whole(li));
  }
  return out;
}

}  // namespace notice
