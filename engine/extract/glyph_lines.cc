#include "extract/glyph_lines.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <re2/re2.h>

#include "core/utf8.h"

namespace notice {
namespace {

double centreY(const Box& b) { return (b.y0 + b.y1) / 2; }

std::string lineText(const Line& line) {
  std::string t;
  for (const auto& p : line.pieces) t += p.text;
  t.erase(std::remove(t.begin(), t.end(), ' '), t.end());
  return t;
}

Line buildLine(const std::vector<GlyphRun>& runs) {
  Line line;
  // The line's size is the one most of its text is set in.
  std::map<double, size_t> sizeVotes;
  for (const auto& r : runs) sizeVotes[std::round(r.size * 10) / 10] += utf8::codepointCount(r.text);
  double em = std::max_element(sizeVotes.begin(), sizeVotes.end(),
                               [](const auto& a, const auto& b) { return a.second < b.second; })->first;
  if (em <= 0) em = 12;
  line.font_size = em;
  for (size_t i = 0; i < runs.size(); ++i) {
    const GlyphRun& r = runs[i];
    double gap = i == 0 ? 0 : r.box.x0 - runs[i - 1].box.x1;
    if (i == 0 || gap > 1.0 * em) {
      line.pieces.push_back(LinePiece{"", r.box, {}});
    } else {
      LinePiece& p = line.pieces.back();
      if (gap > 0.2 * em) {
        p.text += ' ';
        p.char_boxes.push_back(Box{runs[i - 1].box.x1, r.box.y0, r.box.x0, r.box.y1});
      }
      p.bbox = unite(*p.bbox, r.box);
    }
    LinePiece& p = line.pieces.back();
    p.text += r.text;
    p.char_boxes.insert(p.char_boxes.end(), r.chars.begin(), r.chars.end());
    line.bbox = line.bbox ? unite(*line.bbox, r.box) : r.box;
    line.bold = line.bold || r.bold;
    if (line.font_family.empty()) line.font_family = r.family;
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

// The page's line pitch in ems: the usual distance between the centres of consecutive lines of
// one size (28.9 pt for GB/T 9704's 22 lines of 三号 to a page). 0 when too few pairs tell it.
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
  return pitches[pitches.size() / 3];  // the lower third: breaks only widen it
}

}  // namespace

std::vector<Line> assembleLines(std::vector<GlyphRun> runs) {
  std::sort(runs.begin(), runs.end(), [](const GlyphRun& a, const GlyphRun& b) { return centreY(a.box) < centreY(b.box); });
  std::vector<std::vector<GlyphRun>> grouped;
  for (auto& r : runs) {
    double h = r.box.y1 - r.box.y0;
    if (!grouped.empty()) {
      const Box& ref = grouped.back().front().box;
      if (std::fabs(centreY(ref) - centreY(r.box)) < 0.5 * std::max(h, ref.y1 - ref.y0)) {
        grouped.back().push_back(std::move(r));
        continue;
      }
    }
    grouped.push_back({std::move(r)});
  }
  std::vector<Line> lines;
  for (auto& line : grouped) {
    std::sort(line.begin(), line.end(), [](const GlyphRun& a, const GlyphRun& b) { return a.box.x0 < b.box.x0; });
    lines.push_back(buildLine(line));
  }
  return lines;
}

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
      bool furniture = inBand(l, page) && (RE2::FullMatch(text, g.re("structure.page_number")) ||
                                           (doc.pages.size() >= 3 && seen[key(l, text)] >= 3));
      if (furniture) page.furniture.push_back(text);
      else kept.push_back(std::move(l));
    }
    page.lines = std::move(kept);
  }
}

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
  std::map<double, size_t> votes;  // the body size: the one most of the page's text is set in
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
    // Body text from the margin or a paragraph's indent (2 characters) to the right edge is
    // paragraph text; a display line (a title in 二号 over 三号 text) is not, however wide.
    bool paragraphLine = reachesRight && l.bbox->x0 <= left + 2.5 * em && em < 1.15 * bodySize;
    bool display = em >= 1.15 * bodySize;
    if (paragraphLine) l.align = Align::kJustified;
    else if (std::fabs(centre - middle) < 1.0 * em && (!reachesLeft || display)) l.align = Align::kCentre;
    else if (reachesRight && !reachesLeft) l.align = Align::kRight;
    else l.align = Align::kLeft;
    if (i == 0) {
      l.blank_before = !firstPage;  // a page break
      continue;
    }
    const Line& prev = page.lines[i - 1];
    double size = std::max(em, prev.font_size);
    // A break is space beyond the page's line pitch (half a line more), or without a measured
    // pitch a gap of nearly an em between the boxes.
    bool sameSize = std::fabs(em - prev.font_size) <= 0.1 * size;
    if (pitch > 0 && sameSize) l.blank_before = centreY(*l.bbox) - centreY(*prev.bbox) > (pitch + 0.5) * size;
    else l.blank_before = l.bbox->y0 - prev.bbox->y1 > 0.9 * size;
  }
}

std::string fontFamily(const std::string& fontName) {
  // Subset prefixes ("ABCDEF+") are not part of the name.
  std::string name = fontName.substr(fontName.find('+') == std::string::npos ? 0 : fontName.find('+') + 1);
  // The first that matches: 仿宋 before 宋, 小标宋 is a Song.
  static const std::pair<const char*, const char*> kFamilies[] = {
      {"仿宋", "Fangsong"}, {"FangSong", "Fangsong"}, {"Fangsong", "Fangsong"}, {"FS", "Fangsong"},
      {"楷", "Kai"},        {"Kai", "Kai"},           {"黑", "Hei"},           {"Hei", "Hei"},
      {"宋", "Song"},       {"Song", "Song"},         {"SimSun", "Song"},      {"Sans", "Sans"},
      {"Serif", "Serif"},   {"Ming", "Serif"},
  };
  for (const auto& [needle, family] : kFamilies) {
    if (name.find(needle) != std::string::npos) return family;
  }
  return "";
}

}  // namespace notice
