// Bytes of one format → the engine. Built once per source (FUZZ_FORMAT: text, pdf, html, package
// = OFD or .docx), so that each campaign stays on its format: bytes that another source would
// read are left out of the corpus. Invariants: a parse either fails with an error value that says
// why, or gives a record that dumps as JSON, has the notice/1 shape (both checks: the comparison's
// and the model's reader), reads back into the model unchanged, and diffs cleanly against a real
// record both ways.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "diff/diff.h"
#include "diff/record_shape.h"
#include "extract/source.h"
#include "fuzz_support.h"
#include "model/notice_record.h"

namespace {

bool ofThisFormat(std::string_view bytes) {
  auto source = notice::sourceFor(bytes);
  if (!source.ok()) return true;  // refused before any source reads it (an image, a damaged zip)
  std::string_view name = source.value()->name;
  if (std::string_view(FUZZ_FORMAT) == "package") return name == "ofd" || name == "docx";
  return name == FUZZ_FORMAT;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace notice;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  if (!ofThisFormat(bytes)) return -1;  // not kept in this target's corpus
  ParseOptions options;
  options.ocr = OcrMode::kNever;  // OCR's cost per page would starve the search; it has its own tests
  options.ocr_jobs = 1;
  auto record = fuzz::engine().parseBytes(bytes, "fuzz.bin", options);
  if (!record.ok()) {
    fuzz::require(!record.error().message.empty(), "an error says what went wrong");
    return 0;
  }
  fuzz::checkRecord(record.value());
  return 0;
}
