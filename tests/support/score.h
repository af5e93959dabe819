// The project's scorer of records against hand labels, in C++: the same rules as
// tools/score.py (kept with the shared corpus), so that the tests and the fidelity scoreboard
// give the numbers score.py gives.
//
//   - values are compared in canonical form: NFKC, then every character Python's str.split()
//     splits on removed;
//   - scalars (doc_number by its text, printed by org and date) score 1 or 0; an object whose
//     values are all empty is the same as null;
//   - lists score F1 over canonical items (themes by event and theme, event_periods by start and
//     end, deadlines by date, contacts by name, phones without '-' and lower-case e-mails,
//     attachments and references by title, sections by number and title; other items whole);
//   - sections: the label carries level-1 headings only, so only those of the record count;
//   - recipients_first: the label's first 主送 item against the record's first recipient;
//   - embedded: label.embedded[i] against record.embedded[i] (or an empty record), recursively,
//     its rows prefixed "embedded[i].";
//   - fields absent from the label are skipped; a record that is missing or not an object scores
//     as an empty one.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace notice::score {

using nlohmann::json;

// score.py's norm(): null stays null; anything else is Python's str() of it, NFKC-normalized,
// with white space removed. Returns a JSON string or null.
json norm(const json& v);
std::string normText(std::string_view utf8);

// Python's str() of a decoded JSON value (str of a string is the string itself).
std::string pyStr(const json& v);

json scalarKey(const std::string& field, const json& v);
json itemKey(const std::string& field, const json& item);

// F1 of the predicted items against the true ones, each true item matching at most one
// predicted item (a multiset intersection). Both empty: 1.
double f1(const std::vector<json>& truth, const std::vector<json>& pred);

struct Row {
  std::string field;  // "title", "recipients_first", "embedded[0].deadlines"
  double score = 0;
  json truth, got;    // the canonical keys that were compared
};

// One row per field the label carries, in score.py's order (scalars, lists, recipients_first,
// embedded notices).
void scoreRecord(const json& label, const json& record, const std::string& prefix, std::vector<Row>& rows);
std::vector<Row> scoreRecord(const json& label, const json& record);

// The group a row is counted in per field: the last part of its name ("embedded[0].title" →
// "title"), as score.py groups them.
std::string fieldGroup(const std::string& field);

// Sums over many notices: overall F is the mean over all rows (not over notices), a field's F the
// mean over its rows, as score.py prints them.
struct Tally {
  std::map<std::string, std::pair<double, int>> per_field;
  double total = 0;
  int rows = 0;

  void add(const std::vector<Row>& rs);
  double overall() const { return total / (rows > 0 ? rows : 1); }
  bool has(const std::string& group) const { return per_field.count(group) > 0; }
  double field(const std::string& group) const;
};

// The groups in the order score.py lists its fields (scalars, lists, recipients_first); other
// names sort after them.
const std::vector<std::string>& fieldOrder();

// A notice's mean over its rows, as score.py prints per file.
double documentScore(const std::vector<Row>& rows);

}  // namespace notice::score
