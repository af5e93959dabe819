#include "fields/contacts.h"

#include <algorithm>
#include <set>

#include "core/utf8.h"

namespace notice {
namespace {

// The line's text with the spaces normalisation removed put back, so that names written
// "贾琪华 柴鹏" stay apart. A line spread out by justification ("联 系 人 ： 周 敏") has a space
// at every other character that separates nothing: it is left as it is.
std::string spaced(const CleanLine& line) {
  if (line.soft_breaks.size() * 3 > utf8::codepointCount(line.text)) return line.text;
  std::string out;
  size_t k = 0;
  for (size_t i = 0; i < line.text.size(); ++i) {
    while (k < line.soft_breaks.size() && line.soft_breaks[k] == i) {
      out += ' ';
      ++k;
    }
    out += line.text[i];
  }
  return out;
}

struct Block {
  std::string org;
  std::vector<std::pair<std::string, std::string>> people;  // name, own unit
  std::vector<std::string> phones, emails;
  std::vector<Span> spans;
};

struct PersonLine {
  std::string name, org;
  std::vector<std::string> phones, emails;
  Span span;
};

void collectNumbers(const std::string& text, const Grammar& g, std::vector<std::string>* phones,
                    std::vector<std::string>* emails) {
  re2::StringPiece in(text), m;
  size_t pos = 0;
  while (pos < text.size()) {
    re2::StringPiece rest(text.data() + pos, text.size() - pos);
    if (!g.re("contacts.phone").Match(rest, 0, rest.size(), RE2::UNANCHORED, &m, 1)) break;
    size_t at = static_cast<size_t>(m.data() - text.data());
    std::string before = text.substr(0, at);
    if (!RE2::PartialMatch(before, g.re("contacts.not_phone_label"))) {
      std::string p = normalizePhone(m.as_string());
      if (std::find(phones->begin(), phones->end(), p) == phones->end()) phones->push_back(p);
    }
    pos = at + m.size();
  }
  pos = 0;
  while (pos < text.size()) {
    re2::StringPiece rest(text.data() + pos, text.size() - pos);
    if (!g.re("contacts.email").Match(rest, 0, rest.size(), RE2::UNANCHORED, &m, 1)) break;
    std::string e = m.as_string();
    while (!e.empty() && e.back() == '.') e.pop_back();
    if (std::find(emails->begin(), emails->end(), e) == emails->end()) emails->push_back(e);
    pos = static_cast<size_t>(m.data() - text.data()) + m.size();
  }
}

// A contact line read token by token (at 、，；and spaces): a person (name, their unit: in
// brackets after the name, or a unit token written before), or any other token (a number, an
// address, a label), kept as written.
struct Token {
  bool person;
  std::string name, unit;  // a person's
  std::string text;        // any other token
};

std::vector<Token> tokensOf(const std::string& line, const Grammar& g) {
  static const RE2 separators("[、，,；;\\s]+");
  std::string text = line;
  RE2::GlobalReplace(&text, separators, "\n");
  std::vector<Token> out;
  std::string unit;
  for (size_t pos = 0; pos < text.size();) {
    size_t end = std::min(text.find('\n', pos), text.size());
    std::string token = text.substr(pos, end - pos);
    pos = end + 1;
    if (token.empty()) continue;
    std::string name, org;
    if (RE2::FullMatch(token, g.re("contacts.unit_token"))) {
      unit = token;  // the unit of the people after it
    } else if (RE2::FullMatch(token, g.re("contacts.person"), &name, &org)) {
      out.push_back({true, name, org.empty() ? unit : org, ""});
    } else if (RE2::FullMatch(token, g.re("contacts.unit_then_name"), &unit, &name)) {
      out.push_back({true, name, unit, ""});  // "省教育厅职成处周敏": the space lost to justification
    } else {
      out.push_back({false, "", "", token});
    }
  }
  return out;
}

// The people named at the start of `rest`: tokens up to the first number or label.
std::vector<std::pair<std::string, std::string>> peopleIn(const std::string& rest, const Grammar& g) {
  std::string text = rest;
  // A number in brackets after a name ("张三（0351-1234567），李四") is an aside: more names may
  // follow. A number written straight after a name ("孙丽（0311）66005123") ends the names.
  RE2::GlobalReplace(&text, g.re("contacts.phone_in_brackets"), "");
  RE2::GlobalReplace(&text, g.re("contacts.phone"), " # ");
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& t : tokensOf(text, g)) {
    if (!t.person) break;  // a number, a label: the names are over
    out.push_back({t.name, t.unit});
  }
  return out;
}

// People each followed by their own numbers on one line ("王强，025-83335123；李娜，13912345678"):
// every name opens a person and the numbers after it are theirs. Empty unless every person
// named has a number of their own, so that "贾琪华、柴鹏，0351-3046534" (one number for both)
// is left to the block reading.
std::vector<PersonLine> eachWithOwnNumbers(const std::string& rest, size_t line, const Grammar& g) {
  std::vector<PersonLine> people;
  for (const auto& t : tokensOf(rest, g)) {
    if (t.person) people.push_back(PersonLine{t.name, t.unit, {}, {}, Span{line, 0, 0}});
    else if (people.empty()) return {};
    else collectNumbers(t.text, g, &people.back().phones, &people.back().emails);
  }
  if (people.size() < 2) return {};
  for (const auto& p : people) {
    if (p.phones.empty() && p.emails.empty()) return {};
  }
  return people;
}

std::optional<PersonLine> personLine(const std::string& text, size_t line, const Grammar& g) {
  std::string name, org, rest;
  if (!RE2::FullMatch(text, g.re("contacts.person_with_unit"), &name, &org, &rest)) return std::nullopt;
  PersonLine p{name, org, {}, {}, Span{line, 0, text.size()}};
  collectNumbers(rest, g, &p.phones, &p.emails);
  if (p.phones.empty() && p.emails.empty()) return std::nullopt;
  return p;
}

nlohmann::json contactJson(const std::string& name, const std::string& org, const std::vector<std::string>& phones,
                           const std::vector<std::string>& emails) {
  return {{"name", name}, {"org", org.empty() ? nlohmann::json(nullptr) : nlohmann::json(org)},
          {"phones", phones}, {"emails", emails}};
}

}  // namespace

std::string normalizePhone(const std::string& raw) {
  std::string s = raw;
  // An area code in brackets stays as written, in ASCII brackets: (010)66097182.
  static const RE2 areaInBrackets("^[（(]\\s*(0\\d{2,3})\\s*[）)]\\s*");
  RE2::Replace(&s, areaInBrackets, "(\\1)");
  static const RE2 dashes("\\s*(?:—|–|－|-)+\\s*");
  RE2::GlobalReplace(&s, dashes, "-");
  return s;
}

std::vector<Found> readContacts(const NoticeView& v) {
  std::vector<Found> out;
  const auto& g = v.grammar;
  const auto& body = v.parts.body;
  // Lines under a heading over the contacts ("三、联系方式").
  std::set<size_t> contactSection;
  const auto& hs = v.parts.headings;
  for (size_t h = 0; h < hs.size(); ++h) {
    if (!RE2::FullMatch(hs[h].title, g.re("contacts.section_title"))) continue;
    for (size_t li : body) {
      bool after = li > hs[h].line;
      bool beforeNext = h + 1 >= hs.size() || li < hs[h + 1].line;
      if (after && beforeNext) contactSection.insert(li);
    }
  }
  for (size_t k = 0; k < body.size(); ++k) {
    size_t li = body[k];
    std::string text = spaced(v.doc.lines[li]);
    std::string org, rest;
    if (!RE2::FullMatch(text, g.re("contacts.label"), &org, &rest)) {
      // Under a contacts heading, "UNIT：NAME，NUMBER" or "NAME，NUMBER" with no 联系人 label.
      if (!contactSection.count(li)) continue;
      if (!RE2::FullMatch(text, g.re("contacts.unit_line"), &org, &rest) || peopleIn(rest, g).empty()) {
        org.clear();
        rest = text;
        if (peopleIn(rest, g).empty()) continue;
      }
      std::vector<std::string> phones, emails;
      collectNumbers(rest, g, &phones, &emails);
      if (phones.empty() && emails.empty()) continue;
    }
    // The unit before 联系人 is a short name, not the sentence a contact ends
    // ("…其他市校自愿参加。联系人：白老师").
    size_t stop = org.rfind("。");
    if (stop != std::string::npos) org = org.substr(stop + 3);
    org = utf8::trim(org);
    // A heading's numeral before the label ("（二）联系人：…") is no unit.
    RE2::Replace(&org, g.re("contacts.heading_marker"), "");
    if (utf8::codepointCount(org) > 40 || org.find("，") != std::string::npos) org.clear();
    org.erase(std::remove(org.begin(), org.end(), ' '), org.end());
    Block block;
    block.org = org;
    // The block starts at its label, not with the sentence the line may begin with.
    const std::string& plain = v.line(li);
    size_t label = plain.find(org + "联系人");
    block.spans.push_back(Span{li, label == std::string::npos ? 0 : label, plain.size()});
    block.people = peopleIn(rest, g);
    collectNumbers(rest, g, &block.phones, &block.emails);
    std::vector<PersonLine> personLines;
    size_t j = k + 1;
    // "联系人：" closing a line: the names open the next one ("王明，电话：…").
    if (block.people.empty() && j < body.size() && !personLine(v.line(body[j]), body[j], g)) {
      std::string next = spaced(v.doc.lines[body[j]]);
      block.people = peopleIn(next, g);
      if (!block.people.empty()) {
        collectNumbers(next, g, &block.phones, &block.emails);
        block.spans.push_back(v.whole(body[j]));
        ++j;
      }
    }
    // Lines under the label: 电话/邮箱 lines for the block, or one line per person.
    for (; j < body.size(); ++j) {
      const std::string& next = v.line(body[j]);
      if (RE2::PartialMatch(next, g.re("contacts.detail_label"))) {
        collectNumbers(spaced(v.doc.lines[body[j]]), g, &block.phones, &block.emails);
        block.spans.push_back(v.whole(body[j]));
      } else if (auto p = personLine(next, body[j], g)) {
        personLines.push_back(*p);
      } else {
        break;
      }
    }
    if (auto own = eachWithOwnNumbers(rest, li, g); !own.empty()) {
      for (const auto& p : own) {
        out.push_back(Found{contactJson(p.name, p.org.empty() ? block.org : p.org, p.phones, p.emails), block.spans});
      }
    } else {
      for (const auto& [name, unit] : block.people) {
        out.push_back(Found{contactJson(name, unit.empty() ? block.org : unit, block.phones, block.emails), block.spans});
      }
    }
    for (const auto& p : personLines) {
      out.push_back(Found{contactJson(p.name, p.org, p.phones, p.emails), {p.span}});
    }
    k = j - 1;
  }
  return out;
}

}  // namespace notice
