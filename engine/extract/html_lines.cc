#include "extract/html_lines.h"

#include <cstring>
#include <set>

#include <re2/re2.h>

#include "core/utf8.h"
#include "extract/text_source.h"

namespace notice {
namespace {

// Below this depth a page's elements are read as running text, without recursion: a page
// nested deeper than any site writes (an attack, or a converter's bug) cannot exhaust the stack.
constexpr int kMaxDepth = 200;
// A table whose cells all hold less than this (characters) lays out data, not the page.
constexpr size_t kMaxDataCellChars = 200;

std::string name(const xmlNode* n) { return n->name ? reinterpret_cast<const char*>(n->name) : ""; }

std::string attribute(const xmlNode* n, const char* attr) {
  xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(attr));
  if (!v) return "";
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

bool isElement(const xmlNode* n) { return n->type == XML_ELEMENT_NODE; }
bool isText(const xmlNode* n) { return n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE; }

// Hidden by display:none or the hidden attribute. Not by visibility:hidden: platforms hide a
// whole page's body that way until their scripts have run.
bool isHidden(const xmlNode* n) {
  static const RE2 hiddenStyle(R"((?i)(?:^|;)\s*display\s*:\s*none)");
  if (xmlHasProp(n, reinterpret_cast<const xmlChar*>("hidden"))) return true;
  return RE2::PartialMatch(attribute(n, "style"), hiddenStyle);
}

Align alignOf(const xmlNode* n, Align inherited) {
  static const RE2 styleAlign(R"((?i)text-align\s*:\s*(left|right|center|justify))");
  std::string value = attribute(n, "align");
  std::string styled;
  if (RE2::PartialMatch(attribute(n, "style"), styleAlign, &styled)) value = styled;
  for (auto& c : value) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (value == "left") return Align::kLeft;
  if (value == "right") return Align::kRight;
  if (value == "center" || value == "middle") return Align::kCentre;
  if (value == "justify") return Align::kJustified;
  if (name(n) == "center") return Align::kCentre;
  return inherited;
}

bool isBoldElement(const xmlNode* n) {
  static const RE2 boldStyle(R"((?i)font-weight\s*:\s*(?:bold|[6-9]00))");
  std::string tag = name(n);
  return tag == "b" || tag == "strong" || RE2::PartialMatch(attribute(n, "style"), boldStyle);
}

// Characters that are white space to a reader; counted out of a line's size.
bool isBlank(char32_t c) { return c == ' ' || c == U'\u3000' || c == U'\u00a0'; }
bool isAsciiSpace(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
// Zero-width characters that editors and anti-copy scripts scatter through text.
bool isInvisible(char32_t c) {
  return c == U'\u200b' || c == U'\u200c' || c == U'\u200d' || c == U'\u2060' || c == U'\ufeff' || c == U'\u00ad';
}

// Appends text as HTML renders it: ASCII white space collapsed to one space, NBSP and the fixed
// spaces (&ensp; &emsp; &thinsp; …) each a space of its own, zero-width characters dropped. Returns the characters added other than spaces.
size_t appendRendered(std::string& out, std::string_view text) {
  size_t added = 0, i = 0;
  while (i < text.size()) {
    char32_t c = utf8::next(text, i);
    if (isInvisible(c)) continue;
    if (isAsciiSpace(c)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    if (c == U'\u00a0' || (c >= U'\u2000' && c <= U'\u200a') || c == U'\u202f' || c == U'\u205f') {
      out += ' ';
      continue;
    }
    utf8::append(out, c);
    added += !isBlank(c);
  }
  return added;
}

std::string collapsed(std::string_view text) {
  std::string out;
  appendRendered(out, text);
  return utf8::trim(out);
}

class Walker {
 public:
  explicit Walker(const Grammar& g) {
    for (const auto& t : g.list("html_blocks")) blocks_.insert(t);
    for (const auto& t : g.list("html_skipped")) skipped_.insert(t);
  }

  struct Context {
    Align align = Align::kUnknown;
    bool bold = false;
    bool link = false;
    int heading = 0;
    bool hidden = false;
    xmlNode* block = nullptr;
  };

  void finish() { flush(); }
  HtmlPage page;

  void walkChildren(xmlNode* n, const Context& ctx, int depth) {
    for (xmlNode* c = n->children; c; c = c->next) walk(c, ctx, depth + 1);
  }
  void walk(xmlNode* n, const Context& ctx, int depth);

 private:
  bool isBlock(const xmlNode* n) const { return blocks_.count(name(n)) > 0; }
  bool isSkipped(const xmlNode* n) const { return skipped_.count(name(n)) > 0; }

  void text(std::string_view s, const Context& ctx) {
    if (current_.empty()) {
      block_ = ctx.block;
      align_ = ctx.align;
      heading_ = ctx.heading;
      hidden_ = ctx.hidden;
    }
    size_t added = appendRendered(current_, s);
    chars_ += added;
    if (ctx.link) linkChars_ += added;
    if (ctx.bold) boldChars_ += added;
  }

  void flush() {
    std::vector<LinePiece> pieces = splitAtGaps(current_);
    // A name spaced out to the width of a longer one (a masthead's "重  庆  市  公  安  局"):
    // one character a piece is letter-spacing, not items.
    bool spacedOut = pieces.size() >= 3;
    for (const auto& p : pieces) spacedOut = spacedOut && utf8::codepointCount(p.text) == 1;
    if (spacedOut) {
      std::string joined;
      for (const auto& p : pieces) joined += p.text;
      pieces = {LinePiece{joined, std::nullopt, {}}};
    }
    if (!pieces.empty() && chars_ > 0) {
      HtmlLine l;
      l.line.pieces = std::move(pieces);
      l.line.align = align_;
      l.line.bold = boldChars_ == chars_;
      l.block = block_;
      l.chars = chars_;
      l.link_chars = linkChars_;
      l.heading = heading_;
      l.hidden = hidden_;
      l.line.blank_before = blank_;
      blank_ = false;
      page.lines.push_back(std::move(l));
    }
    current_.clear();
    chars_ = linkChars_ = boldChars_ = 0;
  }

  // The text of a subtree as one run, block ends and <br> as spaces, without recursion.
  void gather(xmlNode* root, std::string& out) const {
    xmlNode* n = root->children;
    while (n) {
      bool descend = false;
      if (isText(n) && n->content) {
        appendRendered(out, reinterpret_cast<const char*>(n->content));
      } else if (isElement(n) && !isSkipped(n) && !isHidden(n)) {
        if (isBlock(n) || name(n) == "br") out += ' ';
        descend = n->children != nullptr;
      }
      if (descend) {
        n = n->children;
        continue;
      }
      while (n != root && !n->next) {
        n = n->parent;
        if (n != root && isBlock(n)) out += ' ';
      }
      if (n == root) break;
      n = n->next;
    }
  }

  // A table of data (its rows are rows), as against one that lays out the page: no table inside
  // it, a row of two cells or more, and no cell holding a paragraph's worth of text.
  bool isDataTable(xmlNode* table) const {
    bool wide = false;
    for (xmlNode* row : rowsOf(table)) {
      size_t cells = 0;
      for (xmlNode* c = row->children; c; c = c->next) {
        if (!isElement(c) || (name(c) != "td" && name(c) != "th")) continue;
        ++cells;
        if (holdsTable(c, 0)) return false;
        std::string t;
        gather(c, t);
        if (utf8::codepointCount(t) > kMaxDataCellChars) return false;
      }
      wide = wide || cells >= 2;
    }
    return wide;
  }

  bool holdsTable(xmlNode* n, int depth) const {
    if (depth > kMaxDepth) return true;
    for (xmlNode* c = n->children; c; c = c->next) {
      if (!isElement(c)) continue;
      if (name(c) == "table" || holdsTable(c, depth + 1)) return true;
    }
    return false;
  }

  static std::vector<xmlNode*> rowsOf(xmlNode* table) {
    std::vector<xmlNode*> rows;
    for (xmlNode* c = table->children; c; c = c->next) {
      if (!isElement(c)) continue;
      if (name(c) == "tr") rows.push_back(c);
      if (name(c) == "thead" || name(c) == "tbody" || name(c) == "tfoot") {
        for (xmlNode* r = c->children; r; r = r->next) {
          if (isElement(r) && name(r) == "tr") rows.push_back(r);
        }
      }
    }
    return rows;
  }

  void tableRows(xmlNode* table, bool hidden) {
    for (xmlNode* row : rowsOf(table)) {
      HtmlLine l;
      l.line.table_row = true;
      l.block = row;
      l.hidden = hidden || isHidden(row);
      for (xmlNode* c = row->children; c; c = c->next) {
        if (!isElement(c) || (name(c) != "td" && name(c) != "th") || isHidden(c)) continue;
        std::string t;
        gather(c, t);
        std::string cell = utf8::trim(t);
        size_t i = 0;
        while (i < cell.size()) l.chars += !isBlank(utf8::next(cell, i));
        l.line.pieces.push_back(LinePiece{cell, std::nullopt, {}});
      }
      if (l.chars > 0) page.lines.push_back(std::move(l));
    }
  }

  std::set<std::string> blocks_, skipped_;
  std::string current_;
  size_t chars_ = 0, linkChars_ = 0, boldChars_ = 0;
  Align align_ = Align::kUnknown;
  xmlNode* block_ = nullptr;
  int heading_ = 0;
  bool hidden_ = false;
  bool blank_ = false;  // an empty paragraph or a second <br> since the last line
};

void Walker::walk(xmlNode* n, const Context& ctx, int depth) {
  if (isText(n)) {
    if (n->content) text(reinterpret_cast<const char*>(n->content), ctx);
    return;
  }
  if (!isElement(n) || isSkipped(n)) return;
  std::string tag = name(n);
  Context inner = ctx;
  inner.hidden = ctx.hidden || isHidden(n);
  if (tag == "br") {
    // A <br> on a line of its own is an empty line, as an empty <p> is: a paragraph break.
    if (current_.find_first_not_of(' ') == std::string::npos) blank_ = true;
    flush();
    return;
  }
  if (depth > kMaxDepth) {
    std::string t;
    gather(n, t);
    text(t, inner);
    return;
  }
  inner.bold = ctx.bold || isBoldElement(n);
  if (tag == "a" && xmlHasProp(n, reinterpret_cast<const xmlChar*>("href"))) {
    inner.link = true;
    std::string shown;
    gather(n, shown);
    page.links.push_back(
        HtmlLink{utf8::trim(shown), attribute(n, "href"), attribute(n, "title"), page.lines.size(), inner.hidden});
  }
  if (tag == "table" && isDataTable(n)) {
    flush();
    tableRows(n, inner.hidden);
    return;
  }
  if (!isBlock(n)) {
    walkChildren(n, inner, depth);
    return;
  }
  flush();
  inner.block = n;
  inner.align = alignOf(n, ctx.align);
  if (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6') inner.heading = tag[1] - '0';
  size_t before = page.lines.size();
  walkChildren(n, inner, depth);
  flush();
  if (tag == "p" && page.lines.size() == before && !inner.hidden) blank_ = true;
}

// <meta name content> anywhere in the document, without recursion.
void collectMetas(xmlNode* root, std::vector<std::pair<std::string, std::string>>& out) {
  xmlNode* n = root;
  while (n) {
    if (isElement(n) && name(n) == "meta") {
      std::string key = attribute(n, "name");
      if (!key.empty()) out.emplace_back(key, collapsed(attribute(n, "content")));
    }
    if (isElement(n) && n->children) {
      n = n->children;
      continue;
    }
    while (n && n != root && !n->next) n = n->parent;
    if (!n || n == root) break;
    n = n->next;
  }
}

}  // namespace

std::string HtmlLine::text() const {
  std::string t;
  for (size_t i = 0; i < line.pieces.size(); ++i) t += (i ? " " : "") + line.pieces[i].text;
  return t;
}

HtmlPage pageLines(xmlDoc* doc, const Grammar& grammar) {
  Walker w(grammar);
  xmlNode* root = xmlDocGetRootElement(doc);
  if (!root) return {};
  collectMetas(root, w.page.metas);
  xmlNode* body = nullptr;
  for (xmlNode* c = root->children; c && !body; c = c->next) {
    if (isElement(c) && name(c) == "body") body = c;
  }
  Walker::Context ctx;
  ctx.block = body ? body : root;
  w.walk(body ? body : root, ctx, 0);
  w.finish();
  return std::move(w.page);
}

}  // namespace notice
