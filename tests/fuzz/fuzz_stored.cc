// Stored records, as `parse -o DIR` reads the records already in its folder and the archive
// reads the records it keeps: JSON bytes → the model's reader (noticeFromJson). Whatever the
// bytes, the reader gives a Notice or an error that names the place; a Notice it gives writes a
// record in shape that reads back to the same record, is counted by the duplicate index, and
// diffs with a real record.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.h"
#include "model/duplicates.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace notice;
  auto json = nlohmann::json::parse(data, data + size, nullptr, false);
  if (json.is_discarded()) return -1;
  auto notice = noticeFromJson(json);
  if (!notice.ok()) {
    fuzz::require(!notice.error().message.empty(), "a record out of shape is refused saying where");
    return 0;
  }
  nlohmann::json written = toJson(notice.value());
  auto again = noticeFromJson(written);
  fuzz::require(again.ok(), "what the model writes, it reads");
  fuzz::require(toJson(again.value()) == written, "a record read and written again is unchanged");
  fuzz::checkRecord(written);
  DuplicateIndex seen;
  fuzz::require(!seen.add(notice.value(), "a").has_value(), "the first record duplicates nothing");
  auto second = seen.add(notice.value(), "b");
  fuzz::require(second.has_value() == (notice.value().source.sha256.size() > 0 || notice.value().doc_number.has_value()),
                "the same record again is a duplicate when it has a key");
  return 0;
}
