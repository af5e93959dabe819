#include "fields/parties.h"

#include <set>

#include "core/utf8.h"
#include "fields/numerals.h"

namespace notice {
namespace {


std::string stripFinalStop(std::string s) {
  for (const char* stop : {"。", ".", "；", ";"}) {
    if (utf8::endsWith(s, stop)) s.resize(s.size() - std::string(stop).size());
  }
  return utf8::trim(s);
}

// Items of a list line after a label such as "抄送：".
std::vector<Found> listItems(const std::string& text, size_t from, size_t line) {
  std::vector<Found> out;
  std::string rest = text.substr(from);
  for (auto [b, e] : splitList(rest)) {
    std::string item = stripFinalStop(rest.substr(b, e - b));
    if (item.empty()) continue;
    out.push_back(Found{item, {Span{line, from + b, from + e}}});
  }
  return out;
}

}  // namespace

std::vector<std::pair<size_t, size_t>> splitList(const std::string& text) {
  std::vector<std::pair<size_t, size_t>> out;
  int depth = 0;
  size_t start = 0, i = 0;
  while (i < text.size()) {
    size_t at = i;
    char32_t c = utf8::next(text, i);
    if (c == U'（' || c == '(' || c == U'《' || c == U'“' || c == U'【' || c == U'〔') ++depth;
    else if (c == U'）' || c == ')' || c == U'》' || c == U'”' || c == U'】' || c == U'〕') depth = std::max(0, depth - 1);
    else if (depth == 0 && (c == U'、' || c == U'，' || c == ',' || c == U'；' || c == ';')) {
      out.push_back({start, at});
      start = i;
    }
  }
  out.push_back({start, text.size()});
  // Trim white space and drop empty items.
  std::vector<std::pair<size_t, size_t>> trimmed;
  for (auto [b, e] : out) {
    while (b < e && text[b] == ' ') ++b;
    while (e > b && text[e - 1] == ' ') --e;
    if (e > b) trimmed.push_back({b, e});
  }
  return trimmed;
}

std::optional<nlohmann::json> parseDocNumber(const std::string& text, const Grammar& g) {
  std::string prefix, year, serial;
  // A 公告's own form keeps its words: 国家税务总局公告2025年第17号.
  bool announcement = false;
  if (!RE2::PartialMatch(text, g.re("doc_number.any"), &prefix, &year, &serial)) {
    if (!RE2::PartialMatch(text, g.re("genre_announcement.announcement"), &prefix, &year, &serial)) return std::nullopt;
    announcement = true;
  }
  int serialNumber = std::stoi(serial);
  std::string written = announcement ? prefix + year + "年第" + std::to_string(serialNumber) + "号"
                                     : prefix + "〔" + year + "〕" + std::to_string(serialNumber) + "号";
  return nlohmann::json{{"text", written},
                        {"prefix", prefix},
                        {"year", std::stoi(year)},
                        {"serial", serialNumber}};
}

std::optional<Found> readDocNumber(const NoticeView& v) {
  if (!v.parts.doc_number) return std::nullopt;
  auto dn = parseDocNumber(v.line(*v.parts.doc_number), v.grammar);
  if (!dn) return std::nullopt;
  return Found{*dn, {v.whole(*v.parts.doc_number)}};
}

std::optional<Found> readTitle(const NoticeView& v) {
  if (v.parts.title.empty()) return std::nullopt;
  Found f;
  std::string title;
  for (size_t i : v.parts.title) {
    title += v.line(i);
    f.spans.push_back(v.whole(i));
  }
  // Pieces of a centred title are one phrase: the gaps between them are layout, not text.
  std::string joined;
  size_t i = 0;
  while (i < title.size()) {
    size_t at = i;
    char32_t c = utf8::next(title, i);
    if (c == ' ') {
      char32_t l = utf8::last(joined), r = utf8::first(std::string_view(title).substr(i));
      if (utf8::isCjk(l) || utf8::isCjk(r)) continue;
    }
    joined.append(title, at, i - at);
  }
  // The notice's own 发文字号 after it on its line is the doc_number's, not the title's.
  if (v.parts.doc_number && v.parts.doc_number == v.parts.title.back()) {
    const RE2& number = v.grammar.re("structure.trailing_doc_number");
    auto tailAt = [&](const std::string& text) -> std::optional<size_t> {
      re2::StringPiece in(text), tail;
      if (!number.Match(in, 0, in.size(), RE2::UNANCHORED, &tail, 1)) return std::nullopt;
      return static_cast<size_t>(tail.data() - text.data());
    };
    if (auto at = tailAt(joined)) joined.resize(*at);
    if (auto at = tailAt(v.line(v.parts.title.back()))) f.spans.back().end = f.spans.back().begin + *at;
  }
  f.value = joined;
  return f;
}

namespace {

// The title's words before it turns to its subject (关于, 转发, 印发): where it names its issuers.
std::string titleHead(const std::string& title, const Grammar& g) {
  re2::StringPiece in(title), m;
  if (!g.re("parties.title_issuer_end").Match(in, 0, in.size(), RE2::UNANCHORED, &m, 1)) return "";
  std::string head = title.substr(0, static_cast<size_t>(m.data() - title.data()));
  return head.find("《") == std::string::npos ? head : "";
}

}  // namespace

std::optional<int> issuerCountOf(const std::string& title, const Grammar& g) {
  std::string n;
  if (!RE2::PartialMatch(titleHead(title, g), g.re("parties.issuer_count"), &n)) return std::nullopt;
  return chineseNumber(n);
}

std::optional<std::string> titleIssuerOf(const std::string& title, const Grammar& g) {
  std::string head = titleHead(title, g);
  re2::StringPiece in(head), m;
  if (g.re("parties.issuer_count").Match(in, 0, in.size(), RE2::UNANCHORED, &m, 1)) {
    head = head.substr(0, static_cast<size_t>(m.data() - head.data()));
  }
  head = utf8::trim(head);
  if (head.empty()) return std::nullopt;
  return head;
}

std::vector<Found> readIssuerMark(const NoticeView& v) {
  std::vector<Found> out;
  std::set<size_t> secondHalves;
  for (const auto& [first, second] : v.parts.masthead_wrapped) secondHalves.insert(second);
  for (size_t i : v.parts.masthead) {
    if (secondHalves.count(i)) continue;
    auto wrapped = std::find_if(v.parts.masthead_wrapped.begin(), v.parts.masthead_wrapped.end(),
                                [&](const auto& w) { return w.first == i; });
    if (wrapped != v.parts.masthead_wrapped.end()) {
      const CleanLine& a = v.doc.lines[wrapped->first];
      const CleanLine& b = v.doc.lines[wrapped->second];
      out.push_back(Found{a.piece(0) + b.piece(0), {Span{wrapped->first, a.pieces[0].begin, a.pieces[0].end},
                                                    Span{wrapped->second, b.pieces[0].begin, b.pieces[0].end}}});
      continue;
    }
    for (const auto& org : orgNamesOnLine(v.doc.lines[i], v.grammar)) {
      out.push_back(Found{org.name, {Span{i, org.begin, org.end}}});
    }
  }
  return out;
}

std::vector<Found> readRecipients(const NoticeView& v) {
  if (v.parts.recipients.empty()) return {};
  // The 主送 may wrap over lines; read it as one.
  std::string text;
  std::vector<std::pair<size_t, size_t>> lineAt;  // offset in text → line
  for (size_t i : v.parts.recipients) {
    lineAt.push_back({text.size(), i});
    text += v.line(i);
  }
  while (!text.empty() && (utf8::last(text) == U'：' || utf8::last(text) == ':')) {
    text.resize(text.size() - (utf8::last(text) == ':' ? 1 : 3));
  }
  std::vector<Found> out;
  for (auto [b, e] : splitList(text)) {
    size_t li = 0;
    while (li + 1 < lineAt.size() && lineAt[li + 1].first <= b) ++li;
    size_t base = lineAt[li].first;
    out.push_back(Found{text.substr(b, e - b), {Span{lineAt[li].second, b - base, e - base}}});
  }
  return out;
}

std::vector<Found> readSignature(const NoticeView& v) {
  std::vector<Found> out;
  for (size_t i : v.parts.signature) {
    const CleanLine& line = v.doc.lines[i];
    auto orgs = orgNamesOnLine(line, v.grammar);
    if (orgs.empty()) {
      // A line that only continues the name above it ("办公室").
      const auto& cont = v.grammar.list("org_continuations");
      if (!out.empty() && std::find(cont.begin(), cont.end(), line.text) != cont.end()) {
        out.back().value = out.back().value.get<std::string>() + line.text;
        out.back().spans.push_back(v.whole(i));
      }
      continue;
    }
    for (const auto& org : orgs) out.push_back(Found{org.name, {Span{i, org.begin, org.end}}});
  }
  return out;
}

std::optional<Found> readIssueDate(const NoticeView& v) {
  if (!v.parts.issue_date) return std::nullopt;
  auto d = parseDateLine(v.line(*v.parts.issue_date), v.grammar);
  if (!d) return std::nullopt;
  return Found{d->iso(), {v.whole(*v.parts.issue_date)}};
}

std::optional<Found> readPrinted(const NoticeView& v) {
  if (!v.parts.printed) return std::nullopt;
  std::string org, date;
  const std::string& text = v.line(*v.parts.printed);
  if (!RE2::FullMatch(text, v.grammar.re("structure.printed"), &org, &date)) return std::nullopt;
  auto dates = findDates(date, 0, v.grammar);
  Found f;
  f.spans.push_back(v.whole(*v.parts.printed));
  org = utf8::trim(org);
  if (org.empty() && v.parts.printed_org) {
    org = v.line(*v.parts.printed_org);
    f.spans.insert(f.spans.begin(), v.whole(*v.parts.printed_org));
  }
  f.value = {{"org", org.empty() ? nlohmann::json(nullptr) : nlohmann::json(org)},
             {"date", dates.empty() ? nlohmann::json(nullptr) : nlohmann::json(dates[0].start.iso())}};
  return f;
}

std::vector<Found> readCc(const NoticeView& v) {
  if (!v.parts.cc) return {};
  const std::string& text = v.line(*v.parts.cc);
  re2::StringPiece rest;
  if (!RE2::FullMatch(text, v.grammar.re("structure.cc"), &rest)) return {};
  auto out = listItems(text, static_cast<size_t>(rest.data() - text.data()), *v.parts.cc);
  for (size_t i : v.parts.cc_continued) {
    auto more = listItems(v.line(i), 0, i);
    out.insert(out.end(), more.begin(), more.end());
  }
  return out;
}

std::optional<Found> readPublicity(const NoticeView& v) {
  if (!v.parts.publicity) return std::nullopt;
  std::string inner;
  if (!RE2::FullMatch(v.line(*v.parts.publicity), v.grammar.re("structure.publicity"), &inner)) return std::nullopt;
  return Found{utf8::trim(inner), {v.whole(*v.parts.publicity)}};
}

std::optional<std::string> provinceOf(const std::string& body, const Grammar& g) {
  // A Party or League body is named by its place after the prefix: 中共湖南省委 is 湖南's.
  std::string name = body;
  RE2::Replace(&name, g.re("parties.party_prefix"), "");
  for (const auto& row : g.table("provinces")) {
    for (size_t i = 0; i < row.size(); ++i) {
      if (i == 1) continue;  // the one-character 简称 is for 发文字号 prefixes only
      if (!row[i].empty() && name.rfind(row[i], 0) == 0) return row[0];
    }
  }
  if (RE2::PartialMatch(body, g.re("central_bodies.name"))) return std::string("全国");
  return std::nullopt;
}

std::optional<std::string> provinceOfPrefix(const std::string& prefix, const Grammar& g) {
  for (const auto& row : g.table("provinces")) {
    if (row.size() > 1 && !row[1].empty() && prefix.rfind(row[1], 0) == 0) return row[0];
  }
  return std::nullopt;
}

}  // namespace notice
