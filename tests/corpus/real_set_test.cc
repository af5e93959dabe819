// The labelled sets the engine reads today — the samples (text and PDF), the real web-page texts
// (corpus/real/web), the real PDFs with a text layer (corpus/real/pdf w01–w09), the whole saved
// web pages (corpus/real/html) and the real OFD (corpus/real/ofd) — scored as
// tools/score.py scores them (tests/support/score.h):
//
//   RealSet/Field.MatchesLabel/SET_STEM_FIELD  one per notice and labelled field: the field
//       scores 1. A real notice's field listed in corpus/real/known_misses.tsv must still score
//       below 1 (a strict expected failure: when a fix makes it match, the test says to delete
//       the line).
//   RealSet/Floor.OverallF/SET                 the set's overall F is at least its floor below.
//   RealSetKnownMisses.EachLineNamesATestedField
//
// Each test process parses a notice at most once; ctest runs one process per set
// (real_set.real_web, …, tests/corpus/CMakeLists.txt) and one for the rest (real_set.scorer).
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>

#include "support/score.h"
#include "support/score_sets.h"
#include "test_support.h"

namespace notice {
namespace {

using nlohmann::json;
using score::CorpusSet;
using score::LabelledNotice;
using testing::engine;
using testing::readFile;

// The floor of each tested set's overall F: the value when the floor was last set, rounded down
// to 2 decimals. Raise a floor when the set gets better; the samples must stay read in full.
const std::map<std::string, double> kFloors = {
    {"samples-text", 1.00},
    {"samples-pdf", 1.00},
    {"real-web", 0.99},
    {"real-pdf-text-layer", 0.98},
    {"real-pdf-scans-garbled", 0.90},  // read by OCR (Tesseract with chi_sim)
    {"real-html", 0.95},
    {"real-ofd", 1.00},
};

const std::vector<CorpusSet>& testedSets() {
  static const std::vector<CorpusSet> sets = [] {
    std::vector<CorpusSet> out;
    for (auto& s : score::corpusSets(NOTICE_SOURCE_DIR)) {
      if (s.tested) out.push_back(std::move(s));
    }
    return out;
  }();
  return sets;
}

const CorpusSet& setNamed(const std::string& name) {
  for (const auto& s : testedSets()) {
    if (s.name == name) return s;
  }
  std::abort();
}

const json& label(const LabelledNotice& n) {
  static std::map<std::string, json> cache;
  auto it = cache.find(n.label);
  if (it == cache.end()) it = cache.emplace(n.label, json::parse(readFile(n.label))).first;
  return it->second;
}

struct Parsed {
  json record;          // an empty object when the engine refused the notice, as score.py scores it
  std::string refusal;  // why it was refused
};

const Parsed& parsed(const LabelledNotice& n) {
  static std::map<std::string, Parsed> cache;
  auto it = cache.find(n.input);
  if (it == cache.end()) {
    auto r = engine().parseFile(n.input, {});
    Parsed p = r.ok() ? Parsed{std::move(r).value(), ""} : Parsed{json::object(), r.error().message};
    it = cache.emplace(n.input, std::move(p)).first;
  }
  return it->second;
}

const score::KnownMisses& knownMisses() {
  static const score::KnownMisses misses = score::readKnownMisses(score::knownMissesPath(NOTICE_SOURCE_DIR));
  return misses;
}

std::string testName(std::string name) {
  std::string out;
  for (char c : name) {
    if (c == '[' || c == ']') continue;
    out += isalnum(static_cast<unsigned char>(c)) ? c : '_';
  }
  return out;
}

// ---- one test per notice and labelled field

struct FieldCase {
  std::string set;
  LabelledNotice notice;
  std::string field;  // as the scorer names its row: "title", "embedded[0].deadlines"
};

void PrintTo(const FieldCase& c, std::ostream* os) { *os << c.set << " " << c.notice.stem << " " << c.field; }

std::vector<FieldCase> fieldCases() {
  std::vector<FieldCase> out;
  for (const auto& set : testedSets()) {
    for (const auto& n : set.notices) {
      // The rows the scorer gives for the label depend on the label alone.
      for (const auto& row : score::scoreRecord(label(n), json::object())) out.push_back({set.name, n, row.field});
    }
  }
  return out;
}

class Field : public ::testing::TestWithParam<FieldCase> {};

TEST_P(Field, MatchesLabel) {
  const FieldCase& c = GetParam();
  const Parsed& p = parsed(c.notice);
  const score::Row* row = nullptr;
  auto rows = score::scoreRecord(label(c.notice), p.record);
  for (const auto& r : rows) {
    if (r.field == c.field) row = &r;
  }
  ASSERT_NE(row, nullptr);
  std::string where = c.notice.input + ": " + c.field;
  std::string diff = "\n  label:  " + row->truth.dump() + "\n  record: " + row->got.dump() +
                     (p.refusal.empty() ? "" : "\n  (the engine refused the notice: " + p.refusal + ")");
  bool listable = setNamed(c.set).known_misses;
  auto known = knownMisses().find({c.notice.stem, c.field});
  if (listable && known != knownMisses().end()) {
    EXPECT_LT(row->score, 1.0) << where << " now matches its label, but corpus/real/known_misses.tsv lists it as a miss ("
                               << known->second << "): delete the line\n  " << c.notice.stem << "\t" << c.field
                               << "\n(or run bash bench/fidelity.sh --update-known-misses)";
    return;
  }
  EXPECT_EQ(row->score, 1.0) << where << " scores " << row->score << diff
                             << (listable ? "\nIf this is a known gap for now, list it in corpus/real/known_misses.tsv "
                                            "with a reason (bash bench/fidelity.sh --update-known-misses adds it)."
                                          : "");
}

INSTANTIATE_TEST_SUITE_P(RealSet, Field, ::testing::ValuesIn(fieldCases()),
                         [](const ::testing::TestParamInfo<FieldCase>& info) {
                           return testName(info.param.set + "_" + info.param.notice.stem + "_" + info.param.field);
                         });

// ---- one floor per set

class Floor : public ::testing::TestWithParam<std::string> {};

TEST_P(Floor, OverallF) {
  const CorpusSet& set = setNamed(GetParam());
  ASSERT_FALSE(set.notices.empty()) << set.name << " has no labelled notices";
  score::Tally tally;
  for (const auto& n : set.notices) tally.add(score::scoreRecord(label(n), parsed(n).record));
  double floor = kFloors.at(set.name);
  // The figures are compared as printed (3 decimals), so that the samples' 1.000 is exact.
  double overall = std::round(tally.overall() * 1000) / 1000;
  EXPECT_GE(overall, floor) << set.name << ": overall F " << overall << " is below its floor " << floor
                            << " (bash bench/fidelity.sh --verbose --set " << set.name << " shows the misses)";
  if (overall >= floor + 0.01) {
    std::printf("%s: overall F %.3f, above its floor %.2f: raise it in %s\n", set.name.c_str(), overall, floor, __FILE__);
  }
}

std::vector<std::string> flooredSets() {
  std::vector<std::string> out;
  for (const auto& s : testedSets()) out.push_back(s.name);
  return out;
}

INSTANTIATE_TEST_SUITE_P(RealSet, Floor, ::testing::ValuesIn(flooredSets()),
                         [](const ::testing::TestParamInfo<std::string>& info) { return testName(info.param); });

TEST(RealSetFloors, EveryTestedSetHasAFloor) {
  for (const auto& s : testedSets()) EXPECT_TRUE(kFloors.count(s.name)) << s.name << " has no floor in " << __FILE__;
}

TEST(RealSetFloors, EveryTestedSetHasACtestEntry) {
  const char* listed = std::getenv("NOTICE_REAL_SET_CTEST_SETS");  // set by ctest for real_set.scorer
  if (listed == nullptr) GTEST_SKIP() << "run by ctest only";
  std::string sets = std::string(",") + listed + ",";
  for (const auto& s : testedSets()) {
    EXPECT_NE(sets.find("," + testName(s.name) + ","), std::string::npos)
        << s.name << " is not in real_sets of tests/corpus/CMakeLists.txt: ctest would not run its tests";
  }
}

// ---- the list of known misses names fields that are tested

TEST(RealSetKnownMisses, EachLineNamesATestedField) {
  std::set<std::pair<std::string, std::string>> cases;
  for (const auto& c : fieldCases()) {
    if (setNamed(c.set).known_misses) cases.insert({c.notice.stem, c.field});
  }
  for (const auto& [key, reason] : knownMisses()) {
    EXPECT_TRUE(cases.count(key)) << "corpus/real/known_misses.tsv: " << key.first << "\t" << key.second
                                  << ": no such notice and labelled field among the tested real sets";
    EXPECT_FALSE(reason.empty()) << "corpus/real/known_misses.tsv: " << key.first << "\t" << key.second
                                 << ": say why it misses";
  }
}

}  // namespace
}  // namespace notice
