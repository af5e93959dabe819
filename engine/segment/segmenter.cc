#include "segment/segmenter.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/utf8.h"
#include "grammar/doc_types.h"

namespace notice {
namespace {

bool matches(const std::string& text, const Grammar& g, const char* name) {
  return RE2::PartialMatch(text, g.re(name));
}


bool isContinuation(const std::string& text, const Grammar& g) {
  const auto& words = g.list("org_continuations");
  return std::find(words.begin(), words.end(), text) != words.end();
}

// A masthead is the issuer's name and the word 文件 (GB/T 9704 7.2.1): the name without it.
std::string stripMastheadSuffix(std::string name, const Grammar& g) {
  std::string bare;
  if (RE2::FullMatch(name, g.re("structure.masthead_suffix"), &bare)) return bare;
  return name;
}

// The name a masthead or signature gives, without the word 文件 or a seal's remark after it.
std::string bareName(const std::string& name, const Grammar& g) {
  std::string bare;
  if (RE2::FullMatch(name, g.re("structure.seal_remark"), &bare)) return bare;
  return stripMastheadSuffix(name, g);
}

// A line that closes the 主体: the first line of the attachments or of the 版记.
bool closesMain(const CleanLine& line, const Grammar& g) {
  return matches(line.text, g, "structure.attachment_header") || matches(line.text, g, "structure.cc") ||
         matches(line.text, g, "structure.internal_distribution") || matches(line.text, g, "structure.printed");
}

// The 发文字号 stands alone on its line, or as one piece of it (签发人 to its right, 文件格式).
bool isDocNumberLine(const CleanLine& line, const Grammar& g) {
  if (line.table_row) return false;
  for (size_t i = 0; i < line.pieces.size(); ++i) {
    if (RE2::FullMatch(line.piece(i), g.re("doc_number.line")) ||
        RE2::FullMatch(line.piece(i), g.re("genre_announcement.announcement_line"))) {
      return true;
    }
  }
  return false;
}

// A title's line that ends in the notice's 发文字号 in brackets: the title without it ends as a
// title does.
bool isTitleThenNumber(const std::string& text, const Grammar& g) {
  re2::StringPiece in(text), tail;
  if (!g.re("structure.trailing_doc_number").Match(in, 0, in.size(), RE2::UNANCHORED, &tail, 1)) return false;
  return endsAsTitle(std::string_view(text).substr(0, static_cast<size_t>(tail.data() - text.data())), g);
}

bool isRecipientLine(const std::string& text) {
  char32_t last = utf8::last(text);
  return last == U'：' || last == ':';
}

std::string titleUpToFullStop(const std::string& rest) {
  size_t stop = rest.find("。");
  return utf8::trim(stop == std::string::npos ? rest : rest.substr(0, stop));
}

std::optional<Heading> headingOf(const CleanLine& line, size_t index, const Grammar& g) {
  static const char* const kLevels[] = {"structure.h1", "structure.h2", "structure.h3", "structure.h4"};
  if (line.table_row) return std::nullopt;
  for (int level = 1; level <= 4; ++level) {
    re2::StringPiece number, rest;
    if (RE2::FullMatch(line.text, g.re(kLevels[level - 1]), &number, &rest)) {
      std::string title = titleUpToFullStop(std::string(rest));
      if (title.empty()) return std::nullopt;
      size_t begin = static_cast<size_t>(rest.data() - line.text.data());
      return Heading{index, level, std::string(number), title, begin};
    }
  }
  return std::nullopt;
}

// What the page layout says, where the source has one (PDF): the size of the body text, against
// which a title (二号 against the body's 三号, GB/T 9704) stands out.
struct Layout {
  bool geometry = false;
  double body_size = 0;

  explicit Layout(const CleanDoc& doc) : geometry(doc.has_geometry) {
    std::map<double, size_t> votes;
    for (const auto& l : doc.lines) {
      if (l.font_size > 0 && !l.table_row) votes[std::round(l.font_size * 2) / 2] += l.text.size();
    }
    if (!votes.empty()) {
      body_size = std::max_element(votes.begin(), votes.end(), [](const auto& a, const auto& b) { return a.second < b.second; })->first;
    }
  }
  // A line whose first character stands in from the column's left edge by a paragraph's indent
  // (2 characters): 正文, never the 主送 line, which GB/T 9704 sets flush left.
  bool indented(const CleanLine& line) const {
    if (!geometry || line.column_left <= 0 || line.char_boxes.empty() || !line.char_boxes.front()) return false;
    double em = line.font_size > 0 ? line.font_size : 16;
    return line.char_boxes.front()->box.x0 > line.column_left + 1.5 * em;
  }
  // A centred line set larger than the body: a title line, or a masthead's.
  bool displayLine(const CleanLine& line) const {
    return geometry && body_size > 0 && !line.table_row && line.align == Align::kCentre &&
           line.font_size >= 1.15 * body_size;
  }
};

// A notice that issues a document (关于印发《X》的通知) carries its substance in the attachment
// X: X's headings, themes, times and duties are the notice's own, so X's lines (after its title,
// up to the next attachment) are read as the 正文's continuation.
void readIssuedDocument(const CleanDoc& doc, const Grammar& g, NoticeParts& p) {
  std::string title;
  for (size_t t : p.title) title += doc.lines[t].text;
  std::string name;
  if (!RE2::PartialMatch(title, g.re("structure.issued_document"), &name)) return;
  auto plain = [](std::string s) {
    s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
    return s;
  };
  name = plain(name);
  size_t at = 0;
  while (at < p.attachments.size() && plain(doc.lines[p.attachments[at]].text) != name) ++at;
  for (size_t i = at + 1; i < p.attachments.size(); ++i) {
    const CleanLine& line = doc.lines[p.attachments[i]];
    if (matches(line.text, g, "structure.attachment_header")) break;
    p.issued_document.push_back(p.attachments[i]);
    p.body.push_back(p.attachments[i]);
    if (auto h = headingOf(line, p.attachments[i], g)) p.headings.push_back(*h);
  }
}

// Parts of one notice, given its lines (in order) and the line of its 发文字号 if any.
NoticeParts partsOf(const CleanDoc& doc, std::vector<size_t> lines, const Grammar& g, const Layout& layout) {
  NoticeParts p;
  p.lines = lines;
  const auto text = [&](size_t k) -> const std::string& { return doc.lines[lines[k]].text; };
  size_t n = lines.size(), k = 0;

  // 版头: masthead lines up to the 发文字号; without one, up to the title.
  size_t dn = n;
  for (size_t i = 0; i < std::min<size_t>(n, 30); ++i) {
    if (isDocNumberLine(doc.lines[lines[i]], g)) { dn = i; break; }
  }
  // Without a 发文字号, the title is the first line ending in a 文种; without either, none.
  std::optional<size_t> titleStart;
  // With layout, a title may stand above the 发文字号 (a copy published without its red 版头
  // puts the 发文字号 under the title): display lines of one size, set as one block, the last
  // just above the number and ending in a 文种. A masthead line never ends in a 文种.
  std::optional<size_t> titleAbove;
  if (dn < n) {
    p.doc_number = lines[dn];
    titleStart = dn + 1;
    size_t top = dn;
    while (top > 0 && layout.displayLine(doc.lines[lines[top - 1]]) &&
           (top == dn || (!doc.lines[lines[top]].blank_before &&
                          std::fabs(doc.lines[lines[top - 1]].font_size - doc.lines[lines[top]].font_size) <= 0.5))) {
      --top;
    }
    if (top < dn && dn - top <= 4 && endsLikeATitle(text(dn - 1), g)) titleAbove = top;
    // Without layout (web copies, gazettes): the number in brackets under the title, the title's
    // lines just above it naming no body.
    if (!titleAbove && !layout.geometry && dn > 0 && endsLikeATitle(text(dn - 1), g) &&
        utf8::codepointCount(text(dn - 1)) >= 6 && orgNamesOnLine(doc.lines[lines[dn - 1]], g).empty()) {
      size_t first = dn - 1;
      while (first > 0 && dn - 1 - first < 3 && orgNamesOnLine(doc.lines[lines[first - 1]], g).empty() &&
             !endsLikeATitle(text(first - 1), g) && !isRecipientLine(text(first - 1))) {
        --first;
      }
      titleAbove = first;
    }
  } else {
    for (size_t i = 0; i < std::min<size_t>(n, 12); ++i) {
      if (endsAsTitle(text(i), g) && utf8::codepointCount(text(i)) >= 6 && !isOrgName(text(i), g)) {
        titleStart = i;
        break;
      }
      if (isTitleThenNumber(text(i), g)) {
        titleStart = i;
        p.doc_number = lines[i];
        break;
      }
    }
    // With layout: a title set over several lines starts at the first of the display lines
    // (same size, centred) just above the one ending in its 文种; a masthead line names a body.
    // Without geometry, centred lines do (a web page's or a Word file's alignment).
    const size_t titleEnd = titleStart.value_or(0);
    while (titleStart && *titleStart > 0) {
      const CleanLine& above = doc.lines[lines[*titleStart - 1]];
      const CleanLine& first = doc.lines[lines[*titleStart]];
      // Without geometry, a source that says how lines are aligned (a web page, Word) shows a
      // title's lines as centred lines one above the other, the first left open.
      bool centred = !layout.geometry && above.align == Align::kCentre && first.align == Align::kCentre &&
                     !utf8::isTerminalPunct(utf8::last(above.text));
      // A source that says neither (a text export, a page that aligns by style sheet) shows them
      // as the lines just above the last, each a title's words only (no colon, comma or full
      // stop), none a masthead's, a date or a heading; a title runs to four lines.
      bool plain = !layout.geometry && above.align == Align::kUnknown && first.align == Align::kUnknown &&
                   titleEnd - *titleStart < 3 && RE2::FullMatch(above.text, g.re("structure.title_line")) &&
                   stripMastheadSuffix(above.text, g) == above.text && !matches(above.text, g, "dates.date_line") &&
                   !headingOf(above, lines[*titleStart - 1], g);
      bool display = centred || plain ||
                     (layout.displayLine(above) && layout.displayLine(first) && std::fabs(above.font_size - first.font_size) <= 0.5);
      if (!display || !orgNamesOnLine(above, g).empty() || endsLikeATitle(above.text, g)) {
        break;
      }
      --*titleStart;
    }
    // A title ending in a word outside the list (…的公示) is still the first display line that
    // does not name a body.
    for (size_t i = 0; !titleStart && i < std::min<size_t>(n, 12); ++i) {
      const CleanLine& line = doc.lines[lines[i]];
      if (layout.displayLine(line) && orgNamesOnLine(line, g).empty()) titleStart = i;
    }
  }
  // The issuer's name set on a line of its own right over "关于…" (GB/T 9704's title is 发文机关 +
  // 关于 + 事由 + 文种), with no break between them: one body's name, not a masthead's ("…文件")
  // and not one of a joint masthead's stacked names, opens the title.
  auto issuerOpensTitle = [&](size_t first) {
    if (first == 0 || doc.lines[lines[first]].blank_before ||
        !g.re("parties.title_issuer_end").Match(text(first), 0, text(first).size(), RE2::ANCHOR_START, nullptr, 0)) {
      return false;
    }
    const std::string& above = text(first - 1);
    if (!isOrgName(above, g) || stripMastheadSuffix(above, g) != above) return false;
    return first == 1 || orgNamesOnLine(doc.lines[lines[first - 2]], g).empty();
  };
  if (titleAbove && issuerOpensTitle(*titleAbove)) --*titleAbove;
  if (!titleAbove && titleStart && *titleStart < dn && issuerOpensTitle(*titleStart)) --*titleStart;
  const size_t mastheadEnd = titleAbove ? *titleAbove : std::min(dn, titleStart.value_or(0));
  for (size_t i = 0; i < mastheadEnd; ++i) {
    const CleanLine& line = doc.lines[lines[i]];
    if (!orgNamesOnLine(line, g).empty()) {
      p.masthead.push_back(lines[i]);
      continue;
    }
    // A long name wrapped in a narrow masthead column: "湖南省人力资源和" / "社会保障厅" (the
    // word 文件 beside it belongs to the whole masthead).
    if (i + 1 < mastheadEnd && !line.pieces.empty() && !doc.lines[lines[i + 1]].pieces.empty()) {
      std::string head = line.piece(0), tail = doc.lines[lines[i + 1]].piece(0);
      if (!RE2::FullMatch(head, g.re("structure.masthead_word")) && !isOrgName(head, g) && isOrgName(head + tail, g)) {
        p.masthead.push_back(lines[i]);
        p.masthead.push_back(lines[i + 1]);
        p.masthead_wrapped.push_back({lines[i], lines[i + 1]});
        ++i;
      }
    }
  }
  // 标题: up to 4 lines, ending at the 文种 or before the 主送 line.
  k = titleStart.value_or(0);
  // A 发文字号 on the last line leaves the title to start past the end: there is none.
  if (titleStart && *titleStart >= n) titleStart.reset();
  // With layout, a title set as display lines ends with them.
  const CleanLine* titleFirst = titleStart ? &doc.lines[lines[*titleStart]] : nullptr;
  bool displayTitle = titleFirst && layout.displayLine(*titleFirst);
  if (titleAbove) {
    for (size_t i = *titleAbove; i < dn; ++i) p.title.push_back(lines[i]);
    titleStart.reset();  // below the number come the 主送 and the 正文
  }
  while (titleStart && k < n && p.title.size() < 4 && !isRecipientLine(text(k)) &&
         !headingOf(doc.lines[lines[k]], lines[k], g)) {
    const CleanLine& line = doc.lines[lines[k]];
    if (displayTitle && k > *titleStart &&
        (!layout.displayLine(line) || std::fabs(line.font_size - titleFirst->font_size) > 0.5)) {
      break;
    }
    p.title.push_back(lines[k]);
    if (endsLikeATitle(text(k), g) || isTitleThenNumber(text(k), g)) { ++k; break; }
    ++k;
  }
  // 主送: lines up to one ending in a colon, from a line set flush left, naming bodies rather
  // than opening a sentence (…通告如下：). A 公告 or 通告 is addressed to the public and has none,
  // unless the line under its title names those it is for (市区各开发企业、有关单位：).
  std::string titleText;
  for (size_t t : p.title) titleText += doc.lines[t].text;
  bool addressed = !RE2::PartialMatch(titleText, g.re("genre_announcement.unaddressed_title")) ||
                   (k < n && RE2::FullMatch(text(k), g.re("genre_announcement.addressed_line")));
  size_t r = k;
  while (addressed && r < n && r < k + 4 && !headingOf(doc.lines[lines[r]], lines[r], g) &&
         !RE2::PartialMatch(text(r), g.re("structure.not_recipients")) && !(r == k && layout.indented(doc.lines[lines[k]]))) {
    if (isRecipientLine(text(r))) {
      for (size_t i = k; i <= r; ++i) p.recipients.push_back(lines[i]);
      k = r + 1;
      break;
    }
    ++r;
  }
  // 主体 ends where the attachments or the 版记 begin.
  size_t mainEnd = k;
  while (mainEnd < n && !closesMain(doc.lines[lines[mainEnd]], g)) ++mainEnd;

  // 成文日期: the last date line of the 主体; 署名: the names just before it.
  std::optional<size_t> dateAt;
  for (size_t i = k; i < mainEnd; ++i) {
    if (matches(text(i), g, "dates.date_line")) dateAt = i;
  }
  auto isAside = [&](size_t i) {
    return matches(text(i), g, "structure.publicity") || matches(text(i), g, "structure.no_body");
  };
  size_t sigEnd = dateAt ? *dateAt : mainEnd;
  size_t sigStart = sigEnd;
  while (sigStart > k) {
    size_t i = sigStart - 1;
    const CleanLine& line = doc.lines[lines[i]];
    if (isAside(i) || !orgNamesOnLine(line, g).empty() || isContinuation(line.text, g)) {
      --sigStart;
    } else {
      break;
    }
  }
  if (dateAt) p.issue_date = lines[*dateAt];
  for (size_t i = sigStart; i < sigEnd; ++i) {
    if (!isAside(i)) p.signature.push_back(lines[i]);
  }
  // 附件说明: from "附件：" to the signature.
  size_t bodyEnd = sigStart;
  for (size_t i = k; i < sigStart; ++i) {
    if (matches(text(i), g, "structure.attachment_note")) {
      bodyEnd = i;
      for (size_t j = i; j < sigStart; ++j) {
        if (!isAside(j)) p.attachment_note.push_back(lines[j]);
      }
      break;
    }
  }
  for (size_t i = k; i < bodyEnd; ++i) {
    if (isAside(i)) continue;
    p.body.push_back(lines[i]);
    if (auto h = headingOf(doc.lines[lines[i]], lines[i], g)) p.headings.push_back(*h);
  }
  // 附注, 附件 pages and 版记 anywhere after the body.
  for (size_t i = 0; i < n; ++i) {
    if (!p.publicity && matches(text(i), g, "structure.publicity")) p.publicity = lines[i];
  }
  for (size_t i = mainEnd; i < n; ++i) {
    const std::string& t = text(i);
    if (matches(t, g, "structure.cc")) {
      if (p.cc) continue;
      p.cc = lines[i];
      // A list that ends in its separator goes on on the next line (a web page's <p> or <br>
      // per line of the 版记).
      for (size_t j = i; j + 1 < n && RE2::PartialMatch(text(j), g.re("structure.list_goes_on")); ++j) {
        const std::string& next = text(j + 1);
        if (matches(next, g, "structure.cc") || matches(next, g, "structure.printed") ||
            matches(next, g, "structure.internal_distribution") || matches(next, g, "structure.publicity")) {
          break;
        }
        p.cc_continued.push_back(lines[j + 1]);
        i = j + 1;
      }
    } else if (matches(t, g, "structure.printed")) {
      p.printed = lines[i];
    } else if (!matches(t, g, "structure.internal_distribution") && !matches(t, g, "structure.publicity")) {
      p.attachments.push_back(lines[i]);
    }
  }
  // No 发文字号 in the 版头: the one a site's 信息公开 block states (its label on the line or the
  // one above), after the notice's own text.
  for (size_t i = k; !p.doc_number && i < n; ++i) {
    if (!matches(text(i), g, "structure.metadata_label")) continue;
    for (size_t j = i; j < std::min(n, i + 3) && !p.doc_number; ++j) {
      if (matches(text(j), g, "doc_number.any")) p.doc_number = lines[j];
    }
  }
  readIssuedDocument(doc, g, p);
  if (p.printed) {
    std::string org;
    RE2::FullMatch(doc.lines[*p.printed].text, g.re("structure.printed"), &org);
    auto at = std::find(lines.begin(), lines.end(), *p.printed) - lines.begin();
    if (utf8::trim(org).empty() && at > 0 && isOrgName(doc.lines[lines[at - 1]].text, g)) {
      p.printed_org = lines[at - 1];
      p.attachments.erase(std::remove(p.attachments.begin(), p.attachments.end(), lines[at - 1]),
                          p.attachments.end());
    }
  }
  return p;
}

}  // namespace

bool isOrgName(const std::string& text, const Grammar& g) {
  size_t n = utf8::codepointCount(text);
  if (n < 2 || n > 32) return false;
  size_t i = 0;
  while (i < text.size()) {
    char32_t c = utf8::next(text, i);
    if (!utf8::isHan(c) && c != U'（' && c != U'）' && c != '(' && c != ')') return false;
  }
  std::string name = bareName(text, g);
  for (const auto& suffix : g.list("org_suffixes")) {
    if (utf8::endsWith(name, suffix)) return true;
  }
  return false;
}

std::vector<OrgName> orgNamesOnLine(const CleanLine& line, const Grammar& g) {
  std::vector<OrgName> out;
  if (line.table_row) return out;
  for (const auto& range : line.pieces) {
    // The word 文件 set beside a joint masthead belongs to all of it, to none of the names.
    if (RE2::FullMatch(re2::StringPiece(line.text.data() + range.begin, range.end - range.begin),
                       g.re("structure.masthead_word"))) {
      continue;
    }
    // Split at soft breaks when every part is a name (a continuation joins the one before);
    // else the piece is one name or none.
    std::vector<size_t> cuts{range.begin};
    for (size_t b : line.soft_breaks) if (b > range.begin && b < range.end) cuts.push_back(b);
    // A space kept in the text (it looked like a slogan's) separates names too.
    for (size_t b = range.begin; b < range.end; ++b) if (line.text[b] == ' ') cuts.push_back(b);
    std::sort(cuts.begin(), cuts.end());
    cuts.push_back(range.end);
    std::vector<OrgName> parts;
    for (size_t c = 0; c + 1 < cuts.size(); ++c) {
      std::string part = utf8::trim(line.text.substr(cuts[c], cuts[c + 1] - cuts[c]));
      if (isContinuation(part, g) && (!parts.empty() || !out.empty())) {
        OrgName& previous = parts.empty() ? out.back() : parts.back();
        previous.name += part;
        previous.end = cuts[c + 1];
      } else if (isOrgName(part, g) && !isContinuation(part, g)) {
        parts.push_back({bareName(part, g), cuts[c], cuts[c + 1]});
      } else {
        parts.clear();
        break;
      }
    }
    if (parts.empty()) {
      std::string piece = line.text.substr(range.begin, range.end - range.begin);
      if (!isOrgName(piece, g) || isContinuation(piece, g)) return {};
      parts.push_back({bareName(piece, g), range.begin, range.end});
    }
    out.insert(out.end(), parts.begin(), parts.end());
  }
  return out;
}

Segmentation segment(const CleanDoc& doc, const Grammar& g) {
  const size_t n = doc.lines.size();
  const Layout layout(doc);
  // Every standalone 发文字号 after the first opens an embedded notice, together with the
  // masthead lines just above it; the embedded notice runs to its own 印发 line.
  std::vector<size_t> docNumbers;
  for (size_t i = 0; i < n; ++i) {
    if (isDocNumberLine(doc.lines[i], g)) docNumbers.push_back(i);
  }
  std::vector<bool> taken(n, false);
  Segmentation out;
  for (size_t d = 1; d < docNumbers.size(); ++d) {
    size_t at = docNumbers[d];
    if (at < n && taken[at]) continue;
    size_t start = at;
    while (start > 0 && !taken[start - 1] && !doc.lines[start - 1].text.empty() &&
           !orgNamesOnLine(doc.lines[start - 1], g).empty() && at - start < 20) {
      --start;
    }
    if (start == at) continue;  // a number with no masthead: a citation laid out alone, not a notice
    size_t end = at + 1;
    while (end < n && !matches(doc.lines[end].text, g, "structure.printed")) ++end;
    if (end == n) {
      // No 印发 line: the notice runs to the next attachment page.
      end = at + 1;
      while (end < n && !matches(doc.lines[end].text, g, "structure.attachment_header")) ++end;
    } else {
      ++end;
    }
    std::vector<size_t> lines;
    for (size_t i = start; i < end; ++i) {
      taken[i] = true;
      lines.push_back(i);
    }
    out.embedded.push_back(partsOf(doc, lines, g, layout));
  }
  std::vector<size_t> mainLines;
  for (size_t i = 0; i < n; ++i) if (!taken[i]) mainLines.push_back(i);
  out.main = partsOf(doc, mainLines, g, layout);
  return out;
}

}  // namespace notice
