// The sets of labelled notices the scoreboard (bench/fidelity) and the real-set tests score, and
// the list of known misses (corpus/real/known_misses.tsv).
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace notice::score {

struct LabelledNotice {
  std::string stem;   // "p01_jiangsu-2011-zhongzhi-xiaozhang"
  std::string input;  // the file the engine reads
  std::string label;  // its hand label
};

struct CorpusSet {
  std::string name;   // "real-web"
  std::string brief;  // a short column heading ("web")
  // Whether the engine reads this set's format today: then every labelled field has its own
  // test and the set's overall F a floor (tests/corpus/real_set_test.cc); the other sets are
  // only scored by the scoreboard.
  bool tested = false;
  // Whether its misses belong in corpus/real/known_misses.tsv (the samples must match in full).
  bool known_misses = false;
  std::vector<LabelledNotice> notices;
};

// The sets, under the source tree `root`:
//   samples-text            corpus/text/*.txt     labels corpus/labels/
//   samples-pdf             corpus/pdf/*.pdf      labels corpus/labels/
//   samples-scan            corpus/pdf-scanned/*-scan.pdf, labels corpus/labels/ (without -scan)
//   real-web                corpus/real/web/*.txt labels corpus/real/labels/ (all below)
//   real-pdf-text-layer     corpus/real/pdf/w01–w09 (PDFs with a usable text layer)
//   real-pdf-scans-garbled  corpus/real/pdf/w11 on (scans, and text layers without ToUnicode)
//   real-html               corpus/real/html/*.html
//   real-ofd                corpus/real/ofd/*.ofd (read by extract/ofd_source)
// Inputs without a label are left out; notices sorted by stem.
std::vector<CorpusSet> corpusSets(const std::string& root);

// corpus/real/known_misses.tsv: "stem<TAB>field<TAB>reason" per line; '#' lines and blank lines
// are comments. Keyed by (stem, field).
using KnownMisses = std::map<std::pair<std::string, std::string>, std::string>;
KnownMisses readKnownMisses(const std::string& path);
// Writes the list with its header comment; returns false when the file cannot be written.
bool writeKnownMisses(const std::string& path, const KnownMisses& misses);

std::string knownMissesPath(const std::string& root);

}  // namespace notice::score
