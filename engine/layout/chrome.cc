#include "layout/chrome.h"

#include <algorithm>

#include "core/utf8.h"
#include "grammar/doc_types.h"

namespace notice {
namespace {

// How far down the first page a site's headline may stand, and how far below it the document's
// own title may repeat it (lines).
constexpr size_t kHeadlineLines = 8;
constexpr size_t kRepeatWithin = 14;

std::string textOf(const Line& line) {
  std::string t;
  for (size_t i = 0; i < line.pieces.size(); ++i) t += (i ? " " : "") + line.pieces[i].text;
  return t;
}

// The text without white space: a headline and the title it repeats differ in spacing only.
std::string compact(const std::string& s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    size_t at = i;
    char32_t c = utf8::next(s, i);
    if (c != ' ' && c != '\t' && c != U'\u3000' && c != U'\u00a0') out.append(s, at, i - at);
  }
  return out;
}

bool isChrome(const std::string& text, const Grammar& g) {
  return RE2::FullMatch(text, g.re("chrome.line")) || RE2::FullMatch(text, g.re("chrome.rule")) ||
         RE2::PartialMatch(text, g.re("chrome.furniture_start")) || RE2::PartialMatch(text, g.re("chrome.footer"));
}

void setText(Line& line, std::string text) {
  line.pieces.resize(1);
  line.pieces[0].text = std::move(text);
  line.pieces[0].char_boxes.clear();
}

// A headline is a title and a site's name: a few hundred bytes at most, never a page.
constexpr size_t kMaxHeadlineBytes = 1024;

// A headline "标题 -网站名" or "《标题》" gives the title alone.
std::optional<std::string> headlineTitle(const std::string& text, const Grammar& g) {
  if (text.size() > kMaxHeadlineBytes) return std::nullopt;
  std::string inner;
  if (RE2::FullMatch(text, g.re("chrome.headline_quoted"), &inner) && endsLikeATitle(utf8::trim(inner), g)) {
    return utf8::trim(inner);
  }
  re2::StringPiece in(text), sep;
  size_t from = 0;
  while (from < text.size() &&
         g.re("chrome.headline_separator").Match(in, from, text.size(), RE2::UNANCHORED, &sep, 1)) {
    size_t at = static_cast<size_t>(sep.data() - text.data());
    std::string left = utf8::trim(text.substr(0, at));
    std::string right = utf8::trim(text.substr(at + sep.size()));
    if (endsLikeATitle(left, g) && RE2::FullMatch(right, g.re("chrome.headline_site"))) return left;
    from = at + std::max<size_t>(sep.size(), 1);
  }
  return std::nullopt;
}

}  // namespace

void setChromeApart(PageText& pages, const Grammar& g) {
  for (Page& page : pages.pages) {
    std::vector<Line> kept;
    for (Line& line : page.lines) {
      std::string text = textOf(line);
      if (isChrome(text, g)) {
        page.furniture.push_back(std::move(text));
      } else {
        kept.push_back(std::move(line));
      }
    }
    page.lines = std::move(kept);
  }
  if (pages.pages.empty() || pages.has_geometry) return;
  // The site's headline above the document: without the site's name; dropped when the document's
  // own title (its issuer perhaps before it) follows below.
  auto& lines = pages.pages.front().lines;
  for (size_t i = 0; i < std::min(kHeadlineLines, lines.size()); ++i) {
    std::string text = textOf(lines[i]);
    if (auto title = headlineTitle(text, g)) {
      setText(lines[i], *title);
      text = *title;
    }
    if (!endsLikeATitle(text, g)) continue;
    std::string headline = compact(text);
    bool repeated = false;
    for (size_t j = i + 1; j < std::min(lines.size(), i + kRepeatWithin) && !repeated; ++j) {
      std::string below;
      for (size_t k = j; k < std::min(lines.size(), j + 3) && !repeated; ++k) {
        below += compact(textOf(lines[k]));
        repeated = utf8::endsWith(below, headline);
      }
    }
    if (repeated) {
      pages.pages.front().furniture.push_back(text);
      lines.erase(lines.begin() + static_cast<long>(i));
    }
    break;  // the first title-like line is the headline or the title itself
  }
}

}  // namespace notice
