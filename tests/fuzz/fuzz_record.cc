// Record JSON, as `notice diff` and `compare` read it from files (or hand-edited): whatever the
// bytes, a record in shape diffs both ways against a real record, compares in a series, and
// renders in every format; one out of shape is refused by the shape check, never read. The word
// diff of its text against the real record's spells out both texts. The bytes are read as the
// CLI reads them (parseJson), which must read what nlohmann's parser reads.
#include <cstddef>
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/json_text.h"
#include "diff/diff.h"
#include "diff/record_shape.h"
#include "diff/render.h"
#include "diff/words.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace notice;
  auto r = parseJson(std::string_view(reinterpret_cast<const char*>(data), size));
  const auto theirs = nlohmann::json::parse(data, data + size, nullptr, false);
  fuzz::require(r.is_discarded() == theirs.is_discarded() && (r.is_discarded() || r.dump() == theirs.dump()),
                "parseJson reads the bytes as nlohmann does");
  // And as `notice diff` reads a file: in place, without the keys no comparison reads.
  std::string bytes(reinterpret_cast<const char*>(data), size);
  const auto read = parseJson(bytes, kKeysNotCompared);
  nlohmann::json without = r;
  if (without.is_object()) {
    for (std::string_view key : kKeysNotCompared) without.erase(std::string(key));
  }
  fuzz::require(bytes.size() == size && std::equal(bytes.begin(), bytes.end(), reinterpret_cast<const char*>(data)),
                "parseJson leaves the bytes it reads in place as they were");
  fuzz::require(read.is_discarded() == r.is_discarded() && (r.is_discarded() || read == without),
                "parseJson in place, without the keys not compared, reads what it reads from a view less those keys");
  if (r.is_discarded() || !r.is_object()) return 0;
  if (recordShapeError(r)) return 0;
  const Grammar& g = fuzz::engine().grammar();
  const nlohmann::json& seed = fuzz::seedRecord();
  for (bool seedFirst : {true, false}) {
    auto d = seedFirst ? diffRecords(seed, r, g) : diffRecords(r, seed, g);
    fuzz::require(d.ok(), "two records in shape diff");
    auto dWithout = seedFirst ? diffRecords(seed, read, g) : diffRecords(read, seed, g);
    fuzz::require(dWithout.ok() && dWithout.value() == d.value(), "the keys not compared change no diff");
    (void)d.value().dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    (void)renderDiffText(d.value(), false);
    (void)renderDiffHtml(d.value());
  }
  if (r.contains("text") && r["text"].is_string()) {
    const std::string& a = seed["text"].get_ref<const std::string&>();
    const std::string& b = r["text"].get_ref<const std::string&>();
    std::string old, now;
    for (const auto& e : diffWords(a, b)) {
      if (e.op != WordEdit::Op::kInsert) old += e.text;
      if (e.op != WordEdit::Op::kDelete) now += e.text;
    }
    fuzz::require(old == a && now == b, "the word diff spells out both texts");
  }
  auto s = compareSeries({fuzz::seedRecord(), r}, g);
  if (s.ok()) {
    (void)renderSeriesText(s.value(), false);
    (void)renderSeriesCsv(s.value());
    (void)renderSeriesHtml(s.value());
  }
  return 0;
}
