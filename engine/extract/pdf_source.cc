// Reading order and layout from poppler-cpp's text boxes.
//
// poppler gives one box per run of glyphs (a CJK line is usually one box; a box splits where
// the font changes or where a word processor put a gap, e.g. between Han and digits). Boxes are
// not always in reading order (a signature row may come after the row below it), so lines are
// rebuilt here: boxes whose vertical centres agree form a line, sorted left to right; a gap of
// more than an em splits a line into pieces (signature rows, table cells); smaller gaps are a
// space. Page numbers and running heads/feet repeated across pages go to Page::furniture.
#include "extract/pdf_source.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <memory>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>
#include <re2/re2.h>

#include "core/utf8.h"
#include "extract/ocr_lines.h"
#include "extract/pdf_tables.h"
#include "ocr/ocr.h"

namespace notice {
namespace {

struct Glyphs {
  std::string text;
  Box box;
  std::vector<Box> chars;
  double size;
  std::string font;
  bool space_after;
  bool measured = true;  // size from the font or from Han advances, not estimated from height
};

Box toBox(const poppler::rectf& r) { return Box{r.x(), r.y(), r.x() + r.width(), r.y() + r.height()}; }

std::string familyOf(const std::string& fontName) {
  std::string name = fontName.substr(fontName.find('+') == std::string::npos ? 0 : fontName.find('+') + 1);
  static const std::pair<const char*, const char*> kFamilies[] = {
      {"FangSong", "Fangsong"}, {"Fangsong", "Fangsong"}, {"FS", "Fangsong"}, {"Kai", "Kai"},
      {"Hei", "Hei"},           {"Sans", "Sans"},          {"Song", "Song"},   {"Serif", "Serif"}, {"Ming", "Serif"},
  };
  for (const auto& [needle, family] : kFamilies) {
    if (name.find(needle) != std::string::npos) return family;
  }
  return "";
}

// The em of a run from its own glyphs: a Han character is set one em wide in every CJK font,
// so the lower quartile of the Han advances is the size, near enough (justification widens
// them, letter-spacing moves them by a fraction of a point). 0 when the run has no Han.
double hanEm(const std::string& text, const std::vector<Box>& chars) {
  std::vector<double> widths;
  size_t i = 0, k = 0;
  while (i < text.size() && k < chars.size()) {
    char32_t c = utf8::next(text, i);
    if (utf8::isHan(c)) widths.push_back(chars[k].x1 - chars[k].x0);
    ++k;
  }
  if (widths.empty()) return 0;
  std::sort(widths.begin(), widths.end());
  return widths[widths.size() / 4];
}

// Font names cost poppler as much again as the text itself, so they are asked for where they
// tell most: the first page (masthead, 发文字号, title). Elsewhere the size is measured from the
// glyphs: the run height in ems differs by producer and font (1.3 in LibreOffice's fonts, 1.0
// in WPS's FangSong, 0.84 in Chromium's), so it is calibrated on the page's Han advances.
std::vector<Glyphs> glyphsOf(poppler::page& page, bool withFonts) {
  std::vector<Glyphs> out;
  auto boxes = withFonts ? page.text_list(poppler::page::text_list_include_font) : page.text_list();
  for (auto& box : boxes) {
    auto bytes = box.text().to_utf8();
    std::string text(bytes.begin(), bytes.end());
    if (utf8::trim(text).empty()) continue;
    Box bbox = toBox(box.bbox());
    double size = withFonts ? box.get_font_size() : 0;
    Glyphs g{text, bbox, {}, size, withFonts ? box.get_font_name() : std::string(), box.has_space_after()};
    size_t n = utf8::codepointCount(text);
    for (size_t i = 0; i < n; ++i) {
      // poppler counts UTF-16 units; past its count a box is empty: use the run's box.
      Box c = toBox(box.char_bbox(i));
      g.chars.push_back(c.x1 > c.x0 || c.y1 > c.y0 ? c : g.box);
    }
    out.push_back(std::move(g));
  }
  if (withFonts) return out;
  // Justification stretches a line's advances and not its height, so the em is read from the
  // height, through the ratio of height to Han advance that runs of that height show on the page
  // (their median: most lines are stretched little), else the page's, else 1.3.
  std::map<long, std::vector<double>> byHeight;
  std::vector<double> all;
  auto heightKey = [](const Glyphs& g) { return std::lround((g.box.y1 - g.box.y0) * 2); };
  for (const auto& g : out) {
    double em = hanEm(g.text, g.chars);
    if (em <= 0) continue;
    byHeight[heightKey(g)].push_back((g.box.y1 - g.box.y0) / em);
    all.push_back(byHeight[heightKey(g)].back());
  }
  auto median = [](std::vector<double> v) {
    std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
    return v[v.size() / 2];
  };
  const double pageRatio = all.empty() ? 1.3 : median(all);
  std::map<long, double> ratios;
  for (const auto& [key, values] : byHeight) ratios[key] = median(values);
  for (auto& g : out) {
    auto it = ratios.find(heightKey(g));
    g.measured = it != ratios.end();
    g.size = (g.box.y1 - g.box.y0) / (g.measured ? it->second : pageRatio);
  }
  return out;
}

double centreY(const Box& b) { return (b.y0 + b.y1) / 2; }

// Groups glyph runs into lines (top to bottom), each sorted left to right.
std::vector<std::vector<Glyphs>> linesOf(std::vector<Glyphs> glyphs) {
  std::sort(glyphs.begin(), glyphs.end(), [](const Glyphs& a, const Glyphs& b) { return centreY(a.box) < centreY(b.box); });
  std::vector<std::vector<Glyphs>> lines;
  for (auto& g : glyphs) {
    double h = g.box.y1 - g.box.y0;
    if (!lines.empty()) {
      const Box& ref = lines.back().front().box;
      if (std::fabs(centreY(ref) - centreY(g.box)) < 0.5 * std::max(h, ref.y1 - ref.y0)) {
        lines.back().push_back(std::move(g));
        continue;
      }
    }
    lines.push_back({std::move(g)});
  }
  for (auto& line : lines) {
    std::sort(line.begin(), line.end(), [](const Glyphs& a, const Glyphs& b) { return a.box.x0 < b.box.x0; });
  }
  return lines;
}

Line buildLine(const std::vector<Glyphs>& runs) {
  Line line;
  // The line's size is the one most of its measured text shows (a run of digits in a Latin font
  // has a box of its own height: it votes only where nothing else does).
  std::map<double, size_t> sizeVotes;
  bool anyMeasured = std::any_of(runs.begin(), runs.end(), [](const Glyphs& r) { return r.measured; });
  for (const auto& r : runs) {
    if (r.measured || !anyMeasured) sizeVotes[std::round(r.size * 10) / 10] += utf8::codepointCount(r.text);
  }
  double em = std::max_element(sizeVotes.begin(), sizeVotes.end(),
                               [](const auto& a, const auto& b) { return a.second < b.second; })->first;
  if (em <= 0) em = 12;
  line.font_size = em;
  for (size_t i = 0; i < runs.size(); ++i) {
    const Glyphs& r = runs[i];
    double gap = i == 0 ? 0 : r.box.x0 - runs[i - 1].box.x1;
    if (i == 0 || gap > 1.0 * em) {
      line.pieces.push_back(LinePiece{"", r.box, {}});
    } else {
      LinePiece& p = line.pieces.back();
      if (runs[i - 1].space_after || gap > 0.2 * em) {
        p.text += ' ';
        p.char_boxes.push_back(Box{runs[i - 1].box.x1, r.box.y0, r.box.x0, r.box.y1});
      }
      p.bbox = unite(*p.bbox, r.box);
    }
    LinePiece& p = line.pieces.back();
    p.text += r.text;
    p.char_boxes.insert(p.char_boxes.end(), r.chars.begin(), r.chars.end());
    line.bbox = line.bbox ? unite(*line.bbox, r.box) : r.box;
    if (r.font.find("Bold") != std::string::npos) line.bold = true;
    if (line.font_family.empty()) line.font_family = familyOf(r.font);
  }
  // A justified line spread one character per gap ("闫  龙  春") is one run of text.
  if (line.pieces.size() >= 3) {
    size_t single = 0;
    for (const auto& p : line.pieces) single += utf8::codepointCount(p.text) == 1;
    if (single * 2 > line.pieces.size()) {
      LinePiece merged{"", line.pieces.front().bbox, {}};
      for (size_t i = 0; i < line.pieces.size(); ++i) {
        if (i > 0) {
          merged.text += ' ';
          merged.char_boxes.push_back(*line.pieces[i].bbox);
          merged.bbox = unite(*merged.bbox, *line.pieces[i].bbox);
        }
        merged.text += line.pieces[i].text;
        merged.char_boxes.insert(merged.char_boxes.end(), line.pieces[i].char_boxes.begin(), line.pieces[i].char_boxes.end());
      }
      line.pieces = {std::move(merged)};
    }
  }
  return line;
}

std::string lineText(const Line& line) {
  std::string t;
  for (const auto& p : line.pieces) t += p.text;
  t.erase(std::remove(t.begin(), t.end(), ' '), t.end());
  return t;
}

// Lines in the top or bottom band of the page that are page numbers, or that repeat at the same
// height on several pages (running heads and feet), are furniture.
void setFurnitureApart(PageText& doc, const Grammar& g) {
  std::map<std::pair<std::string, long>, int> seen;
  auto key = [](const Line& l, const std::string& text) { return std::make_pair(text, std::lround(l.bbox->y0 / 4)); };
  auto inBand = [](const Line& l, const Page& p) {
    return l.bbox && (l.bbox->y1 < 0.1 * p.height || l.bbox->y0 > 0.88 * p.height);
  };
  for (const auto& page : doc.pages) {
    for (const auto& l : page.lines) {
      if (inBand(l, page)) ++seen[key(l, lineText(l))];
    }
  }
  for (auto& page : doc.pages) {
    std::vector<Line> kept;
    for (auto& l : page.lines) {
      std::string text = lineText(l);
      bool furniture = inBand(l, page) && (RE2::FullMatch(text, g.re("structure.page_number")) || (doc.pages.size() >= 3 && seen[key(l, text)] >= 3));
      if (furniture) page.furniture.push_back(text);
      else kept.push_back(std::move(l));
    }
    page.lines = std::move(kept);
  }
}

// The page's line pitch: the usual distance between the centres of consecutive lines of one
// size (body text sets it: 28.9 pt in GB/T 9704's 22 lines to a page, less in a producer's
// single spacing). 0 when the page has too few such pairs to tell.
double linePitch(const std::vector<Line>& lines) {
  std::vector<double> pitches;
  for (size_t i = 1; i < lines.size(); ++i) {
    const Line &a = lines[i - 1], &b = lines[i];
    double em = std::max(a.font_size, b.font_size);
    if (a.table_row || b.table_row || em <= 0 || std::fabs(a.font_size - b.font_size) > 0.1 * em) continue;
    double d = centreY(*b.bbox) - centreY(*a.bbox);
    if (d > 0.9 * em && d < 2.6 * em) pitches.push_back(d / em);
  }
  if (pitches.size() < 3) return 0;
  std::sort(pitches.begin(), pitches.end());
  return pitches[pitches.size() / 3];  // in ems; the lower third: breaks only widen it
}

// Alignment against the page's text column, and paragraph breaks from vertical gaps.
void setLayoutEvidence(Page& page, bool firstPage) {
  std::vector<double> lefts, rights;
  for (const auto& l : page.lines) {
    lefts.push_back(l.bbox->x0);
    rights.push_back(l.bbox->x1);
  }
  if (lefts.empty()) return;
  std::sort(lefts.begin(), lefts.end());
  std::sort(rights.begin(), rights.end());
  double left = lefts[lefts.size() / 10], right = rights[rights.size() * 9 / 10];
  double middle = (left + right) / 2;
  const double pitch = linePitch(page.lines);
  // The body size of the page: the size most of its text is set in.
  std::map<double, size_t> votes;
  for (const auto& l : page.lines) {
    for (const auto& p : l.pieces) votes[std::round(l.font_size * 2) / 2] += p.text.size();
  }
  const double bodySize =
      std::max_element(votes.begin(), votes.end(), [](const auto& a, const auto& b) { return a.second < b.second; })->first;
  for (size_t i = 0; i < page.lines.size(); ++i) {
    Line& l = page.lines[i];
    double em = l.font_size > 0 ? l.font_size : 12;
    double centre = (l.bbox->x0 + l.bbox->x1) / 2;
    bool reachesLeft = l.bbox->x0 <= left + 0.5 * em, reachesRight = l.bbox->x1 >= right - 1.0 * em;
    // A line of body text from the margin or a paragraph's indent (2 characters) to the right
    // edge is paragraph text, though an indented one is off centre by no more than an em. A
    // display line (a title in 二号 over 三号 text) is not, however wide.
    bool paragraphLine = reachesRight && l.bbox->x0 <= left + 2.5 * em && em < 1.15 * bodySize;
    // A display line as wide as the column (a long title line) is centred too.
    bool display = em >= 1.15 * bodySize;
    if (paragraphLine) l.align = Align::kJustified;
    else if (std::fabs(centre - middle) < 1.0 * em && (!reachesLeft || display)) l.align = Align::kCentre;
    else if (reachesRight && !reachesLeft) l.align = Align::kRight;
    else l.align = Align::kLeft;
    if (i == 0) {
      l.blank_before = !firstPage;  // a page break
    } else {
      const Line& prev = page.lines[i - 1];
      double size = std::max(em, prev.font_size);
      // A break is space beyond the page's own line pitch (half a line more), or without a
      // measured pitch a gap of nearly an em between the boxes.
      bool sameSize = std::fabs(em - prev.font_size) <= 0.1 * size;
      if (pitch > 0 && sameSize) {
        l.blank_before = centreY(*l.bbox) - centreY(*prev.bbox) > (pitch + 0.5) * size;
      } else {
        l.blank_before = l.bbox->y0 - prev.bbox->y1 > 0.9 * size;
      }
    }
  }
}

// Share of code points that cannot be ordinary text of a notice: private use, controls,
// replacement characters, unassigned scripts, and ASCII symbols a notice hardly uses (!"#$&'*+
// <=>?@[\]^_`{|}~). Glyph ids read as Unicode give many of them: a subset font's glyphs
// numbered from 1 come out as runs of !"#$%&'().
double garbledShare(const std::string& text) {
  size_t total = 0, bad = 0, i = 0;
  while (i < text.size()) {
    char32_t c = utf8::next(text, i);
    if (c == ' ' || c == '\n') continue;
    ++total;
    bool ok = utf8::isHan(c) || utf8::isCjkPunct(c) || (c >= 0x20 && c < 0x7F) || (c >= 0x2000 && c <= 0x206F) ||
              (c >= 0x2460 && c <= 0x24FF) || (c >= 0x3000 && c <= 0x30FF) || (c >= 0xFF00 && c <= 0xFFEF) ||
              c == 0xB7;
    static constexpr std::string_view kRareAscii = "!\"#$&'*+<=>?@[\\]^_`{|}~";
    if (!ok || (c < 0x80 && kRareAscii.find(static_cast<char>(c)) != std::string_view::npos)) ++bad;
  }
  static const RE2 cid("\\(cid:\\d+\\)");
  int cids = 0;
  re2::StringPiece in(text);
  while (RE2::FindAndConsume(&in, cid)) ++cids;
  if (total == 0) return 0;
  return static_cast<double>(bad + cids * 6) / static_cast<double>(total);
}

// Share of the junctions between two Han characters that have a space: a scanner's own OCR
// writes its text layer a word at a time with spaces between (关于 优化 住房 公积 金), which no
// word processor does. Such a layer is read again by our OCR.
double spacedHanShare(const std::string& text) {
  size_t spaced = 0, tight = 0, i = 0;
  char32_t prev = 0;
  bool space = false;
  while (i < text.size()) {
    char32_t c = utf8::next(text, i);
    if (c == ' ') {
      space = true;
      continue;
    }
    if (utf8::isHan(c) && utf8::isHan(prev)) ++(space ? spaced : tight);
    prev = c;
    space = false;
  }
  return spaced + tight == 0 ? 0 : static_cast<double>(spaced) / static_cast<double>(spaced + tight);
}

void quiet(const std::string&, void*) {}

// Whether the PDF holds an image XObject. Its dictionary is a stream's, which is never inside an
// object stream and never encrypted, so "/Subtype /Image" is in the file's bytes as written (the
// ProcSet names /ImageB, /ImageC, /ImageI are no match). A PDF without text and without images is
// damaged (or draws its text as outlines), not a scan.
bool holdsImages(std::string_view bytes) {
  constexpr std::string_view kSubtype = "/Subtype", kImage = "/Image";
  for (size_t at = bytes.find(kSubtype); at != std::string_view::npos; at = bytes.find(kSubtype, at + 1)) {
    size_t i = at + kSubtype.size();
    while (i < bytes.size() && std::string_view(" \t\r\n\f\0", 6).find(bytes[i]) != std::string_view::npos) ++i;  // PDF white space
    if (bytes.substr(i, kImage.size()) != kImage) continue;
    size_t end = i + kImage.size();
    if (end == bytes.size() || !std::isalnum(static_cast<unsigned char>(bytes[end]))) return true;
  }
  return false;
}

const char* const kNoTextNoImages =
    "damaged: no text could be read (the pages have no text layer and no images: damaged content streams "
    "or page tree, or text drawn as outlines)";

// A page's text layer read as it is, or no usable text layer.
enum class Layer { kText, kEmpty, kGarbled };

Layer judge(const Page& page) {
  std::string text;
  for (const auto& l : page.lines) {
    for (const auto& p : l.pieces) text += p.text;
  }
  if (utf8::trim(text).empty()) return Layer::kEmpty;
  return garbledShare(text) > 0.15 ? Layer::kGarbled : Layer::kText;
}

// Pages are rendered for OCR so that body text (三号, about 1/37 of an A4 page's width: 28
// characters on a 156 mm line) is about kBodyEmPx pixels tall, whatever the page size says
// (a phone photo wrapped in a page of 1066 × 1712 pt has no more pixels than an A4 scan).
constexpr double kBodyEmPx = 44;

// The page as a grey image for OCR; with `bandBottom` (points), only the band from the top of
// the page down to there.
Result<ocr::GrayImage> renderPage(poppler::document& doc, int index, double scale, double bandBottom = 0) {
  std::unique_ptr<poppler::page> page(doc.create_page(index));
  if (!page) return ocr::GrayImage{};
  auto rect = page->page_rect();
  if (std::min(rect.width(), rect.height()) <= 0) return ocr::GrayImage{};
  double dpi = std::min(ocrResolution(rect.width(), rect.height()) * scale, 600.0);
  poppler::page_renderer renderer;
  renderer.set_image_format(poppler::image::format_argb32);
  renderer.set_render_hint(poppler::page_renderer::antialiasing);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing);
  poppler::image image = bandBottom > 0 ? renderer.render_page(page.get(), dpi, dpi, 0, 0, static_cast<int>(rect.width() * dpi / 72),
                                                               static_cast<int>(bandBottom * dpi / 72))
                                        : renderer.render_page(page.get(), dpi, dpi);
  if (!image.is_valid()) {
    return Error{ErrorCode::kCorrupt, "page " + std::to_string(index + 1) + " of the PDF cannot be rendered for OCR"};
  }
  ocr::GrayImage out;
  out.width = image.width();
  out.height = image.height();
  out.points_per_pixel = 72 / dpi;
  out.pixels.resize(static_cast<size_t>(out.width) * out.height);
  // Seals (红章) are red ink stamped over the signature and the date; read as grey they bury the
  // text beneath. Below the 版头 (the top third of the first page, where the red 发文机关标志
  // stands) red ink is taken for paper: text under a seal is dark in every channel and stays.
  const int headEnd = index == 0 ? static_cast<int>(rect.height() / 3 * dpi / 72) : 0;
  // Plain pointers and arithmetic in the loop over every pixel: the checking build (-O0 under
  // the sanitizers) would otherwise make a call of each index and each min and max.
  const char* data = image.const_data();
  std::uint8_t* grey = out.pixels.data();
  for (int y = 0; y < out.height; ++y) {
    const auto* px = reinterpret_cast<const std::uint8_t*>(data + static_cast<size_t>(y) * image.bytes_per_row());
    const bool redIsPaper = y >= headEnd;
    for (int x = 0; x < out.width; ++x, px += 4, ++grey) {
      const int b = px[0], g = px[1], r = px[2];  // B, G, R, A (a native-endian 0xAARRGGBB)
      int v = (299 * r + 587 * g + 114 * b) / 1000;
      const int red = r - (g > b ? g : b);
      if (redIsPaper && red > 0) v += 2 * red;
      *grey = static_cast<std::uint8_t>(v > 255 ? 255 : v);
    }
  }
  return out;
}

// OCR's mean word confidence below which a page's record is flagged for a reader to check.
constexpr float kDoubtfulConfidence = 55;

// Reads the pages in `which` (indexes) by OCR into `out`, replacing what their text layer gave.
Result<bool> ocrPages(poppler::document& doc, const std::vector<int>& which, const SourceOptions& options,
                      const Grammar& grammar, PageText& out) {
  auto results = ocr::recognisePages(static_cast<int>(which.size()), options.ocr_jobs,
                                     [&](int i, double scale) { return renderPage(doc, which[static_cast<size_t>(i)], scale); });
  if (!results.ok()) return results.error();
  for (size_t i = 0; i < which.size(); ++i) {
    const ocr::PageResult& r = results.value()[i];
    Page& page = out.pages[static_cast<size_t>(which[i])];
    page.lines = linesFromOcr(r, grammar);
    if (r.width > 0) {
      page.width = r.width;
      page.height = r.height;
    }
    if (!page.lines.empty() && r.confidence < kDoubtfulConfidence) {
      out.notes.emplace_back("ocr_low_confidence", "page " + std::to_string(page.number) +
                                                       " was read by OCR with low confidence (" +
                                                       std::to_string(static_cast<int>(r.confidence)) +
                                                       " of 100): check the record against the page");
    }
    if (r.rotation != 0) {
      out.notes.emplace_back("ocr_rotated", "page " + std::to_string(page.number) + " was read turned " +
                                                std::to_string(r.rotation) + "° clockwise");
    }
  }
  out.ocr = true;
  return true;
}

// A 发文机关标志 drawn as outlines or pasted in as a picture leaves page 1 without text above
// the 发文字号: nothing for the masthead to be read from. Where the first line of text starts
// lower than a 版头 would leave room for (GB/T 9704: the type area starts 37 mm down, about
// 0.125 of an A4 page), the band above it is read by OCR, and the lines read with confidence go
// above the text layer's. A band with no ink costs a render and nothing more.
constexpr double kMastheadRoom = 0.15;      // of the page's height, above the first line
constexpr float kMastheadConfidence = 70;   // a logo or a rule read as text reads worse

Result<bool> readDrawnMasthead(poppler::document& doc, const Grammar& grammar, PageText& out) {
  Page& page = out.pages.front();
  if (page.lines.empty() || page.height <= 0) return false;
  double top = page.height;
  for (const auto& l : page.lines) top = std::min(top, l.bbox->y0);
  if (top < kMastheadRoom * page.height) return false;
  const double bandBottom = top - 2;
  auto band = renderPage(doc, 0, 1, bandBottom);
  if (!band.ok()) return band.error();
  const auto& pixels = band.value().pixels;
  if (std::none_of(pixels.begin(), pixels.end(), [](std::uint8_t v) { return v < 128; })) return false;
  auto read = ocr::recogniseBand(band.value());
  if (!read.ok()) return read.error();
  ocr::PageResult& r = read.value();
  std::erase_if(r.lines, [](const ocr::Line& l) { return l.confidence < kMastheadConfidence; });
  std::vector<Line> lines = linesFromOcr(r, grammar);
  std::erase_if(lines, [&](const Line& l) { return !l.bbox || l.bbox->y1 > bandBottom; });
  if (lines.empty()) return false;
  page.lines.insert(page.lines.begin(), std::make_move_iterator(lines.begin()), std::make_move_iterator(lines.end()));
  out.ocr = true;
  return true;
}

}  // namespace

double ocrResolution(double width, double height) {
  double shortSide = std::min(width, height);
  return shortSide <= 0 ? 72 : std::clamp(kBodyEmPx * 37.5 / (shortSide / 72), 50.0, 600.0);
}

int pdfPageCount(std::string_view bytes, const std::string& password) {
  poppler::set_debug_error_function(quiet, nullptr);  // damage is the parse's to report
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(
      bytes.data(), static_cast<int>(std::min<size_t>(bytes.size(), INT32_MAX)), password, password));
  return doc && !doc->is_locked() ? std::max(doc->pages(), 0) : 0;
}

Result<PageText> readPdf(std::string_view bytes, const SourceOptions& options, const Grammar& grammar) {
  poppler::set_debug_error_function(quiet, nullptr);
  std::vector<char> data(bytes.begin(), bytes.end());
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(data.data(), static_cast<int>(data.size()), options.password, options.password));
  if (!doc) {
    return Error{ErrorCode::kCorrupt, "not a readable PDF (damaged, truncated or not a PDF at all)"};
  }
  if (doc->is_locked()) {
    return Error{ErrorCode::kEncrypted, options.password.empty()
                                            ? "the PDF is encrypted and no password was given"
                                            : "the PDF is encrypted and the password given is wrong"};
  }
  int count = doc->pages();
  if (count <= 0) {
    return Error{ErrorCode::kCorrupt, "damaged: no pages could be read (the page tree is empty, loops, or gives a page "
                                      "count the file cannot hold)"};
  }
  PageText out;
  out.format = SourceFormat::kPdf;
  out.has_geometry = true;
  std::string all;
  std::vector<Layer> layers;
  for (int p = 0; p < count; ++p) {
    std::unique_ptr<poppler::page> page(doc->create_page(p));
    Page result;
    result.number = p + 1;
    if (!page) {
      out.pages.push_back(std::move(result));
      layers.push_back(Layer::kEmpty);
      continue;
    }
    auto rect = page->page_rect();
    result.width = rect.width();
    result.height = rect.height();
    if (options.ocr != OcrMode::kAlways) {
      for (const auto& runs : linesOf(glyphsOf(*page, p == 0))) {
        result.lines.push_back(buildLine(runs));
        for (const auto& piece : result.lines.back().pieces) all += piece.text;
        all += '\n';
      }
    }
    layers.push_back(judge(result));
    out.pages.push_back(std::move(result));
  }
  if (options.ocr == OcrMode::kNever) {
    if (utf8::trim(all).empty()) {
      if (!holdsImages(bytes)) return Error{ErrorCode::kCorrupt, kNoTextNoImages};
      return Error{ErrorCode::kNoTextLayer, "no text layer: the pages are images (a scan?), and OCR is turned off"};
    }
    if (garbledShare(all) > 0.15) {
      return Error{ErrorCode::kGarbledText,
                   "the text layer does not decode to readable text (fonts without a Unicode map); "
                   "the record would be mojibake, and OCR is turned off"};
    }
  } else {
    // A text layer that is garbage on the whole is garbage on every page, though a page may hold
    // little besides a readable watermark; a scanner's OCR layer is read again on every page.
    bool garbled = garbledShare(all) > 0.15 || spacedHanShare(all) > 0.3;
    std::vector<int> which;
    for (int p = 0; p < count; ++p) {
      if (options.ocr == OcrMode::kAlways || garbled || layers[static_cast<size_t>(p)] != Layer::kText) which.push_back(p);
    }
    if (!which.empty()) {
      auto done = ocrPages(*doc, which, options, grammar, out);
      if (!done.ok()) return done.error();
    }
    if (layers.front() == Layer::kText && !garbled && options.ocr == OcrMode::kAuto) {
      // The text layer stands without its masthead when OCR cannot run.
      if (auto done = readDrawnMasthead(*doc, grammar, out); !done.ok()) {
        out.notes.emplace_back("masthead_not_read", "page 1 seems to have a drawn masthead that was not read: " + done.error().message);
      }
    }
    bool any = std::any_of(out.pages.begin(), out.pages.end(), [](const Page& pg) { return !pg.lines.empty(); });
    if (!any) {
      if (!holdsImages(bytes)) return Error{ErrorCode::kCorrupt, kNoTextNoImages};
      return Error{ErrorCode::kNoTextLayer, "no text: the PDF has no text layer and OCR found no text on its pages (a blank scan?)"};
    }
  }
  setFurnitureApart(out, grammar);
  rebuildTables(out, grammar);
  for (auto& page : out.pages) setLayoutEvidence(page, page.number == 1);
  return out;
}

}  // namespace notice
