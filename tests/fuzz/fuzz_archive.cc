// The archive: bytes of any format → the engine → a fresh SQLite archive (a temporary file), then
// every query. Invariants: a parsed file is stored once (the same bytes again are a duplicate),
// list and search see it, show gives back its record unchanged and its original bytes, and a
// search query made of the file's own words is an answer or an error value, never a crash.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "archive/archive.h"
#include "archive/sqlite_archive.h"
#include "fuzz_support.h"

namespace fs = std::filesystem;

namespace {

const std::string& archivePath() {
  static const std::string path =
      (fs::temp_directory_path() / ("notice-fuzz-archive-" + std::to_string(::getpid()) + ".db")).string();
  return path;
}

void removeArchive() {
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(archivePath() + suffix);
}

// An FTS5 phrase: the text between double quotes, its own quotes doubled.
std::string phrase(const std::string& text) {
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace notice;
  using namespace notice::archive;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  ParseOptions options;
  options.ocr = OcrMode::kNever;
  options.ocr_jobs = 1;
  auto json = fuzz::engine().parseBytes(bytes, "fuzz.bin", options);
  if (!json.ok()) return -1;
  auto record = noticeFromJson(json.value());
  fuzz::require(record.ok(), "the model reads what the engine writes");

  removeArchive();
  auto opened = openSqliteArchive(archivePath(), OpenMode::kCreate);
  fuzz::require(opened.ok(), "a new archive opens");
  Archive& a = *opened.value();
  auto in = a.ingest("fuzz.bin", bytes, record.value());
  fuzz::require(in.ok(), "a parsed file is stored");
  fuzz::require(in.value().outcome == Ingested::Outcome::kAdded, "the first file is a new notice");
  auto again = a.ingest("again.bin", bytes, record.value());
  fuzz::require(again.ok() && again.value().outcome == Ingested::Outcome::kDuplicate, "the same bytes again are a duplicate");

  auto listed = a.list(Filter{});
  fuzz::require(listed.ok() && listed.value().size() == 1 && listed.value()[0].id == in.value().version_id,
                "list shows the one version");
  auto shown = a.version(in.value().version_id);
  fuzz::require(shown.ok(), "show finds the version");
  fuzz::require(toJson(shown.value().record) == toJson(record.value()), "show gives back the record stored");
  auto original = a.original(shown.value().sha256);
  fuzz::require(original.ok() && original.value() == bytes, "show gives back the original bytes");
  if (record.value().doc_number) {
    auto resolved = a.resolve(record.value().doc_number->text);
    fuzz::require(resolved.ok() && resolved.value() == in.value().version_id, "a 发文字号 names its version");
  }
  auto exported = a.records(Filter{});
  fuzz::require(exported.ok() && exported.value().size() == 1, "export gives the one record");

  // The title as a phrase finds the notice; the first words of the text, as a user would type
  // them (FTS5 syntax and all), give hits or an error value.
  if (record.value().title && !record.value().title->empty()) {
    auto hits = a.search(phrase(*record.value().title), 10, "[", "]", false);
    fuzz::require(hits.ok(), "a quoted phrase is a valid query");
  }
  std::string words = record.value().text.substr(0, 40);
  auto hits = a.search(words, 10, "[", "]", true);
  if (!hits.ok()) fuzz::require(!hits.error().message.empty(), "a bad query says why");
  return 0;
}
