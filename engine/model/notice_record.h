// Notice: the notice/1 record as a C++ type (spec: record.md; schema/notice-1.schema.json), with
// its JSON writer and reader in this one place.
//
// The engine builds records as JSON (model/record_builder.h); whatever reads a record back — the
// archive, the CLI's duplicate check — reads it through noticeFromJson, which checks the shape the
// schema gives each key (types, required keys, the keys a closed object may hold) and says where a
// record is out of shape. Patterns the schema puts on strings (dates, phones) are not checked here.
// toJson(noticeFromJson(r)) == r for every record the engine writes.
#pragma once

#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "model/schema.h"

namespace notice {

struct SourceFile {
  std::string file;
  std::string sha256;
  std::string format;  // pdf, text, markdown, html, ofd, docx
  std::optional<int> pages;
  bool ocr = false;
  std::optional<std::string> encoding;  // UTF-8, GB18030 or null
};

// 发文字号: {"text":"晋教职成函〔2026〕53号","prefix":"晋教职成函","year":2026,"serial":53}.
struct DocNumber {
  std::string text;
  std::string prefix;
  int year = 0;
  int serial = 0;
};

struct Printed {
  std::optional<std::string> org;
  std::optional<std::string> date;
};

struct Theme {
  std::optional<std::string> event;
  std::string theme;
};

struct EventPeriod {
  std::optional<std::string> event;
  std::string start;
  std::string end;
};

struct Deadline {
  std::optional<std::string> date;
  std::string action;
  std::string text;
  std::optional<std::string> relative;
};

struct Contact {
  std::string name;
  std::optional<std::string> org;
  std::vector<std::string> phones;
  std::vector<std::string> emails;
};

struct Attachment {
  int index = 1;
  std::string title;
};

struct Reference {
  std::string title;
  std::optional<std::string> doc_number;
};

struct Section {
  std::string number;
  std::string title;
  int level = 1;
  std::vector<Section> children;
};

struct Table {
  std::optional<std::string> caption;
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

struct Warning {
  std::string code;
  std::string message;
};

struct Provenance {
  std::optional<int> page;
  std::optional<std::array<double, 4>> bbox;
  size_t begin = 0, end = 0;  // [begin, end) in code points of `text`
};

struct Notice {
  SourceFile source;
  std::vector<std::string> issuer_mark;
  std::optional<DocNumber> doc_number;
  std::optional<std::string> title;
  std::optional<std::string> doc_type;
  std::optional<std::string> province;
  std::optional<int> year;
  std::vector<std::string> recipients;
  std::vector<std::string> issuers;
  std::optional<int> issuer_count;
  std::optional<std::string> issue_date;
  std::optional<Printed> printed;
  std::vector<std::string> cc;
  std::optional<std::string> publicity;
  std::vector<Theme> themes;
  std::vector<EventPeriod> event_periods;
  std::vector<Deadline> deadlines;
  std::vector<Contact> contacts;
  std::vector<Attachment> attachments;
  std::vector<Reference> references;
  std::vector<Section> sections;
  std::vector<Table> tables;
  std::vector<Notice> embedded;
  std::string text;
  std::vector<Warning> warnings;
  std::map<std::string, Provenance> provenance;  // keyed by JSON pointer
  // Keys the schema leaves open (the record's and source's own additions, which the schema
  // allows) kept as they were, so that a record written by a newer engine survives a round trip.
  nlohmann::json extra_keys = nlohmann::json::object();
  nlohmann::json extra_source_keys = nlohmann::json::object();
};

// The record's JSON, every key present (null or [] where the notice has no value).
nlohmann::json toJson(const Notice& notice);

// A record read back; kBadRecord naming the place when it is out of shape
// ("/themes/2/theme: expected text").
Result<Notice> noticeFromJson(const nlohmann::json& record);

// The record's top-level keys, in the schema's order (for tests that hold them to the schema).
const std::vector<std::string>& noticeKeys();

}  // namespace notice
