// Each sample notice against its hand label (corpus/labels), one test per field, so that a
// failure names the notice, the input format and the field. Values are compared as the
// project's scorer compares them (score::normText: NFKC, white space ignored); lists item by
// item in order.
#include <filesystem>

#include "support/score.h"
#include "test_support.h"

namespace notice {
namespace {

using nlohmann::json;
using testing::engine;
using testing::readFile;
using testing::sourcePath;

// The parts of a value that the label settles, in canonical form.
json keyOf(const std::string& field, const json& v) {
  if (v.is_null()) return nullptr;
  if (v.is_string()) return score::normText(v.get<std::string>());
  if (v.is_number()) return v;
  if (v.is_array()) {
    json out = json::array();
    for (const auto& item : v) out.push_back(keyOf(field, item));
    return out;
  }
  json out = json::object();
  static const std::map<std::string, std::vector<std::string>> kKeys = {
      {"doc_number", {"text"}},          {"printed", {"org", "date"}},
      {"themes", {"event", "theme"}},    {"event_periods", {"start", "end"}},
      {"deadlines", {"date"}},           {"contacts", {"name", "phones", "emails"}},
      {"attachments", {"title"}},        {"references", {"title", "doc_number"}},
      {"sections", {"number", "title"}},
  };
  auto it = kKeys.find(field);
  for (const auto& [k, item] : v.items()) {
    if (it == kKeys.end() || std::find(it->second.begin(), it->second.end(), k) != it->second.end()) {
      out[k] = keyOf(field, item);
    }
  }
  return out;
}

struct Case {
  std::string sample, format, field;
  int embedded;  // -1: the notice itself; else the index of an embedded notice
};

void PrintTo(const Case& c, std::ostream* os) {
  *os << c.sample << " " << c.format << " " << (c.embedded >= 0 ? "embedded " : "") << c.field;
}

std::string caseName(const ::testing::TestParamInfo<Case>& info) {
  std::string name = info.param.sample + "_" + info.param.format + "_" +
                     (info.param.embedded >= 0 ? "embedded" + std::to_string(info.param.embedded) + "_" : "") +
                     info.param.field;
  for (char& c : name) if (!isalnum(static_cast<unsigned char>(c))) c = '_';
  return name;
}

const json& label(const std::string& sample) {
  static std::map<std::string, json> cache;
  auto it = cache.find(sample);
  if (it == cache.end()) {
    it = cache.emplace(sample, json::parse(readFile(sourcePath("corpus/labels/" + sample + ".json")))).first;
  }
  return it->second;
}

const json& record(const std::string& sample, const std::string& format) {
  static std::map<std::string, json> cache;
  std::string key = sample + "." + format;
  auto it = cache.find(key);
  if (it == cache.end()) {
    std::string path = sourcePath("corpus/" + format + "/" + sample + (format == "text" ? ".txt" : ".pdf"));
    auto parsed = engine().parseFile(path, {});
    json r = parsed.ok() ? parsed.value() : json{{"error", parsed.error().message}};
    it = cache.emplace(key, r).first;
  }
  return it->second;
}

std::vector<Case> allCases() {
  std::vector<Case> cases;
  for (const auto& format : {"text", "pdf"}) {
    for (const auto& sample : testing::samples()) {
      const json& l = label(sample);
      for (const auto& [field, value] : l.items()) {
        if (field == "schema" || field == "embedded") continue;
        cases.push_back({sample, format, field, -1});
      }
      for (size_t e = 0; e < l["embedded"].size(); ++e) {
        for (const auto& [field, value] : l["embedded"][e].items()) {
          if (field == "schema" || field == "embedded") continue;
          cases.push_back({sample, format, field, static_cast<int>(e)});
        }
      }
      cases.push_back({sample, format, "embedded_count", -1});
    }
  }
  return cases;
}

class LabelField : public ::testing::TestWithParam<Case> {};

TEST_P(LabelField, MatchesLabel) {
  const Case& c = GetParam();
  const json& r = record(c.sample, c.format);
  ASSERT_FALSE(r.contains("error")) << r["error"];
  const json& l = label(c.sample);
  if (c.field == "embedded_count") {
    EXPECT_EQ(r["embedded"].size(), l["embedded"].size());
    return;
  }
  const json& want = c.embedded >= 0 ? l["embedded"][c.embedded] : l;
  ASSERT_TRUE(c.embedded < 0 || static_cast<size_t>(c.embedded) < r["embedded"].size()) << "embedded notice missing";
  const json& got = c.embedded >= 0 ? r["embedded"][c.embedded] : r;
  ASSERT_TRUE(got.contains(c.field)) << "record has no key " << c.field;
  json w = want[c.field], g = got[c.field];
  if (c.field == "sections" && g.is_array()) {  // labels carry level-1 headings only
    json top = json::array();
    for (const auto& s : g) if (s.value("level", 1) == 1) top.push_back(s);
    g = top;
  }
  EXPECT_EQ(keyOf(c.field, g).dump(), keyOf(c.field, w).dump())
      << c.sample << " (" << c.format << ") " << c.field << "\n  label:  " << w.dump() << "\n  record: " << g.dump();
}

INSTANTIATE_TEST_SUITE_P(Corpus, LabelField, ::testing::ValuesIn(allCases()), caseName);

}  // namespace
}  // namespace notice
