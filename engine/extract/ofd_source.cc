#include "extract/ofd_source.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <sstream>

#include "core/utf8.h"
#include "extract/glyph_lines.h"
#include "extract/pdf_tables.h"
#include "extract/xml_part.h"
#include "extract/zip_archive.h"

namespace notice {
namespace {

constexpr double kPointsPerMm = 72.0 / 25.4;

// The numbers of an attribute ("0.0 0.0 210.0 297.0"); stops at the first that is not one.
std::vector<double> numbers(std::string_view text) {
  std::vector<double> out;
  std::string s(text);
  const char* p = s.c_str();
  for (;;) {
    while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n' || *p == ',') ++p;
    if (*p == '\0') break;
    char* end = nullptr;
    double v = std::strtod(p, &end);
    if (end == p || !std::isfinite(v)) break;
    out.push_back(v);
    p = end;
  }
  return out;
}

// A DeltaX/DeltaY list: numbers, where "g N v" stands for N times v. Capped at `limit` values
// (the text's length): a hostile "g 1000000000 1" must not allocate gigabytes.
std::vector<double> deltas(std::string_view text, size_t limit) {
  std::vector<double> out;
  std::istringstream in{std::string(text)};
  std::string token;
  while (out.size() < limit && in >> token) {
    if (token == "g") {
      std::string count, value;
      if (!(in >> count >> value)) break;
      long n = std::strtol(count.c_str(), nullptr, 10);
      double v = std::strtod(value.c_str(), nullptr);
      for (long i = 0; i < n && out.size() < limit; ++i) out.push_back(v);
    } else {
      char* end = nullptr;
      double v = std::strtod(token.c_str(), &end);
      if (end == token.c_str()) break;
      out.push_back(v);
    }
  }
  return out;
}

// x' = a x + c y + e, y' = b x + d y + f (GB/T 33190's CTM, as PDF's).
struct Matrix {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
  void apply(double x, double y, double& ox, double& oy) const {
    ox = a * x + c * y + e;
    oy = b * x + d * y + f;
  }
};

bool wide(char32_t c) { return utf8::isHan(c) || utf8::isCjkPunct(c) || (c >= 0x3000 && c <= 0x30FF) || (c >= 0xFF00 && c <= 0xFFEF); }

struct Font {
  std::string family;
};

struct PageRef {
  std::string id;
  std::string content;  // the part's path
};

class OfdReader {
 public:
  OfdReader(ZipArchive& zip, const Grammar& grammar) : zip_(zip), grammar_(grammar) {}

  Result<PageText> read() {
    auto ofd = load("OFD.xml");
    if (!ofd.ok()) return ofd.error();
    pugi::xml_node root = ofd.value()->document_element();
    if (localName(root.name()) != "OFD") return Error{ErrorCode::kCorrupt, "OFD.xml is not an OFD entry file (its root is not <OFD>)"};
    auto bodies = children(root, "DocBody");
    if (bodies.empty()) return Error{ErrorCode::kCorrupt, "OFD.xml names no document (no DocBody)"};
    out_.format = SourceFormat::kOfd;
    out_.has_geometry = true;
    out_.metadata.title = childText(child(bodies.front(), "DocInfo"), "Title");
    for (pugi::xml_node body : bodies) {
      std::string docRoot = resolvePartPath("OFD.xml", childText(body, "DocRoot"));
      if (docRoot.empty()) return Error{ErrorCode::kCorrupt, "a DocBody of OFD.xml gives no DocRoot (the document's path)"};
      auto read = readDocument(docRoot);
      if (!read.ok()) return read.error();
      std::string signatures = childText(body, "Signatures");
      if (!signatures.empty()) noteSeals(resolvePartPath("OFD.xml", signatures));
    }
    if (bodies.size() > 1) {
      note("several_documents", "the OFD holds " + std::to_string(bodies.size()) + " documents: read one after another");
    }
    if (pagesRead_ == 0) {
      // Why the first page failed says what is wrong with the package (a bomb, a damaged part).
      return Error{firstPageError_ ? firstPageError_->code : ErrorCode::kCorrupt,
                   "none of the OFD's pages could be read" + (firstPageError_ ? ": " + firstPageError_->message : "")};
    }
    if (!anyText_) {
      return Error{ErrorCode::kNoTextLayer, imageObjects_ > 0
                                                ? "the OFD's pages are images (a scan?): OCR of OFD pages is not supported yet"
                                                : "the OFD's pages hold no text"};
    }
    setFurnitureApart(out_, grammar_);
    rebuildTables(out_, grammar_);
    for (auto& page : out_.pages) setLayoutEvidence(page, page.number == 1);
    return std::move(out_);
  }

 private:
  Result<std::unique_ptr<pugi::xml_document>> load(const std::string& path) { return readXmlPart(zip_, path); }

  void note(std::string code, std::string message) { out_.notes.emplace_back(std::move(code), std::move(message)); }

  void readFonts(const std::string& resPath) {
    auto res = load(resPath);
    if (!res.ok()) {
      note("missing_part", "the OFD's resources " + resPath + " could not be read (" + res.error().message + "): fonts unnamed");
      return;
    }
    for (pugi::xml_node fonts : children(res.value()->document_element(), "Fonts")) {
      for (pugi::xml_node font : children(fonts, "Font")) {
        std::string name = std::string(attribute(font, "FamilyName").value()) + " " + attribute(font, "FontName").value();
        fonts_[attribute(font, "ID").value()] = Font{fontFamily(name)};
      }
    }
  }

  Result<bool> readDocument(const std::string& path) {
    auto doc = load(path);
    if (!doc.ok()) return doc.error();
    pugi::xml_node root = doc.value()->document_element();
    pugi::xml_node common = child(root, "CommonData");
    fonts_.clear();  // resource IDs are the document's own
    std::vector<double> box = numbers(childText(child(common, "PageArea"), "PhysicalBox"));
    const double defaultWidth = box.size() == 4 ? box[2] : 210, defaultHeight = box.size() == 4 ? box[3] : 297;
    for (const char* res : {"PublicRes", "DocumentRes"}) {
      for (pugi::xml_node r : children(common, res)) readFonts(resolvePartPath(path, utf8::trim(r.child_value())));
    }
    templates_.clear();
    for (pugi::xml_node t : children(common, "TemplatePage")) {
      templates_[attribute(t, "ID").value()] = resolvePartPath(path, attribute(t, "BaseLoc").value());
    }
    auto pages = children(child(root, "Pages"), "Page");
    if (pages.empty()) {
      return Error{ErrorCode::kCorrupt, "the OFD's document " + path + " lists no pages"};
    }
    std::map<std::string, int> numberOf;  // page ID → page number, for seals and annotations
    for (pugi::xml_node p : pages) {
      Page page;
      page.number = static_cast<int>(out_.pages.size()) + 1;
      numberOf[attribute(p, "ID").value()] = page.number;
      readPage(resolvePartPath(path, attribute(p, "BaseLoc").value()), page, defaultWidth, defaultHeight);
      out_.pages.push_back(std::move(page));
    }
    pageNumbers_ = numberOf;
    std::string annotations = childText(root, "Annotations");
    if (!annotations.empty()) noteAnnotations(resolvePartPath(path, annotations));
    return true;
  }

  void readPage(const std::string& path, Page& page, double width, double height) {
    auto content = load(path);
    if (!content.ok()) {
      if (!firstPageError_) firstPageError_ = content.error();
      note("missing_part", "page " + std::to_string(page.number) + " of the OFD could not be read (" + content.error().message + "): left empty");
      page.width = width * kPointsPerMm;
      page.height = height * kPointsPerMm;
      return;
    }
    ++pagesRead_;
    pugi::xml_node root = content.value()->document_element();
    std::vector<double> box = numbers(childText(child(root, "Area"), "PhysicalBox"));
    if (box.size() == 4 && box[2] > 0 && box[3] > 0) {
      width = box[2];
      height = box[3];
    }
    page.width = width * kPointsPerMm;
    page.height = height * kPointsPerMm;
    for (pugi::xml_node res : children(root, "PageRes")) readFonts(resolvePartPath(path, utf8::trim(res.child_value())));
    std::vector<GlyphRun> runs;
    for (pugi::xml_node t : children(root, "Template")) {
      auto it = templates_.find(attribute(t, "TemplateID").value());
      if (it == templates_.end()) continue;
      auto tpl = load(it->second);
      if (!tpl.ok()) {
        note("missing_part", "the template " + it->second + " of page " + std::to_string(page.number) + " could not be read (" + tpl.error().message + ")");
        continue;
      }
      walk(child(tpl.value()->document_element(), "Content"), runs, page);
    }
    walk(child(root, "Content"), runs, page);
    anyText_ = anyText_ || !runs.empty() || !page.furniture.empty();
    page.lines = assembleLines(std::move(runs));
  }

  // Layers and page blocks hold the objects; text objects give runs.
  void walk(pugi::xml_node node, std::vector<GlyphRun>& runs, Page& page) {
    Nesting nesting(depth_);
    if (nesting.tooDeep()) return;
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
      if (c.type() != pugi::node_element) continue;
      std::string_view name = localName(c.name());
      if (name == "TextObject") textObject(c, runs, page);
      else if (name == "ImageObject") ++imageObjects_;
      else if (name == "Layer" || name == "PageBlock") walk(c, runs, page);
    }
  }

  void textObject(pugi::xml_node object, std::vector<GlyphRun>& runs, Page& page) {
    std::vector<double> boundary = numbers(attribute(object, "Boundary").value());
    std::vector<double> ctm = numbers(attribute(object, "CTM").value());
    Matrix m;
    if (ctm.size() == 6) m = Matrix{ctm[0], ctm[1], ctm[2], ctm[3], ctm[4], ctm[5]};
    if (boundary.size() >= 2) {
      m.e += boundary[0];
      m.f += boundary[1];
    }
    const double size = attribute(object, "Size").as_double(0);
    if (size <= 0) return;
    const double hscale = attribute(object, "HScale").as_double(1);
    const bool bold = attribute(object, "Weight").as_int(400) >= 700;
    auto font = fonts_.find(attribute(object, "Font").value());
    const std::string family = font == fonts_.end() ? "" : font->second.family;
    // Text set along the page's x axis, upright; anything else (a diagonal watermark, a
    // vertical margin note) is not part of the lines.
    const bool upright = m.a > 0 && m.d > 0 && std::fabs(m.b) <= 0.05 * m.a && std::fabs(m.c) <= 0.05 * m.d &&
                         attribute(object, "ReadDirection").as_int(0) == 0 && attribute(object, "CharDirection").as_int(0) == 0;
    const double em = size * m.d * kPointsPerMm;  // the em on the page, in points
    double penX = 0, penY = 0;
    for (pugi::xml_node code : children(object, "TextCode")) {
      std::u32string text = utf8::decode(code.child_value());
      if (text.empty()) continue;
      if (attribute(code, "X")) penX = attribute(code, "X").as_double();
      if (attribute(code, "Y")) penY = attribute(code, "Y").as_double();
      std::vector<double> dx = deltas(attribute(code, "DeltaX").value(), text.size() - 1);
      std::vector<double> dy = deltas(attribute(code, "DeltaY").value(), text.size() - 1);
      // Glyph origins in the object's space (mm); a short list repeats its last value.
      std::vector<double> xs, ys;
      double sumX = 0, sumY = 0;
      for (size_t i = 0; i < text.size(); ++i) {
        xs.push_back(penX);
        ys.push_back(penY);
        double advance = i < dx.size() ? dx[i] : !dx.empty() ? dx.back() : (wide(text[i]) ? size : 0.5 * size) * hscale;
        double down = i < dy.size() ? dy[i] : !dy.empty() ? dy.back() : 0;
        if (i + 1 < text.size()) {
          sumX += std::fabs(advance);
          sumY += std::fabs(down);
        }
        penX += advance;
        penY += down;
      }
      if (!upright || sumY > sumX) {
        page.furniture.push_back(utf8::encode(text));
        continue;
      }
      addRuns(text, xs, ys, m, size, hscale, em, family, bold, runs);
    }
  }

  // Glyphs → runs, cut where the glyphs leave their line (a TextCode may hold several) or leave
  // a gap of more than an em (a signature row set as one code). A space is a gap, not a glyph.
  static void addRuns(const std::u32string& text, const std::vector<double>& xs, const std::vector<double>& ys,
                      const Matrix& m, double size, double hscale, double em, const std::string& family, bool bold,
                      std::vector<GlyphRun>& runs) {
    GlyphRun run;
    bool open = false, spaceBefore = false;
    double lastRight = 0, lastY = 0;
    auto flush = [&] {
      if (open) runs.push_back(std::move(run));
      run = GlyphRun{};
      open = false;
    };
    for (size_t i = 0; i < text.size(); ++i) {
      char32_t ch = text[i];
      if (ch == ' ' || ch == 0x3000 || ch == '\t' || ch == 0xA0) {
        spaceBefore = true;
        continue;
      }
      double width = (wide(ch) ? size : 0.5 * size) * hscale;
      Box box;
      double x0, y0, x1, y1;
      m.apply(xs[i], ys[i] - 0.88 * size, x0, y0);
      m.apply(xs[i] + width, ys[i] + 0.12 * size, x1, y1);
      box = Box{std::min(x0, x1) * kPointsPerMm, std::min(y0, y1) * kPointsPerMm, std::max(x0, x1) * kPointsPerMm,
                std::max(y0, y1) * kPointsPerMm};
      if (open && (box.x0 - lastRight > 1.0 * em || box.x0 < lastRight - 0.5 * em || std::fabs(box.y1 - lastY) > 0.3 * em)) {
        flush();
      }
      if (!open) {
        run.box = box;
        run.size = em;
        run.family = family;
        run.bold = bold;
        open = true;
      } else if (spaceBefore) {
        run.text += ' ';
        run.chars.push_back(Box{lastRight, box.y0, std::max(lastRight, box.x0), box.y1});
      }
      spaceBefore = false;
      utf8::append(run.text, ch);
      run.chars.push_back(box);
      run.box = unite(run.box, box);
      lastRight = box.x1;
      lastY = box.y1;
    }
    flush();
  }

  // Signatures.xml → each Signature.xml: a seal (签章, with its StampAnnot on a page) or a
  // signature alone (Type "Sign", nothing drawn).
  void noteSeals(const std::string& path) {
    auto list = load(path);
    if (!list.ok()) return;
    std::vector<std::string> found;
    for (pugi::xml_node s : children(list.value()->document_element(), "Signature")) {
      std::string kind = std::string(attribute(s, "Type").value()) == "Sign" ? "a digital signature" : "an electronic seal";
      std::string pages;
      auto sig = load(resolvePartPath(path, attribute(s, "BaseLoc").value()));
      if (sig.ok()) {
        for (pugi::xml_node stamp : children(child(sig.value()->document_element(), "SignedInfo"), "StampAnnot")) {
          auto it = pageNumbers_.find(attribute(stamp, "PageRef").value());
          if (it != pageNumbers_.end()) pages += (pages.empty() ? " on page " : ", ") + std::to_string(it->second);
        }
      }
      found.push_back(kind + pages);
    }
    if (found.empty()) return;
    note("unverified_seal", "the OFD is signed (" + joinCounted(found) + "): not verified; the text is read as it stands");
  }

  // "a; b (×2)": the items in their first order, repeats counted.
  static std::string joinCounted(const std::vector<std::string>& items) {
    std::vector<std::pair<std::string, int>> counted;
    for (const auto& item : items) {
      auto it = std::find_if(counted.begin(), counted.end(), [&](const auto& c) { return c.first == item; });
      if (it == counted.end()) counted.emplace_back(item, 1);
      else ++it->second;
    }
    std::string out;
    for (const auto& [item, n] : counted) {
      out += (out.empty() ? "" : "; ") + item + (n > 1 ? " (×" + std::to_string(n) + ")" : "");
    }
    return out;
  }

  // Annotations.xml → each page's annotation file: what kind, where, and its remark.
  void noteAnnotations(const std::string& path) {
    auto list = load(path);
    if (!list.ok()) return;
    std::vector<std::string> found;
    for (pugi::xml_node p : children(list.value()->document_element(), "Page")) {
      auto number = pageNumbers_.find(attribute(p, "PageID").value());
      std::string on = number == pageNumbers_.end() ? "" : " on page " + std::to_string(number->second);
      std::string file = resolvePartPath(path, childText(p, "FileLoc"));
      auto annots = load(file);
      if (!annots.ok()) continue;
      for (pugi::xml_node a : children(annots.value()->document_element(), "Annot")) {
        std::string remark = childText(a, "Remark");
        std::string type = attribute(a, "Type").value();
        found.push_back((type.empty() ? "an annotation" : type) + on + (remark.empty() ? "" : " (" + remark + ")"));
      }
    }
    if (found.empty()) return;
    note("annotations_not_read", "annotations not read as the notice's text: " + joinCounted(found));
  }

  ZipArchive& zip_;
  const Grammar& grammar_;
  PageText out_;
  std::map<std::string, Font> fonts_;
  std::map<std::string, std::string> templates_;
  std::map<std::string, int> pageNumbers_;
  int pagesRead_ = 0;
  int depth_ = 0;
  bool anyText_ = false;
  size_t imageObjects_ = 0;
  std::optional<Error> firstPageError_;
};

}  // namespace

bool looksLikeOfd(std::string_view bytes) {
  for (const auto& name : zipMemberNames(bytes)) {
    if (name == "OFD.xml" || name == "ofd.xml") return true;
  }
  return false;
}

Result<PageText> readOfd(std::string_view bytes, const SourceOptions&, const Grammar& grammar) {
  auto zip = ZipArchive::open(bytes);
  if (!zip.ok()) {
    if (zip.error().code == ErrorCode::kCorrupt) return Error{ErrorCode::kCorrupt, "a damaged OFD: " + zip.error().message};
    return zip.error();
  }
  return OfdReader(zip.value(), grammar).read();
}

}  // namespace notice
