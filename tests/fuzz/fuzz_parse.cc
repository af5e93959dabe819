// Any bytes → the engine, whatever source the bytes choose (text, PDF, web page, OFD, Word):
// the run goes on with seeds of each format (scripts/check.sh). Invariants: a parse either fails
// with an error value or gives a record that dumps as JSON, has the notice/1 shape, and diffs
// cleanly against a real record.
#include <cstddef>
#include <cstdint>

#include "diff/diff.h"
#include "diff/record_shape.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace notice;
  ParseOptions options;
  options.ocr = OcrMode::kNever;  // OCR's cost per page would starve the search; it has its own tests
  auto record = fuzz::engine().parseBytes(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.bin", options);
  if (!record.ok()) {
    fuzz::require(!record.error().message.empty(), "an error says what went wrong");
    return 0;
  }
  const nlohmann::json& r = record.value();
  (void)r.dump();  // throws on invalid UTF-8
  fuzz::require(!recordShapeError(r).has_value(), "the engine writes records in the notice/1 shape");
  fuzz::require(diffRecords(fuzz::seedRecord(), r, fuzz::engine().grammar()).ok(), "a record diffs with a real one");
  return 0;
}
