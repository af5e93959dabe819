#include "model/record_builder.h"

#include <algorithm>
#include <chrono>

#include "core/utf8.h"
#include "grammar/doc_types.h"
#include "model/schema.h"
#include "fields/contacts.h"
#include "fields/dates.h"
#include "fields/deadlines.h"
#include "fields/documents.h"
#include "fields/events.h"
#include "fields/parties.h"
#include "fields/structure.h"
#include "normalize/normalizer.h"
#include "segment/segmenter.h"

namespace notice {
namespace {

using nlohmann::json;

// The record's `text` for one notice and the map from its lines to offsets in it (code points).
class TextIndex {
 public:
  TextIndex(const CleanDoc& doc, const std::vector<size_t>& lines) : doc_(doc) {
    size_t cp = 0;
    for (size_t k = 0; k < lines.size(); ++k) {
      if (k > 0) { text_ += '\n'; ++cp; }
      start_[lines[k]] = cp;
      text_ += doc.lines[lines[k]].text;
      cp += utf8::codepointCount(doc.lines[lines[k]].text);
    }
  }
  const std::string& text() const { return text_; }

  // {page, bbox, chars} for a value read from `spans`.
  json provenance(const std::vector<Span>& spans) const {
    size_t begin = SIZE_MAX, end = 0;
    std::optional<Box> box;
    int page = 0;
    for (const Span& s : spans) {
      auto it = start_.find(s.line);
      if (it == start_.end()) continue;
      const CleanLine& line = doc_.lines[s.line];
      size_t b = it->second + codepointsBefore(s.line, s.begin);
      size_t e = it->second + codepointsBefore(s.line, s.end);
      begin = std::min(begin, b);
      end = std::max(end, e);
      if (page == 0) page = line.page;
      if (doc_.has_geometry) {
        // The box of the value's characters on the page where the value starts.
        size_t cb = b - it->second, ce = e - it->second;
        for (size_t c = cb; c < ce && c < line.char_boxes.size(); ++c) {
          const auto& placed = line.char_boxes[c];
          if (!placed) continue;
          if (!box) page = placed->page;
          if (placed->page == page) box = unite(box, placed->box);
        }
        if (!box && line.bbox && line.page == page) box = unite(box, *line.bbox);
      }
    }
    if (begin == SIZE_MAX) return nullptr;
    json bbox = nullptr;
    if (box) bbox = {box->x0, box->y0, box->x1, box->y1};
    return {{"page", doc_.has_geometry || doc_.page_count > 1 ? json(page) : json(nullptr)},
            {"bbox", bbox},
            {"chars", {begin, end}}};
  }

 private:
  static Box unite(const std::optional<Box>& a, const Box& b) { return a ? notice::unite(*a, b) : b; }

  // Code points in the first `bytes` bytes of a line. A code point is a byte that is no UTF-8
  // continuation byte, so a long line (a page pasted as one line, with hundreds of values)
  // keeps counts at every kStride bytes instead of counting from its start for each value.
  static constexpr size_t kStride = 256;
  size_t codepointsBefore(size_t lineIndex, size_t bytes) const {
    const std::string& text = doc_.lines[lineIndex].text;
    bytes = std::min(bytes, text.size());
    auto leads = [&](size_t from, size_t to) {
      size_t n = 0;
      for (size_t i = from; i < to; ++i) n += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
      return n;
    };
    if (text.size() < 4 * kStride) return leads(0, bytes);
    auto& marks = strides_[lineIndex];
    if (marks.empty()) {
      marks.push_back(0);
      for (size_t at = kStride; at <= text.size(); at += kStride) marks.push_back(marks.back() + leads(at - kStride, at));
    }
    size_t k = bytes / kStride;
    return marks[k] + leads(k * kStride, bytes);
  }

  const CleanDoc& doc_;
  std::string text_;
  std::map<size_t, size_t> start_;
  mutable std::map<size_t, std::vector<size_t>> strides_;
};

class RecordWriter {
 public:
  explicit RecordWriter(const TextIndex& index) : index_(index) {}

  void scalar(const std::string& key, const std::optional<Found>& f) {
    record_[key] = f ? f->value : json(nullptr);
    if (f) prove("/" + key, f->spans);
  }
  void list(const std::string& key, const std::vector<Found>& items) {
    record_[key] = json::array();
    for (size_t i = 0; i < items.size(); ++i) {
      record_[key].push_back(items[i].value);
      prove("/" + key + "/" + std::to_string(i), items[i].spans);
    }
  }
  void value(const std::string& key, json v) { record_[key] = std::move(v); }
  void prove(const std::string& pointer, const std::vector<Span>& spans) {
    json p = index_.provenance(spans);
    if (!p.is_null()) provenance_[pointer] = std::move(p);
  }
  json& record() { return record_; }
  json finish() {
    record_["provenance"] = provenance_;
    return std::move(record_);
  }

 private:
  const TextIndex& index_;
  json record_ = json::object();
  json provenance_ = json::object();
};

// What the source says of the document beside its text (a web page's 信息公开 block and
// ArticleTitle, a file's properties) stands in for what the notice's own text does not state: a
// 发文字号 or 成文日期 the page's metadata states is the notice's when the body has none, a title
// when the body shows none. Such a value has no provenance: it is not in the record's text.
std::optional<Found> metadataDocNumber(const CleanDoc& doc, const Grammar& g) {
  if (doc.metadata.doc_number.empty()) return std::nullopt;
  auto dn = parseDocNumber(normalizeRun(doc.metadata.doc_number, g), g);
  if (!dn) return std::nullopt;
  return Found{*dn, {}};
}

std::optional<Found> metadataIssueDate(const CleanDoc& doc, const Grammar& g) {
  std::string text = normalizeRun(doc.metadata.issue_date, g);
  auto dates = findDates(text, 0, g);
  if (dates.empty() || dates[0].begin != 0 || !dates[0].year_written || dates[0].month_only || !dates[0].start.valid()) {
    return std::nullopt;
  }
  return Found{dates[0].start.iso(), {}};
}

std::optional<Found> metadataTitle(const CleanDoc& doc, const Grammar& g) {
  std::string title = utf8::trim(normalizeRun(doc.metadata.title, g));
  if (title.empty() || !endsAsTitle(title, g)) return std::nullopt;
  return Found{title, {}};
}

// The files a source links to (a web page's <a href="….pdf">), as the attachments of a notice
// whose text lists none. A text that has a 附件 line anywhere (one of an issued document's, say)
// says what its attachments are; the links add nothing to it.
std::vector<Found> linkedAttachments(const CleanDoc& doc, const Grammar& g) {
  std::vector<Found> out;
  for (const auto& line : doc.lines) {
    if (RE2::FullMatch(line.text, g.re("structure.attachment_note")) ||
        RE2::FullMatch(line.text, g.re("structure.attachment_header"))) {
      return out;
    }
  }
  for (const auto& a : doc.linked_attachments) {
    std::string name = utf8::trim(normalizeRun(a.name, g));
    if (!name.empty()) out.push_back(Found{nlohmann::json{{"index", out.size() + 1}, {"title", name}}, {}});
  }
  return out;
}

json buildNotice(const CleanDoc& doc, const NoticeParts& parts, const Grammar& g, const SourceInfo& source,
                 const std::vector<NoticeParts>& embedded, bool outer) {
  NoticeView v{doc, parts, g};
  TextIndex index(doc, parts.lines);
  RecordWriter w(index);
  std::vector<Warning> warnings;

  w.value("schema", kRecordSchema);
  w.value("source", {{"file", source.file}, {"sha256", source.sha256}, {"format", formatName(doc.format)},
                     {"pages", hasPages(doc.format) ? json(doc.page_count) : json(nullptr)},
                     {"ocr", doc.ocr},
                     {"encoding", hasEncoding(doc.format) ? json(doc.encoding) : json(nullptr)}});

  auto docNumber = readDocNumber(v);
  auto title = readTitle(v);
  auto issueDate = readIssueDate(v);
  if (outer) {
    if (!docNumber) docNumber = metadataDocNumber(doc, g);
    if (!title) title = metadataTitle(doc, g);
    if (!issueDate) issueDate = metadataIssueDate(doc, g);
  }
  std::string titleText = title ? title->value.get<std::string>() : "";
  w.scalar("doc_number", docNumber);
  w.scalar("title", title);
  auto docType = docTypeAtEnd(titleText, g);
  w.scalar("doc_type", docType ? std::optional<Found>(Found{*docType, title->spans}) : std::nullopt);

  auto mark = readIssuerMark(v);
  w.list("issuer_mark", mark);
  w.list("recipients", readRecipients(v));

  // 发文机关署名: the signature, unless it is missing or names fewer bodies than the title's
  // 等N部门; then the masthead when it names them all; else the body the title names.
  auto count = issuerCountOf(titleText, g);
  auto signature = readSignature(v);
  std::vector<Found> issuers = signature;
  bool complete = !signature.empty() && (!count || static_cast<int>(signature.size()) >= *count);
  if (!complete) {
    if (!mark.empty() && (!count || static_cast<int>(mark.size()) >= *count)) {
      issuers = mark;
    } else if (auto named = titleIssuerOf(titleText, g)) {
      issuers = {Found{*named, title->spans}};
    }
  }
  w.list("issuers", issuers);
  w.scalar("issuer_count", count ? std::optional<Found>(Found{*count, title->spans}) : std::nullopt);
  if (count && static_cast<int>(issuers.size()) < *count) {
    warnings.push_back({"issuer_count_mismatch", "the title names " + std::to_string(*count) +
                                                     " bodies but the notice lists " + std::to_string(issuers.size())});
  }
  w.scalar("issue_date", issueDate);
  if (!issueDate) {
    warnings.push_back({"missing_issue_date", "no 成文日期 (a date line after the signature) was found"});
  }
  w.scalar("printed", readPrinted(v));
  w.list("cc", readCc(v));
  w.scalar("publicity", readPublicity(v));

  int year = 0;
  if (docNumber) year = docNumber->value["year"].get<int>();
  else if (issueDate) year = std::stoi(issueDate->value.get<std::string>().substr(0, 4));
  w.scalar("year", year ? std::optional<Found>(Found{year, docNumber ? docNumber->spans : issueDate->spans})
                        : std::nullopt);

  std::optional<std::string> province;
  std::vector<Span> provinceSpans;
  for (const auto* list : {&issuers, &mark}) {
    if (!province && !list->empty()) {
      province = provinceOf(list->front().value.get<std::string>(), g);
      provinceSpans = list->front().spans;
    }
  }
  if (!province && docNumber) {
    province = provinceOfPrefix(docNumber->value["prefix"].get<std::string>(), g);
    provinceSpans = docNumber->spans;
  }
  w.scalar("province", province ? std::optional<Found>(Found{*province, provinceSpans}) : std::nullopt);

  // Dates written without a year take the notice's: its 发文字号's or 成文日期's, else the one its
  // title names ("关于开展2015年度…活动的通知").
  int datesYear = year;
  if (!datesYear) {
    std::string titleYear;
    if (RE2::PartialMatch(titleText, g.re("dates.title_year"), &titleYear)) datesYear = std::stoi(titleYear);
  }
  auto events = eventsOfTitle(titleText, g);
  w.list("themes", readThemes(v, events));
  std::vector<Period> periods;
  w.list("event_periods", readEventPeriods(v, events, datesYear, &periods));
  w.list("deadlines", readDeadlines(v, datesYear, periods, &warnings));
  w.list("contacts", readContacts(v));
  auto attachments = readAttachments(v);
  if (outer && attachments.empty()) attachments = linkedAttachments(doc, g);
  w.list("attachments", attachments);
  w.list("references", readReferences(v));
  w.list("sections", readSections(v));
  w.list("tables", readTables(v));
  for (auto& warning : sectionNumberingWarnings(v)) warnings.push_back(std::move(warning));

  json inner = json::array();
  for (const auto& e : embedded) inner.push_back(buildNotice(doc, e, g, source, {}, false));
  w.value("embedded", inner);
  w.value("text", index.text());
  if (!docNumber && !title) {
    warnings.push_back({"not_a_notice", "neither a 发文字号 nor a title ending in a 文种 was found"});
  } else if (auto kind = docType ? std::nullopt : documentKindAtEnd(titleText, g)) {
    warnings.push_back({"not_a_notice", "the title ends in " + *kind +
                                            ", a document that notices issue (印发…的通知), not a 文种: read as "
                                            "a document without its cover notice"});
  }
  if (doc.damaged_bytes > 0) {
    warnings.push_back({"damaged_text", std::to_string(doc.damaged_bytes) +
                                            " byte(s) of the input are not valid UTF-8; they show as � in the text"});
  }
  for (const auto& [code, message] : doc.source_notes) warnings.push_back({code, message});
  json ws = json::array();
  for (const auto& warning : warnings) ws.push_back({{"code", warning.code}, {"message", warning.message}});
  w.value("warnings", ws);
  return w.finish();
}

}  // namespace

nlohmann::json buildRecord(const PageText& pages, const Grammar& grammar, const SourceInfo& source,
                           StageTimings* timings) {
  using Clock = std::chrono::steady_clock;
  auto ms = [](Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
  };
  auto t0 = Clock::now();
  CleanDoc doc = normalize(pages, grammar);
  auto t1 = Clock::now();
  Segmentation seg = segment(doc, grammar);
  auto t2 = Clock::now();
  json record = buildNotice(doc, seg.main, grammar, source, seg.embedded, true);
  if (timings) {
    timings->normalize_ms = ms(t0, t1);
    timings->segment_ms = ms(t1, t2);
    timings->fields_ms = ms(t2, Clock::now());
  }
  return record;
}

}  // namespace notice
