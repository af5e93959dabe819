#include "archive/render.h"

#include <cmath>

#include "core/utf8.h"

namespace notice::archive {
namespace {

using nlohmann::json;

std::string orDash(const std::optional<std::string>& v) { return v ? *v : "—"; }

std::string joined(const std::vector<std::string>& items, const std::string& by) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : by) + i;
  return out;
}

// Pads to `cells` terminal columns (a CJK character takes two).
std::string pad(const std::string& s, int cells) {
  int used = static_cast<int>(std::lround(utf8::width(s) * 2));
  return s + std::string(used < cells ? static_cast<size_t>(cells - used) : 0, ' ');
}

std::string csvCell(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string csvRow(const std::vector<std::string>& cells) {
  std::string out;
  for (size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csvCell(cells[i]);
  return out + "\r\n";
}

std::vector<std::string> summaryCells(const Summary& s) {
  return {std::to_string(s.id), s.doc_number.value_or(""), s.title.value_or(""), s.doc_type.value_or(""),
          s.province.value_or(""), s.year ? std::to_string(*s.year) : "", s.issue_date.value_or(""),
          joined(s.issuers, "、"), std::to_string(s.versions), s.file};
}

const std::vector<std::string> kCsvHeader = {"id", "doc_number", "title", "doc_type", "province", "year",
                                             "issue_date", "issuers", "versions", "file"};

std::string summaryLine(const Summary& s) {
  std::string versions = s.versions > 1 ? "  [" + std::to_string(s.versions) + " versions" + (s.current ? "" : ", not current") + "]" : "";
  return pad("#" + std::to_string(s.id), 7) + pad(orDash(s.doc_number), 26) + pad(s.year ? std::to_string(*s.year) : "—", 6) +
         pad(orDash(s.province), 14) + pad(orDash(s.issue_date), 12) + orDash(s.title) + versions;
}

}  // namespace

json summaryJson(const Summary& s) {
  auto opt = [](const auto& v) { return v ? json(*v) : json(nullptr); };
  return {{"id", s.id},           {"notice_id", s.notice_id}, {"doc_number", opt(s.doc_number)},
          {"title", opt(s.title)}, {"doc_type", opt(s.doc_type)}, {"province", opt(s.province)},
          {"year", opt(s.year)},   {"issue_date", opt(s.issue_date)}, {"issuers", s.issuers},
          {"file", s.file},        {"versions", s.versions},  {"current", s.current}};
}

std::string renderTable(const std::vector<Summary>& rows) {
  std::string out = pad("id", 7) + pad("发文字号", 26) + pad("year", 6) + pad("province", 14) + pad("issued", 12) + "title\n";
  for (const auto& s : rows) out += summaryLine(s) + "\n";
  out += std::to_string(rows.size()) + (rows.size() == 1 ? " notice\n" : " notices\n");
  return out;
}

std::string renderCsv(const std::vector<Summary>& rows) {
  std::string out = csvRow(kCsvHeader);
  for (const auto& s : rows) out += csvRow(summaryCells(s));
  return out;
}

std::string renderRecordsCsv(const std::vector<StoredVersion>& versions) {
  std::vector<std::string> header = kCsvHeader;
  header.insert(header.end(), {"recipients", "deadlines", "event_periods"});
  std::string out = csvRow(header);
  for (const auto& v : versions) {
    std::vector<std::string> cells = summaryCells(v.summary);
    std::vector<std::string> deadlines, periods;
    for (const auto& d : v.record.deadlines) deadlines.push_back(d.date.value_or("?") + " " + d.action);
    for (const auto& p : v.record.event_periods) periods.push_back(p.event.value_or("") + " " + p.start + "–" + p.end);
    cells.insert(cells.end(), {joined(v.record.recipients, "、"), joined(deadlines, "; "), joined(periods, "; ")});
    out += csvRow(cells);
  }
  return out;
}

std::string renderHits(const std::vector<SearchHit>& hits) {
  std::string out;
  for (const auto& h : hits) out += summaryLine(h.summary) + "\n    " + h.snippet + "\n";
  out += std::to_string(hits.size()) + (hits.size() == 1 ? " notice\n" : " notices\n");
  return out;
}

json hitsJson(const std::vector<SearchHit>& hits) {
  json out = json::array();
  for (const auto& h : hits) {
    json j = summaryJson(h.summary);
    j["snippet"] = h.snippet;
    j["score"] = h.score;
    out.push_back(j);
  }
  return out;
}

std::string renderSeriesList(const std::vector<Series>& series) {
  std::string out;
  for (const auto& s : series) {
    out += std::string(s.kind == Series::Kind::kActivity ? "activity " : "title    ") + s.name +
           (s.issuer.empty() ? "" : "  (" + s.issuer + ")") + "  — " + std::to_string(s.members.size()) + " notices\n";
    for (const auto& m : s.members) out += "    " + summaryLine(m) + "\n";
  }
  out += std::to_string(series.size()) + " series\n";
  return out;
}

json seriesJson(const std::vector<Series>& series) {
  json out = json::array();
  for (const auto& s : series) {
    json members = json::array();
    for (const auto& m : s.members) members.push_back(summaryJson(m));
    out.push_back({{"kind", s.kind == Series::Kind::kActivity ? "activity" : "title"},
                   {"name", s.name},
                   {"issuer", s.issuer.empty() ? json(nullptr) : json(s.issuer)},
                   {"members", members}});
  }
  return out;
}

}  // namespace notice::archive
