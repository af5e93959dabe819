#include "extract/html_article.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "core/utf8.h"

namespace notice {
namespace {

// A paragraph: this many characters that are not link text (a short sentence in Chinese).
constexpr size_t kMinParagraphChars = 10;
// A sibling of the best element joins the article when it scores this share of the best.
constexpr double kSiblingShare = 0.2;
constexpr double kMinSiblingScore = 3;

std::string name(const xmlNode* n) { return n->name ? reinterpret_cast<const char*>(n->name) : ""; }

// Elements that are a paragraph themselves, whose score goes to their container.
bool isParagraphElement(const xmlNode* n) {
  static const std::set<std::string> tags = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li",
                                             "pre", "blockquote", "dd", "dt", "tr"};
  return tags.count(name(n)) > 0;
}

double paragraphScore(const HtmlLine& line) {
  size_t marks = 0;
  for (const auto& piece : line.line.pieces) {
    size_t i = 0;
    while (i < piece.text.size()) {
      char32_t c = utf8::next(piece.text, i);
      marks += c == U'，' || c == U'。' || c == U'；' || c == U'、' || c == U'：';
    }
  }
  return 1.0 + static_cast<double>(marks) + std::min(static_cast<double>(line.chars) / 50.0, 3.0);
}

struct Tally {
  double score = 0;
  size_t chars = 0, link_chars = 0;
  double weighed() const {
    return chars == 0 ? 0 : score * (1.0 - static_cast<double>(link_chars) / static_cast<double>(chars));
  }
};

}  // namespace

Article findArticle(const HtmlPage& page) {
  std::map<const xmlNode*, Tally> tally;
  for (const auto& line : page.lines) {
    if (line.hidden) continue;
    for (const xmlNode* n = line.block; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
      tally[n].chars += line.chars;
      tally[n].link_chars += line.link_chars;
    }
  }
  // A block holding one line and no other block is a paragraph, whatever its tag (<div> a paragraph).
  std::map<const xmlNode*, size_t> linesOf;
  std::set<const xmlNode*> holdsBlocks;
  for (const auto& line : page.lines) {
    if (line.hidden || !line.block) continue;
    ++linesOf[line.block];
    for (const xmlNode* n = line.block->parent; n && n->type == XML_ELEMENT_NODE; n = n->parent) holdsBlocks.insert(n);
  }
  auto isParagraph = [&](const xmlNode* n) {
    return isParagraphElement(n) || (linesOf[n] == 1 && !holdsBlocks.count(n));
  };
  for (const auto& line : page.lines) {
    if (line.hidden || !line.block || line.chars < line.link_chars + kMinParagraphChars || line.link_chars * 2 > line.chars) continue;
    const xmlNode* holder = isParagraph(line.block) ? line.block->parent : line.block;
    if (!holder || holder->type != XML_ELEMENT_NODE) continue;
    double s = paragraphScore(line);
    tally[holder].score += s;
    if (holder->parent && holder->parent->type == XML_ELEMENT_NODE) tally[holder->parent].score += s / 2;
  }
  const xmlNode* best = nullptr;
  double bestScore = 0;
  for (const auto& [n, t] : tally) {
    if (t.weighed() > bestScore) {
      best = n;
      bestScore = t.weighed();
    }
  }
  Article out;
  if (!best) {
    for (size_t i = 0; i < page.lines.size(); ++i) {
      if (!page.lines[i].hidden) out.lines.push_back(i);
    }
    return out;
  }
  out.found = true;
  std::set<const xmlNode*> chosen = {best};
  if (best->parent) {
    for (const xmlNode* s = best->parent->children; s; s = s->next) {
      auto it = tally.find(s);
      if (s == best || it == tally.end()) continue;
      double w = it->second.weighed();
      if (w >= kMinSiblingScore && w >= bestScore * kSiblingShare) chosen.insert(s);
    }
  }
  // The blocks right after the article that are set right or centred and link nothing: a
  // signature and date set apart from the body's block.
  struct Kinds { bool aside = false, other = false; };
  std::map<const xmlNode*, Kinds> siblingLines;  // best's siblings: what their lines are
  for (const auto& line : page.lines) {
    if (line.hidden) continue;
    const xmlNode* n = line.block;
    while (n && n->parent != best->parent) n = n->parent;
    if (!n) continue;
    bool aside = (line.line.align == Align::kRight || line.line.align == Align::kCentre) && line.link_chars == 0;
    (aside ? siblingLines[n].aside : siblingLines[n].other) = true;
  }
  for (const xmlNode* sib = best->next; sib; sib = sib->next) {
    if (sib->type != XML_ELEMENT_NODE || chosen.count(sib)) continue;
    auto it = siblingLines.find(sib);
    if (it == siblingLines.end()) continue;
    if (it->second.other) break;
    chosen.insert(sib);
  }
  for (size_t i = 0; i < page.lines.size(); ++i) {
    if (page.lines[i].hidden) continue;
    for (const xmlNode* n = page.lines[i].block; n; n = n->parent) {
      if (chosen.count(n)) {
        out.lines.push_back(i);
        break;
      }
    }
  }
  return out;
}

}  // namespace notice
