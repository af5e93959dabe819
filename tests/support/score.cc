#include "support/score.h"

#include <algorithm>
#include <cstdio>

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace notice::score {
namespace {

const std::vector<std::string> kScalars = {"doc_number",   "title",      "doc_type", "province", "year",
                                           "issuer_count", "issue_date", "printed",  "publicity"};
const std::vector<std::string> kLists = {"issuer_mark", "recipients", "issuers",     "cc",
                                         "themes",      "event_periods", "deadlines", "contacts",
                                         "attachments", "references",    "sections"};

// The code points of a UTF-8 string (bytes that do not decode count as U+FFFD).
std::vector<UChar32> codePoints(std::string_view s) {
  std::vector<UChar32> out;
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), i, n, c);
    out.push_back(c < 0 ? 0xFFFD : c);
  }
  return out;
}

void appendUtf8(std::string& out, UChar32 c) {
  char buf[4];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, c, error);
  if (!error) out.append(buf, static_cast<size_t>(len));
}

// Python's str.isspace(), the characters str.split() splits on.
bool pySpace(UChar32 c) {
  return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

// Python's str.isprintable() for one character: not Other (Cc Cf Cs Co Cn) nor Separator
// (Zl Zp Zs), apart from the ASCII space.
bool pyPrintable(UChar32 c) {
  if (c == ' ') return true;
  switch (u_charType(c)) {
    case U_CONTROL_CHAR: case U_FORMAT_CHAR: case U_SURROGATE: case U_PRIVATE_USE_CHAR:
    case U_UNASSIGNED: case U_LINE_SEPARATOR: case U_PARAGRAPH_SEPARATOR: case U_SPACE_SEPARATOR:
      return false;
    default:
      return true;
  }
}

// Python's repr() of a string.
std::string pyReprString(const std::string& s) {
  bool single = s.find('\'') != std::string::npos, dbl = s.find('"') != std::string::npos;
  char quote = single && !dbl ? '"' : '\'';
  std::string out(1, quote);
  for (UChar32 c : codePoints(s)) {
    char buf[16];
    if (c == '\\' || c == quote) { out += '\\'; out += static_cast<char>(c); }
    else if (c == '\t') out += "\\t";
    else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (!pyPrintable(c)) {
      std::snprintf(buf, sizeof buf, c < 0x100 ? "\\x%02x" : c < 0x10000 ? "\\u%04x" : "\\U%08x",
                    static_cast<unsigned>(c));
      out += buf;
    } else appendUtf8(out, c);
  }
  return out + quote;
}

std::string pyRepr(const json& v) { return v.is_string() ? pyReprString(v.get<std::string>()) : pyStr(v); }

// Python's truth value of a decoded JSON value.
bool truthy(const json& v) {
  if (v.is_null()) return false;
  if (v.is_boolean()) return v.get<bool>();
  if (v.is_number_integer() || v.is_number_unsigned()) return v.get<long long>() != 0;
  if (v.is_number_float()) return v.get<double>() != 0;
  if (v.is_string()) return !v.get_ref<const std::string&>().empty();
  if (v.is_array() || v.is_object()) return !v.empty();
  return false;
}

// The items of `v or []` as a Python for-loop sees them: a list's elements, a dict's keys, a
// string's characters. (A number Python could not iterate gives none.)
std::vector<json> pyIter(const json& v) {
  std::vector<json> out;
  if (!truthy(v)) return out;
  if (v.is_array()) {
    for (const auto& x : v) out.push_back(x);
  } else if (v.is_object()) {
    for (const auto& [k, x] : v.items()) out.push_back(k);
  } else if (v.is_string()) {
    for (UChar32 c : codePoints(v.get_ref<const std::string&>())) {
      std::string ch;
      appendUtf8(ch, c);
      out.push_back(ch);
    }
  }
  return out;
}

// dict.get(key), None when missing.
json get(const json& obj, const char* key) {
  auto it = obj.find(key);
  return it == obj.end() ? json(nullptr) : *it;
}

// `v in (None, "", [], {})`
bool emptyValue(const json& v) {
  // (nlohmann's empty() is false for every string, "" included)
  return v.is_null() || (v.is_string() && v.get_ref<const std::string&>().empty()) ||
         ((v.is_array() || v.is_object()) && v.empty());
}

std::string lower(const std::string& s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  u.toLower(icu::Locale::getRoot());
  std::string out;
  u.toUTF8String(out);
  return out;
}

// A string element of a list (a phone, an e-mail) in canonical form; score.py cannot take a null
// there, it is read as "".
std::string normItem(const json& v) { return v.is_null() ? std::string() : normText(pyStr(v)); }

// `x.get("level", 1) == 1`
bool levelOne(const json& section) {
  auto it = section.find("level");
  if (it == section.end()) return true;
  if (it->is_boolean()) return it->get<bool>();
  if (it->is_number()) return it->get<double>() == 1.0;
  return false;
}

}  // namespace

std::string pyStr(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return "None";
    case json::value_t::boolean: return v.get<bool>() ? "True" : "False";
    case json::value_t::string: return v.get<std::string>();
    case json::value_t::array: {
      std::string out = "[";
      for (size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + pyRepr(v[i]);
      return out + "]";
    }
    case json::value_t::object: {
      std::string out = "{";
      bool first = true;
      for (const auto& [k, x] : v.items()) {
        out += (first ? "" : ", ") + pyReprString(k) + ": " + pyRepr(x);
        first = false;
      }
      return out + "}";
    }
    default: return v.dump();  // numbers: the shortest form that reads back, as Python prints them
  }
}

std::string normText(std::string_view utf8) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(err);
  icu::UnicodeString n = nfkc->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size())), err);
  std::string normalized;
  n.toUTF8String(normalized);
  std::string out;
  for (UChar32 c : codePoints(normalized)) {
    if (!pySpace(c)) appendUtf8(out, c);
  }
  return out;
}

json norm(const json& v) {
  if (v.is_null()) return nullptr;
  return normText(pyStr(v));
}

json scalarKey(const std::string& field, const json& value) {
  json v = value;
  if (v.is_object() && std::all_of(v.begin(), v.end(), emptyValue)) v = nullptr;  // an object of nulls is null
  if (emptyValue(v)) return nullptr;
  if (field == "doc_number") return norm(v.is_object() ? get(v, "text") : v);
  if (field == "printed") {
    if (!v.is_object()) return norm(v);
    return json::array({norm(get(v, "org")), norm(get(v, "date"))});
  }
  return norm(v);
}

json itemKey(const std::string& field, const json& it) {
  if (!it.is_object()) return norm(it);
  if (field == "themes") return json::array({norm(get(it, "event")), norm(get(it, "theme"))});
  if (field == "event_periods") return json::array({norm(get(it, "start")), norm(get(it, "end"))});
  if (field == "deadlines") return norm(get(it, "date"));
  if (field == "contacts") {
    std::vector<std::string> phones, emails;
    for (const auto& p : pyIter(get(it, "phones"))) {
      std::string s = normItem(p);
      s.erase(std::remove(s.begin(), s.end(), '-'), s.end());
      phones.push_back(s);
    }
    for (const auto& e : pyIter(get(it, "emails"))) emails.push_back(lower(normItem(e)));
    std::sort(phones.begin(), phones.end());  // byte order of UTF-8 is code point order
    std::sort(emails.begin(), emails.end());
    return json::array({norm(get(it, "name")), phones, emails});
  }
  if (field == "attachments" || field == "references") return norm(get(it, "title"));
  if (field == "sections") return json::array({norm(get(it, "number")), norm(get(it, "title"))});
  // json.dumps(it, ensure_ascii=False, sort_keys=True): nlohmann's objects are sorted by key and
  // its escapes are Python's; the separators' spaces are removed with all white space.
  return normText(it.dump(-1, ' ', false, json::error_handler_t::replace));
}

double f1(const std::vector<json>& truth, const std::vector<json>& pred) {
  if (truth.empty() && pred.empty()) return 1.0;
  if (truth.empty() || pred.empty()) return 0.0;
  std::vector<json> left = pred;
  int hit = 0;
  for (const auto& t : truth) {
    auto found = std::find(left.begin(), left.end(), t);
    if (found != left.end()) {
      left.erase(found);
      ++hit;
    }
  }
  if (hit == 0) return 0.0;
  double p = static_cast<double>(hit) / pred.size(), r = static_cast<double>(hit) / truth.size();
  return 2 * p * r / (p + r);
}

void scoreRecord(const json& label, const json& rec, const std::string& prefix, std::vector<Row>& rows) {
  const bool isObj = rec.is_object();
  for (const auto& field : kScalars) {
    if (!label.contains(field)) continue;
    json t = scalarKey(field, label[field]);
    json p = isObj ? scalarKey(field, get(rec, field.c_str())) : json(nullptr);
    rows.push_back({prefix + field, t == p ? 1.0 : 0.0, t, p});
  }
  for (const auto& field : kLists) {
    if (!label.contains(field)) continue;
    std::vector<json> t, p;
    for (const auto& x : pyIter(label[field])) t.push_back(itemKey(field, x));
    for (const auto& x : pyIter(isObj ? get(rec, field.c_str()) : json(nullptr))) {
      if (field == "sections" && x.is_object() && !levelOne(x)) continue;  // labels carry level 1 only
      p.push_back(itemKey(field, x));
    }
    double s = f1(t, p);
    rows.push_back({prefix + field, s, json(t), json(p)});
  }
  if (label.contains("recipients_first")) {  // held-out labels carry only the first 主送机关
    json got = isObj ? get(rec, "recipients") : json(nullptr);
    json t = norm(label["recipients_first"]), p = nullptr;
    if (truthy(got)) {
      if (got.is_array()) p = norm(got[0]);
      else if (got.is_string()) p = norm(pyIter(got)[0]);
    }
    rows.push_back({prefix + "recipients_first", t == p ? 1.0 : 0.0, t, p});
  }
  std::vector<json> embedded = pyIter(get(label, "embedded"));
  std::vector<json> got = isObj ? pyIter(get(rec, "embedded")) : std::vector<json>{};
  for (size_t i = 0; i < embedded.size(); ++i) {
    if (!embedded[i].is_object()) continue;
    scoreRecord(embedded[i], i < got.size() ? got[i] : json::object(),
                prefix + "embedded[" + std::to_string(i) + "].", rows);
  }
}

std::vector<Row> scoreRecord(const json& label, const json& record) {
  std::vector<Row> rows;
  scoreRecord(label, record, "", rows);
  return rows;
}

std::string fieldGroup(const std::string& field) {
  auto dot = field.rfind('.');
  return dot == std::string::npos ? field : field.substr(dot + 1);
}

void Tally::add(const std::vector<Row>& rs) {
  for (const auto& r : rs) {
    auto& [sum, count] = per_field[fieldGroup(r.field)];
    sum += r.score;
    ++count;
    total += r.score;
    ++rows;
  }
}

double Tally::field(const std::string& group) const {
  auto it = per_field.find(group);
  return it == per_field.end() || it->second.second == 0 ? 0.0 : it->second.first / it->second.second;
}

const std::vector<std::string>& fieldOrder() {
  static const std::vector<std::string> order = [] {
    std::vector<std::string> o = kScalars;
    o.insert(o.end(), kLists.begin(), kLists.end());
    o.push_back("recipients_first");
    return o;
  }();
  return order;
}

double documentScore(const std::vector<Row>& rows) {
  double sum = 0;
  for (const auto& r : rows) sum += r.score;
  return sum / (rows.empty() ? 1 : rows.size());
}

}  // namespace notice::score
