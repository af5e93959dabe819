#include "extract/html_metadata.h"

#include <set>
#include <string>

#include <re2/re2.h>

#include "core/utf8.h"

namespace notice {
namespace {

// Lines after the article in which its attachments may still be listed.
constexpr size_t kAttachmentLinesAfter = 30;
// A labelled value longer than this is prose, not an item of the block.
constexpr size_t kMaxValueChars = 120;

using Field = std::string SourceMetadata::*;

struct Label {
  const char* rule;
  Field field;
};

// The 信息公开 block's labels, in the order of the groups of labelPattern().
const Label kLabels[] = {
    {"html.label_index_number", &SourceMetadata::index_number},
    {"html.label_doc_number", &SourceMetadata::doc_number},
    {"html.label_issue_date", &SourceMetadata::issue_date},
    {"html.label_publish_date", &SourceMetadata::publish_date},
    {"html.label_publisher", &SourceMetadata::publisher},
    {"html.label_title", &SourceMetadata::title},
};

std::string labelAlternatives(const Grammar& g) {
  std::string alts;
  for (const auto& l : kLabels) alts += (alts.empty() ? "(" : "|(") + g.source(l.rule) + ")";
  return alts;
}

// A label where it opens an item: at the start or after a space, a bracket or a separator.
bool opensItem(const std::string& text, size_t at) {
  if (at == 0) return true;
  size_t i = at;
  while (i > 0 && (static_cast<unsigned char>(text[i - 1]) & 0xC0) == 0x80) --i;
  if (i > 0) --i;
  size_t j = i;
  char32_t c = utf8::next(text, j);
  return c == ' ' || c == '|' || c == '/' || c == U'｜' || c == '[' || c == U'【' || c == U'〔' || c == '(' || c == U'（' ||
         c == U'\u3000' || c == U'；' || c == ';' || c == U'，' || c == ',';
}

void setOnce(SourceMetadata& m, Field f, const std::string& value) {
  std::string v = utf8::trim(value);
  if (v.empty() || utf8::codepointCount(v) > kMaxValueChars || !(m.*f).empty()) return;
  m.*f = v;
}

class LabelReader {
 public:
  explicit LabelReader(const Grammar& g)
      : alone_("^" + g.source("html.label_open") + "(?:" + labelAlternatives(g) + ")" + g.source("html.label_close") + "$"),
        item_("([\\[【〔(（]?)\\s*(?:" + labelAlternatives(g) + ")\\s*([\\]】〕)）]?)\\s*([:：]?)") {}

  // The field a cell names when it is a label and nothing else.
  const Label* labelAlone(const std::string& cell) const {
    std::vector<re2::StringPiece> groups(std::size(kLabels) + 1);
    if (!alone_.Match(cell, 0, cell.size(), RE2::ANCHOR_BOTH, groups.data(), static_cast<int>(groups.size()))) return nullptr;
    for (size_t k = 0; k < std::size(kLabels); ++k) {
      if (groups[k + 1].data()) return &kLabels[k];
    }
    return nullptr;
  }

  // "索引号：X 发文字号：Y", "[成文日期] 2026-07-09": each labelled value in the text. A label
  // with nothing after it gives an empty value (its value may stand on the next line).
  std::vector<std::pair<const Label*, std::string>> items(const std::string& text) const {
    struct Hit { const Label* label; size_t begin, end; };
    std::vector<Hit> hits;
    const int n = static_cast<int>(std::size(kLabels)) + 4;
    std::vector<re2::StringPiece> g(static_cast<size_t>(n));
    size_t from = 0;
    while (from < text.size() && item_.Match(text, from, text.size(), RE2::UNANCHORED, g.data(), n)) {
      size_t begin = static_cast<size_t>(g[0].data() - text.data()), end = begin + g[0].size();
      bool bracketed = !g[1].empty() && !g[n - 2].empty();
      bool colon = !g[n - 1].empty();
      const Label* label = nullptr;
      for (size_t k = 0; k < std::size(kLabels); ++k) {
        if (g[k + 2].data()) label = &kLabels[k];
      }
      if (label && (bracketed || colon) && opensItem(text, begin)) hits.push_back({label, begin, end});
      from = std::max(end, begin + 1);
    }
    std::vector<std::pair<const Label*, std::string>> out;
    for (size_t i = 0; i < hits.size(); ++i) {
      size_t stop = i + 1 < hits.size() ? hits[i + 1].begin : text.size();
      out.emplace_back(hits[i].label, utf8::trim(text.substr(hits[i].end, stop - hits[i].end)));
    }
    return out;
  }

 private:
  RE2 alone_, item_;
};

// The link's path without query and fragment.
std::string pathOf(const std::string& href) {
  size_t cut = href.find_first_of("?#");
  return utf8::trim(cut == std::string::npos ? href : href.substr(0, cut));
}

std::string compact(const std::string& s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    size_t at = i;
    char32_t c = utf8::next(s, i);
    if (c != ' ' && c != U'\u3000') out.append(s, at, i - at);
  }
  return out;
}

}  // namespace

SourceMetadata readPageMetadata(const HtmlPage& page, const Article& article, const Grammar& g,
                                std::set<size_t>* labelled) {
  SourceMetadata m;
  for (const auto& [key, value] : page.metas) {
    if (RE2::FullMatch(key, g.re("html.meta_title"))) setOnce(m, &SourceMetadata::title, value);
    if (RE2::FullMatch(key, g.re("html.meta_publish_date"))) setOnce(m, &SourceMetadata::publish_date, value);
    if (RE2::FullMatch(key, g.re("html.meta_publisher"))) setOnce(m, &SourceMetadata::publisher, value);
  }
  std::set<size_t> inArticle(article.lines.begin(), article.lines.end());
  if (!article.found) inArticle.clear();
  LabelReader labels(g);
  // The lines outside the article first; then the article's own, for a block set inside it.
  std::vector<size_t> order;
  for (size_t i = 0; i < page.lines.size(); ++i) {
    if (!inArticle.count(i)) order.push_back(i);
  }
  for (size_t i : inArticle) order.push_back(i);
  for (size_t i : order) {
    const auto& pieces = page.lines[i].line.pieces;
    if (page.lines[i].line.table_row) {
      for (size_t c = 0; c < pieces.size(); ++c) {
        if (const Label* l = labels.labelAlone(pieces[c].text)) {
          if (labelled) labelled->insert(i);
          if (c + 1 < pieces.size() && !labels.labelAlone(pieces[c + 1].text)) setOnce(m, l->field, pieces[c + 1].text);
        } else {
          for (const auto& [label, value] : labels.items(pieces[c].text)) {
            if (labelled) labelled->insert(i);
            setOnce(m, label->field, value);
          }
        }
      }
      continue;
    }
    std::string text = page.lines[i].text();
    for (const auto& [label, value] : labels.items(text)) {
      if (labelled) labelled->insert(i);
      if (!value.empty()) {
        setOnce(m, label->field, value);
      } else if (i + 1 < page.lines.size() && inArticle.count(i) == inArticle.count(i + 1) &&
                 labels.items(page.lines[i + 1].text()).empty()) {
        setOnce(m, label->field, page.lines[i + 1].text());
      }
    }
  }
  return m;
}

std::vector<SourceAttachment> linkedAttachments(const HtmlPage& page, const Article& article,
                                                const std::vector<std::string>& titles, const Grammar& g) {
  std::vector<SourceAttachment> out;
  if (!article.found || article.lines.empty()) return out;
  std::set<size_t> lines(article.lines.begin(), article.lines.end());
  for (size_t i = article.lines.back() + 1; i < page.lines.size() && i <= article.lines.back() + kAttachmentLinesAfter; ++i) {
    if (RE2::PartialMatch(page.lines[i].text(), g.re("chrome.furniture_start"))) break;
    lines.insert(i);
  }
  std::set<std::string> seen;
  // The notice's own copy: a link that names it, or names a format only ("公报PDF", "下载").
  auto isOwnCopy = [&](const std::string& name) {
    std::string c = compact(name);
    if (RE2::FullMatch(name, g.re("html.own_copy_link"))) return true;
    for (const auto& title : titles) {
      std::string own = compact(title);
      if (own.empty()) continue;
      if (c.find(own) != std::string::npos || (utf8::codepointCount(c) >= 6 && utf8::endsWith(own, c))) return true;
    }
    return false;
  };
  for (const auto& link : page.links) {
    if (!lines.count(link.line)) continue;
    std::string path = pathOf(link.href);
    bool toFile = RE2::PartialMatch(path, g.re("html.attachment_file")) ||
                  RE2::PartialMatch(link.text, g.re("html.attachment_file"));
    if (!toFile) continue;
    std::string name = link.text.empty() ? link.title : link.text;
    RE2::Replace(&name, g.re("html.attachment_label"), "");
    RE2::Replace(&name, g.re("html.attachment_file"), "");
    name = utf8::trim(name);
    if (name.empty() || isOwnCopy(name) || !seen.insert(name).second) continue;
    out.push_back(SourceAttachment{name, link.href});
  }
  return out;
}

}  // namespace notice
