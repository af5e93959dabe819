#include "extract/docx_source.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "core/utf8.h"
#include "extract/docx_numbering.h"
#include "extract/glyph_lines.h"
#include "extract/xml_part.h"
#include "extract/zip_archive.h"

namespace notice {
namespace {

// Run properties as far as a style or a run sets them; unset ones come from further up.
struct RunProps {
  std::optional<double> size;  // points
  std::optional<bool> bold;
  std::optional<bool> hidden;
  std::optional<std::string> font;  // the East Asian font's name, else the Latin one's

  void over(const RunProps& above) {
    if (!size) size = above.size;
    if (!bold) bold = above.bold;
    if (!hidden) hidden = above.hidden;
    if (!font) font = above.font;
  }
};

// A paragraph's list: w:numPr's numId and level.
struct Numbering {
  std::string num_id;
  int level = 0;
};

struct Style {
  std::string based_on;
  std::optional<Align> align;
  std::optional<Numbering> numbering;
  RunProps run;
};

std::optional<Numbering> numberingOf(pugi::xml_node pPr) {
  pugi::xml_node numPr = child(pPr, "numPr");
  if (!numPr) return std::nullopt;
  return Numbering{attribute(child(numPr, "numId"), "val").value(), attribute(child(numPr, "ilvl"), "val").as_int(0)};
}

// w:b, w:vanish: present means on, unless w:val says 0/false/off.
bool onOff(pugi::xml_node n) {
  std::string v = attribute(n, "val").value();
  return !(v == "0" || v == "false" || v == "off");
}

RunProps runProps(pugi::xml_node rPr) {
  RunProps p;
  if (!rPr) return p;
  if (pugi::xml_node sz = child(rPr, "sz")) {
    double halfPoints = attribute(sz, "val").as_double(0);
    if (halfPoints > 0) p.size = halfPoints / 2;
  }
  if (pugi::xml_node b = child(rPr, "b")) p.bold = onOff(b);
  if (pugi::xml_node v = child(rPr, "vanish")) p.hidden = onOff(v);
  if (pugi::xml_node f = child(rPr, "rFonts")) {
    for (const char* which : {"eastAsia", "ascii", "hAnsi"}) {
      std::string name = attribute(f, which).value();
      if (!name.empty()) {
        p.font = name;
        break;
      }
    }
  }
  return p;
}

std::optional<Align> alignOf(pugi::xml_node pPr) {
  pugi::xml_node jc = child(pPr, "jc");
  if (!jc) return std::nullopt;
  std::string v = attribute(jc, "val").value();
  if (v == "center") return Align::kCentre;
  if (v == "right" || v == "end") return Align::kRight;
  if (v == "left" || v == "start") return Align::kLeft;
  if (v == "both" || v == "distribute" || v == "justify" || v == "thaiDistribute") return Align::kJustified;
  return std::nullopt;
}

// The package's part that a relationship of this type points to, from `relsPath`
// ("_rels/.rels", "word/_rels/document.xml.rels"), relative to `owner`'s folder; `fallback`
// when it names none.
std::string relationshipTarget(ZipArchive& zip, const std::string& relsPath, const std::string& owner,
                               std::string_view typeSuffix, const std::string& fallback) {
  auto rels = readXmlPart(zip, relsPath);
  if (!rels.ok()) return fallback;
  for (pugi::xml_node r : children(rels.value()->document_element(), "Relationship")) {
    std::string type = attribute(r, "Type").value();
    if (type.size() >= typeSuffix.size() && type.compare(type.size() - typeSuffix.size(), typeSuffix.size(), typeSuffix) == 0 &&
        std::string(attribute(r, "TargetMode").value()) != "External") {
      std::string target = resolvePartPath(owner, attribute(r, "Target").value());
      if (!target.empty()) return target;
    }
  }
  return fallback;
}

// One line being written: its pieces, and the votes for its size, font and weight.
struct LineBuilder {
  Line line;
  std::map<double, size_t> sizes;
  std::map<std::string, size_t> fonts;
  size_t chars = 0, boldChars = 0;

  void add(const std::string& text, const RunProps& p) {
    if (line.pieces.empty()) line.pieces.emplace_back();
    line.pieces.back().text += text;
    size_t n = utf8::codepointCount(text);
    chars += n;
    if (p.size) sizes[*p.size] += n;
    if (p.font) fonts[*p.font] += n;
    if (p.bold.value_or(false)) boldChars += n;
  }
  void tab() {
    if (!line.pieces.empty() && !utf8::trim(line.pieces.back().text).empty()) line.pieces.emplace_back();
  }
  bool empty() const {
    for (const auto& p : line.pieces) {
      if (!utf8::trim(p.text).empty()) return false;
    }
    return true;
  }
  // The line as finished: pieces trimmed, empty ones dropped, the votes' winners set.
  Line finish(Align align) {
    auto top = [](const auto& votes) { return std::max_element(votes.begin(), votes.end(), [](const auto& a, const auto& b) { return a.second < b.second; }); };
    if (!sizes.empty()) line.font_size = top(sizes)->first;
    if (!fonts.empty()) line.font_family = fontFamily(top(fonts)->first);
    line.bold = chars > 0 && boldChars * 2 > chars;
    line.align = align;
    std::vector<LinePiece> kept;
    for (auto& p : line.pieces) {
      p.text = utf8::trim(p.text);
      if (!p.text.empty()) kept.push_back(std::move(p));
    }
    line.pieces = std::move(kept);
    return std::move(line);
  }
};

class DocxReader {
 public:
  explicit DocxReader(ZipArchive& zip) : zip_(zip) {}

  Result<PageText> read() {
    std::string main = relationshipTarget(zip_, "_rels/.rels", "", "/officeDocument", "word/document.xml");
    if (!zip_.contains(main)) return Error{ErrorCode::kCorrupt, "the .docx has no main document part (" + main + ")"};
    auto doc = readXmlPart(zip_, main);
    if (!doc.ok()) return doc.error();
    pugi::xml_node root = doc.value()->document_element();
    pugi::xml_node body = child(root, "body");
    if (localName(root.name()) != "document" || !body) {
      return Error{ErrorCode::kCorrupt, "the part " + main + " is not a WordprocessingML document (its root is <" +
                                            std::string(root.name()) + ">, with no body)"};
    }
    std::string folder = main.substr(0, main.rfind('/') == std::string::npos ? 0 : main.rfind('/') + 1);
    std::string rels = folder + "_rels/" + main.substr(folder.size()) + ".rels";
    readStyles(relationshipTarget(zip_, rels, main, "/styles", folder + "styles.xml"));
    readNumbering(relationshipTarget(zip_, rels, main, "/numbering", folder + "numbering.xml"));
    PageText out;
    out.format = SourceFormat::kDocx;
    out.metadata.title = coreTitle();
    Page page;
    block(body, page.lines);
    bool anyText = std::any_of(page.lines.begin(), page.lines.end(), [](const Line& l) { return !l.pieces.empty(); });
    if (!anyText) return Error{ErrorCode::kEmptyInput, "the Word document's body holds no text"};
    out.pages.push_back(std::move(page));
    return out;
  }

 private:
  // Styles, numbering and properties are optional parts: without them the text is read plain.
  void readStyles(const std::string& path) {
    auto doc = readXmlPart(zip_, path);
    if (!doc.ok()) return;
    pugi::xml_node root = doc.value()->document_element();
    pugi::xml_node defaults = child(root, "docDefaults");
    defaults_.run = runProps(child(child(defaults, "rPrDefault"), "rPr"));
    defaults_.align = alignOf(child(child(defaults, "pPrDefault"), "pPr"));
    for (pugi::xml_node s : children(root, "style")) {
      Style style;
      style.based_on = attribute(child(s, "basedOn"), "val").value();
      style.align = alignOf(child(s, "pPr"));
      style.numbering = numberingOf(child(s, "pPr"));
      style.run = runProps(child(s, "rPr"));
      std::string id = attribute(s, "styleId").value();
      std::string type = attribute(s, "type").value();
      std::string isDefault = attribute(s, "default").value();
      if (type == "paragraph" && (isDefault == "1" || isDefault == "true")) defaultParagraphStyle_ = id;
      styles_[id] = std::move(style);
    }
  }

  // A style with everything its basedOn chain gives it (the chain cut at a loop or 20 steps).
  Style resolved(const std::string& id) const {
    Style out;
    std::string next = id;
    for (int depth = 0; depth < 20 && !next.empty(); ++depth) {
      auto it = styles_.find(next);
      if (it == styles_.end()) break;
      if (!out.align) out.align = it->second.align;
      if (!out.numbering) out.numbering = it->second.numbering;
      out.run.over(it->second.run);
      next = it->second.based_on;
    }
    return out;
  }

  void readNumbering(const std::string& path) {
    auto doc = readXmlPart(zip_, path);
    if (doc.ok()) numbers_ = ListNumbers(doc.value()->document_element());
  }

  std::string coreTitle() {
    std::string path = relationshipTarget(zip_, "_rels/.rels", "", "/core-properties", "docProps/core.xml");
    auto doc = readXmlPart(zip_, path);
    return doc.ok() ? childText(doc.value()->document_element(), "title") : "";
  }

  // Block-level content (the body, a cell, a text box, a content control) → lines.
  void block(pugi::xml_node node, std::vector<Line>& lines) {
    Nesting nesting(depth_);
    if (nesting.tooDeep()) return;
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      std::string_view name = localName(c.name());
      if (name == "p") paragraph(c, lines);
      else if (name == "tbl") table(c, lines);
      else if (name == "sdt") block(child(c, "sdtContent"), lines);
      else if (name == "customXml" || name == "ins" || name == "moveTo") block(c, lines);
    }
  }

  void paragraph(pugi::xml_node p, std::vector<Line>& lines) {
    pugi::xml_node pPr = child(p, "pPr");
    std::string styleId = attribute(child(pPr, "pStyle"), "val").value();
    Style style = resolved(styleId.empty() ? defaultParagraphStyle_ : styleId);
    style.run.over(defaults_.run);
    Align align = alignOf(pPr).value_or(style.align.value_or(defaults_.align.value_or(Align::kUnknown)));
    std::vector<Line> out, boxes;
    LineBuilder current;
    // The number Word draws before a numbered paragraph ("一、"), in the paragraph's own font.
    std::optional<Numbering> numbering = numberingOf(pPr);
    if (!numbering) numbering = style.numbering;
    if (numbering) {
      std::string label = numbers_.next(numbering->num_id, numbering->level);
      if (!label.empty()) current.add(label, style.run);
    }
    inline_(p, style.run, current, out, boxes);
    if (!current.empty()) out.push_back(current.finish(align));
    if (out.empty()) {
      pendingBlank_ = true;  // an empty paragraph: a blank line
    } else {
      out.front().blank_before = pendingBlank_;
      pendingBlank_ = false;
      for (auto& l : out) {
        if (l.align == Align::kUnknown) l.align = align;
        lines.push_back(std::move(l));
      }
    }
    for (auto& l : boxes) lines.push_back(std::move(l));
  }

  // Inline content of a paragraph: runs, and the wrappers around them.
  void inline_(pugi::xml_node node, const RunProps& paragraphRun, LineBuilder& current, std::vector<Line>& out,
               std::vector<Line>& boxes) {
    Nesting nesting(depth_);
    if (nesting.tooDeep()) return;
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      std::string_view name = localName(c.name());
      if (name == "r") run(c, paragraphRun, current, out, boxes);
      else if (name == "hyperlink" || name == "ins" || name == "moveTo" || name == "smartTag" || name == "customXml" ||
               name == "fldSimple" || name == "bdo" || name == "dir") {
        inline_(c, paragraphRun, current, out, boxes);
      } else if (name == "sdt") {
        inline_(child(c, "sdtContent"), paragraphRun, current, out, boxes);
      }
      // w:del, w:moveFrom (deleted revisions), w:pPr, math and bookmarks: not text.
    }
  }

  bool showingFieldResult() const {
    return std::all_of(fields_.begin(), fields_.end(), [](bool separated) { return separated; });
  }

  void run(pugi::xml_node r, const RunProps& paragraphRun, LineBuilder& current, std::vector<Line>& out,
           std::vector<Line>& boxes) {
    RunProps props = runProps(child(r, "rPr"));
    std::string charStyle = attribute(child(child(r, "rPr"), "rStyle"), "val").value();
    if (!charStyle.empty()) props.over(resolved(charStyle).run);
    props.over(paragraphRun);
    const bool hidden = props.hidden.value_or(false);
    for (pugi::xml_node c = r.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      std::string_view name = localName(c.name());
      if (name == "fldChar") {
        std::string type = attribute(c, "fldCharType").value();
        if (type == "begin") fields_.push_back(false);
        else if (type == "separate" && !fields_.empty()) fields_.back() = true;
        else if (type == "end" && !fields_.empty()) fields_.pop_back();
        continue;
      }
      if (name == "drawing" || name == "pict" || name == "AlternateContent") {
        textBoxes(c, boxes);
        continue;
      }
      if (hidden || !showingFieldResult()) continue;
      if (name == "t") {
        std::string text = c.child_value();
        // U+00AD, a soft hyphen, shows only where a line breaks: never in the text.
        for (size_t at; (at = text.find("\xC2\xAD")) != std::string::npos;) text.erase(at, 2);
        current.add(text, props);
      } else if (name == "tab" || name == "ptab") {
        current.tab();
      } else if (name == "br" || name == "cr") {
        if (!current.empty()) out.push_back(current.finish(Align::kUnknown));
        current = LineBuilder{};
      } else if (name == "noBreakHyphen") {
        current.add("-", props);
      }
      // w:instrText (a field's code), w:delText, w:sym (a symbol font's glyph), w:softHyphen: not text.
    }
  }

  // Text boxes in a drawing: the first alternative of an mc:AlternateContent (the fallback
  // repeats it in VML), else every w:txbxContent inside.
  void textBoxes(pugi::xml_node node, std::vector<Line>& boxes) {
    Nesting nesting(depth_);
    if (nesting.tooDeep()) return;
    if (localName(node.name()) == "AlternateContent") {
      pugi::xml_node choice = child(node, "Choice");
      textBoxes(choice ? choice : child(node, "Fallback"), boxes);
      return;
    }
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      if (localName(c.name()) == "txbxContent") block(c, boxes);
      else textBoxes(c, boxes);
    }
  }

  // Cell text: its paragraphs joined, with a space only between Latin words.
  std::string cellText(pugi::xml_node tc) {
    std::vector<Line> lines;
    bool blank = pendingBlank_;
    block(tc, lines);
    pendingBlank_ = blank;
    std::string text;
    for (const auto& l : lines) {
      for (const auto& p : l.pieces) {
        if (!text.empty() && !utf8::isCjk(utf8::last(text)) && !utf8::isCjk(utf8::first(p.text))) text += ' ';
        text += p.text;
      }
    }
    return text;
  }

  void table(pugi::xml_node tbl, std::vector<Line>& lines) {
    std::vector<std::vector<std::string>> rows;
    size_t columns = 0;
    for (pugi::xml_node tr : children(tbl, "tr")) {
      std::vector<std::string> cells;
      for (pugi::xml_node tc : children(tr, "tc")) {
        pugi::xml_node tcPr = child(tc, "tcPr");
        pugi::xml_node vMerge = child(tcPr, "vMerge");
        bool continued = vMerge && std::string(attribute(vMerge, "val").value()) != "restart";
        cells.push_back(continued ? "" : cellText(tc));
        int span = std::clamp(attribute(child(tcPr, "gridSpan"), "val").as_int(1), 1, 64);
        for (int i = 1; i < span; ++i) cells.emplace_back();
      }
      columns = std::max(columns, cells.size());
      rows.push_back(std::move(cells));
    }
    // A table of one column is a frame around text, not a form: its cells are paragraphs.
    for (auto& cells : rows) {
      if (columns <= 1) {
        for (auto& text : cells) {
          if (text.empty()) continue;
          Line l;
          l.pieces.push_back(LinePiece{text, std::nullopt, {}});
          l.blank_before = pendingBlank_;
          pendingBlank_ = false;
          lines.push_back(std::move(l));
        }
        continue;
      }
      Line row;
      row.table_row = true;
      for (auto& text : cells) row.pieces.push_back(LinePiece{std::move(text), std::nullopt, {}});
      row.blank_before = pendingBlank_;
      pendingBlank_ = false;
      lines.push_back(std::move(row));
    }
  }

  ZipArchive& zip_;
  Style defaults_;
  std::map<std::string, Style> styles_;
  ListNumbers numbers_;
  std::string defaultParagraphStyle_;
  std::vector<bool> fields_;  // open fields, innermost last: true once past their code
  bool pendingBlank_ = false;
  int depth_ = 0;
};

}  // namespace

bool looksLikeDocx(std::string_view bytes) {
  bool document = false, types = false;
  for (const auto& name : zipMemberNames(bytes)) {
    document = document || name == "word/document.xml";
    types = types || name == "[Content_Types].xml";
  }
  return document && types;
}

Result<PageText> readDocx(std::string_view bytes, const SourceOptions&, const Grammar&) {
  auto zip = ZipArchive::open(bytes);
  if (!zip.ok()) {
    if (zip.error().code == ErrorCode::kCorrupt) return Error{ErrorCode::kCorrupt, "a damaged .docx: " + zip.error().message};
    return zip.error();
  }
  return DocxReader(zip.value()).read();
}

}  // namespace notice
