#include "model/notice_record.h"

#include <set>

#include "core/record_bounds.h"

namespace notice {
namespace {

using nlohmann::json;

// ---- writer ----

json orNull(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }
json orNull(const std::optional<int>& v) { return v ? json(*v) : json(nullptr); }

json sectionJson(const Section& s) {
  json children = json::array();
  for (const auto& c : s.children) children.push_back(sectionJson(c));
  return {{"number", s.number}, {"title", s.title}, {"level", s.level}, {"children", children}};
}

template <typename T, typename F>
json listJson(const std::vector<T>& items, F&& one) {
  json out = json::array();
  for (const auto& item : items) out.push_back(one(item));
  return out;
}

// ---- reader ----

// Where a record is out of shape; thrown inside the reader only, returned as an Error.
struct Mismatch {
  std::string message;
};

[[noreturn]] void fail(const std::string& at, const char* expected) { throw Mismatch{(at.empty() ? "/" : at) + ": expected " + expected}; }

// One JSON object being read: every key taken is ticked off, so that a closed object (the
// schema's additionalProperties: false) can refuse the rest.
class ObjectReader {
 public:
  ObjectReader(const json& v, std::string at) : v_(v), at_(std::move(at)) {
    if (!v_.is_object()) fail(at_, "an object");
  }
  const json& take(const std::string& key) {
    auto it = v_.find(key);
    if (it == v_.end()) throw Mismatch{at_ + "/" + key + ": missing"};
    taken_.insert(key);
    return *it;
  }
  std::string path(const std::string& key) const { return at_ + "/" + key; }
  bool has(const std::string& key) const { return v_.contains(key); }

  std::string text(const std::string& key) { return textAt(take(key), path(key)); }
  std::optional<std::string> textOrNull(const std::string& key) {
    const json& v = take(key);
    if (v.is_null()) return std::nullopt;
    return textAt(v, path(key));
  }
  int integer(const std::string& key) { return intAt(take(key), path(key)); }
  std::optional<int> integerOrNull(const std::string& key) {
    const json& v = take(key);
    if (v.is_null()) return std::nullopt;
    return intAt(v, path(key));
  }
  std::vector<std::string> texts(const std::string& key) {
    std::vector<std::string> out;
    const json& v = take(key);
    if (!v.is_array()) fail(path(key), "a list");
    for (size_t i = 0; i < v.size(); ++i) out.push_back(textAt(v[i], path(key) + "/" + std::to_string(i)));
    return out;
  }
  template <typename T, typename F>
  std::vector<T> list(const std::string& key, F&& one) {
    std::vector<T> out;
    const json& v = take(key);
    if (!v.is_array()) fail(path(key), "a list");
    for (size_t i = 0; i < v.size(); ++i) out.push_back(one(v[i], path(key) + "/" + std::to_string(i)));
    return out;
  }
  // A closed object: no key beyond those taken.
  void closed() const {
    for (const auto& [key, value] : v_.items()) {
      if (!taken_.count(key)) throw Mismatch{at_ + "/" + key + ": a key notice/1 does not have here"};
    }
  }
  // An open object: what was not taken, kept.
  json rest() const {
    json out = json::object();
    for (const auto& [key, value] : v_.items()) {
      if (!taken_.count(key)) out[key] = value;
    }
    return out;
  }

  static std::string textAt(const json& v, const std::string& at) {
    if (!v.is_string()) fail(at, "text");
    return v.get<std::string>();
  }
  static int intAt(const json& v, const std::string& at) {
    if (!v.is_number_integer()) fail(at, "a whole number");
    return v.get<int>();
  }

 private:
  const json& v_;
  std::string at_;
  std::set<std::string> taken_;
};

std::vector<std::string> stringRows(const json& v, const std::string& at) {
  if (!v.is_array()) fail(at, "a list");
  std::vector<std::string> out;
  for (size_t i = 0; i < v.size(); ++i) out.push_back(ObjectReader::textAt(v[i], at + "/" + std::to_string(i)));
  return out;
}

Section readSection(const json& v, const std::string& at) {
  ObjectReader o(v, at);
  Section s{o.text("number"), o.text("title"), o.integer("level"), {}};
  s.children = o.list<Section>("children", readSection);
  o.closed();
  return s;
}

Provenance readProvenance(const json& v, const std::string& at) {
  ObjectReader o(v, at);
  Provenance p;
  p.page = o.integerOrNull("page");
  const json& bbox = o.take("bbox");
  if (!bbox.is_null()) {
    if (!bbox.is_array() || bbox.size() != 4) fail(o.path("bbox"), "null or four numbers");
    std::array<double, 4> box{};
    for (size_t i = 0; i < 4; ++i) {
      if (!bbox[i].is_number()) fail(o.path("bbox") + "/" + std::to_string(i), "a number");
      box[i] = bbox[i].get<double>();
    }
    p.bbox = box;
  }
  const json& chars = o.take("chars");
  if (!chars.is_array() || chars.size() != 2 || !chars[0].is_number_unsigned() || !chars[1].is_number_unsigned() ||
      chars[0].get<size_t>() > chars[1].get<size_t>()) {
    fail(o.path("chars"), "[begin, end]");
  }
  p.begin = chars[0].get<size_t>();
  p.end = chars[1].get<size_t>();
  o.closed();
  return p;
}

Notice readNotice(const json& v, const std::string& at) {
  ObjectReader o(v, at);
  if (o.take("schema") != kRecordSchema) fail(o.path("schema"), ("\"" + std::string(kRecordSchema) + "\"").c_str());
  Notice n;
  {
    ObjectReader s(o.take("source"), o.path("source"));
    n.source.file = s.text("file");
    n.source.sha256 = s.text("sha256");
    n.source.format = s.text("format");
    n.source.pages = s.integerOrNull("pages");
    const json& ocr = s.take("ocr");
    if (!ocr.is_boolean()) fail(s.path("ocr"), "true or false");
    n.source.ocr = ocr.get<bool>();
    // Optional in the schema: older records have no encoding.
    if (s.has("encoding")) n.source.encoding = s.textOrNull("encoding");
    n.extra_source_keys = s.rest();
  }
  n.issuer_mark = o.texts("issuer_mark");
  if (const json& dn = o.take("doc_number"); !dn.is_null()) {
    ObjectReader d(dn, o.path("doc_number"));
    n.doc_number = DocNumber{d.text("text"), d.text("prefix"), d.integer("year"), d.integer("serial")};
    d.closed();
  }
  n.title = o.textOrNull("title");
  n.doc_type = o.textOrNull("doc_type");
  n.province = o.textOrNull("province");
  n.year = o.integerOrNull("year");
  n.recipients = o.texts("recipients");
  n.issuers = o.texts("issuers");
  n.issuer_count = o.integerOrNull("issuer_count");
  n.issue_date = o.textOrNull("issue_date");
  if (const json& p = o.take("printed"); !p.is_null()) {
    ObjectReader r(p, o.path("printed"));
    n.printed = Printed{r.textOrNull("org"), r.textOrNull("date")};
    r.closed();
  }
  n.cc = o.texts("cc");
  n.publicity = o.textOrNull("publicity");
  n.themes = o.list<Theme>("themes", [](const json& t, const std::string& p) {
    ObjectReader r(t, p);
    Theme out{r.textOrNull("event"), r.text("theme")};
    r.closed();
    return out;
  });
  n.event_periods = o.list<EventPeriod>("event_periods", [](const json& t, const std::string& p) {
    ObjectReader r(t, p);
    EventPeriod out{r.textOrNull("event"), r.text("start"), r.text("end")};
    r.closed();
    return out;
  });
  n.deadlines = o.list<Deadline>("deadlines", [](const json& t, const std::string& p) {
    ObjectReader r(t, p);
    Deadline out{r.textOrNull("date"), r.text("action"), r.text("text"), r.textOrNull("relative")};
    r.closed();
    return out;
  });
  n.contacts = o.list<Contact>("contacts", [](const json& t, const std::string& p) {
    ObjectReader r(t, p);
    Contact out{r.text("name"), r.textOrNull("org"), r.texts("phones"), r.texts("emails")};
    r.closed();
    return out;
  });
  n.attachments = o.list<Attachment>("attachments", [](const json& t, const std::string& p) {
    ObjectReader r(t, p);
    Attachment out{r.integer("index"), r.text("title")};
    r.closed();
    return out;
  });
  n.references = o.list<Reference>("references", [](const json& t, const std::string& p) {
    ObjectReader r(t, p);
    Reference out{r.text("title"), r.textOrNull("doc_number")};
    r.closed();
    return out;
  });
  n.sections = o.list<Section>("sections", readSection);
  n.tables = o.list<Table>("tables", [](const json& t, const std::string& p) {
    ObjectReader r(t, p);
    Table out{r.textOrNull("caption"), r.texts("header"), {}};
    out.rows = r.list<std::vector<std::string>>("rows", stringRows);
    r.closed();
    return out;
  });
  n.embedded = o.list<Notice>("embedded", readNotice);
  n.text = o.text("text");
  n.warnings = o.list<Warning>("warnings", [](const json& t, const std::string& p) {
    ObjectReader r(t, p);
    Warning out{r.text("code"), r.text("message")};
    r.closed();
    return out;
  });
  const json& provenance = o.take("provenance");
  if (!provenance.is_object()) fail(o.path("provenance"), "an object");
  for (const auto& [pointer, p] : provenance.items()) {
    n.provenance.emplace(pointer, readProvenance(p, o.path("provenance") + "/" + pointer));
  }
  n.extra_keys = o.rest();
  return n;
}

}  // namespace

const std::vector<std::string>& noticeKeys() {
  static const std::vector<std::string> keys = {
      "schema",   "source",         "issuer_mark", "doc_number", "title",       "doc_type",   "province",
      "year",     "recipients",     "issuers",     "issuer_count", "issue_date", "printed",    "cc",
      "publicity", "themes",        "event_periods", "deadlines", "contacts",    "attachments", "references",
      "sections", "tables",         "embedded",    "text",       "warnings",    "provenance"};
  return keys;
}

json toJson(const Notice& n) {
  json out = n.extra_keys.is_object() ? n.extra_keys : json::object();
  out["schema"] = kRecordSchema;
  json source = n.extra_source_keys.is_object() ? n.extra_source_keys : json::object();
  source["file"] = n.source.file;
  source["sha256"] = n.source.sha256;
  source["format"] = n.source.format;
  source["pages"] = orNull(n.source.pages);
  source["ocr"] = n.source.ocr;
  source["encoding"] = orNull(n.source.encoding);
  out["source"] = source;
  out["issuer_mark"] = n.issuer_mark;
  out["doc_number"] = n.doc_number ? json{{"text", n.doc_number->text},
                                          {"prefix", n.doc_number->prefix},
                                          {"year", n.doc_number->year},
                                          {"serial", n.doc_number->serial}}
                                   : json(nullptr);
  out["title"] = orNull(n.title);
  out["doc_type"] = orNull(n.doc_type);
  out["province"] = orNull(n.province);
  out["year"] = orNull(n.year);
  out["recipients"] = n.recipients;
  out["issuers"] = n.issuers;
  out["issuer_count"] = orNull(n.issuer_count);
  out["issue_date"] = orNull(n.issue_date);
  out["printed"] = n.printed ? json{{"org", orNull(n.printed->org)}, {"date", orNull(n.printed->date)}} : json(nullptr);
  out["cc"] = n.cc;
  out["publicity"] = orNull(n.publicity);
  out["themes"] = listJson(n.themes, [](const Theme& t) { return json{{"event", orNull(t.event)}, {"theme", t.theme}}; });
  out["event_periods"] = listJson(n.event_periods, [](const EventPeriod& p) {
    return json{{"event", orNull(p.event)}, {"start", p.start}, {"end", p.end}};
  });
  out["deadlines"] = listJson(n.deadlines, [](const Deadline& d) {
    return json{{"date", orNull(d.date)}, {"action", d.action}, {"text", d.text}, {"relative", orNull(d.relative)}};
  });
  out["contacts"] = listJson(n.contacts, [](const Contact& c) {
    return json{{"name", c.name}, {"org", orNull(c.org)}, {"phones", c.phones}, {"emails", c.emails}};
  });
  out["attachments"] = listJson(n.attachments, [](const Attachment& a) { return json{{"index", a.index}, {"title", a.title}}; });
  out["references"] = listJson(n.references, [](const Reference& r) {
    return json{{"title", r.title}, {"doc_number", orNull(r.doc_number)}};
  });
  out["sections"] = listJson(n.sections, sectionJson);
  out["tables"] = listJson(n.tables, [](const Table& t) {
    return json{{"caption", orNull(t.caption)}, {"header", t.header}, {"rows", t.rows}};
  });
  out["embedded"] = listJson(n.embedded, [](const Notice& e) { return toJson(e); });
  out["text"] = n.text;
  out["warnings"] = listJson(n.warnings, [](const Warning& w) { return json{{"code", w.code}, {"message", w.message}}; });
  json provenance = json::object();
  for (const auto& [pointer, p] : n.provenance) {
    provenance[pointer] = {{"page", orNull(p.page)},
                           {"bbox", p.bbox ? json(*p.bbox) : json(nullptr)},
                           {"chars", {p.begin, p.end}}};
  }
  out["provenance"] = provenance;
  return out;
}

Result<Notice> noticeFromJson(const json& record) {
  // Bounds first, without recursion: the reader recurses into sections and embedded notices.
  if (auto e = recordBoundsError(record)) return Error{ErrorCode::kBadRecord, "a notice/1 record beyond the bounds of a notice at " + *e};
  try {
    return readNotice(record, "");
  } catch (const Mismatch& m) {
    return Error{ErrorCode::kBadRecord, "a notice/1 record out of shape at " + m.message};
  }
}

}  // namespace notice
