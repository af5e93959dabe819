#include "notice.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/file_name.h"
#include "core/sha256.h"
#include "layout/chrome.h"
#include "layout/flattened.h"
#include "model/record_builder.h"

namespace notice {

Result<Engine> Engine::create(const std::string& grammar_dir) {
  auto grammar = Grammar::load(grammar_dir);
  if (!grammar.ok()) return grammar.error();
  return Engine(grammar.value());
}

namespace {

Error tooLarge(size_t bytes, size_t limit, const char* what) {
  return Error{ErrorCode::kTooLarge, std::to_string(bytes >> 20) + " MiB is too large for " + what + " (the limit is " +
                                         std::to_string(limit >> 20) + " MiB): is it really one notice?"};
}

}  // namespace

Result<PageText> Engine::extract(std::string_view bytes, const ParseOptions& options) const {
  auto source = sourceFor(bytes);
  if (!source.ok()) return source.error();
  const Source& s = *source.value();
  if (bytes.size() > s.max_bytes) return tooLarge(bytes.size(), s.max_bytes, s.description);
  return s.read(bytes, options, *grammar_);
}

Result<nlohmann::json> Engine::parseBytes(std::string_view bytes, const std::string& display_name,
                                          const ParseOptions& options, StageTimings* timings) const {
  auto start = std::chrono::steady_clock::now();
  auto extracted = extract(bytes, options);
  if (!extracted.ok()) return extracted.error();
  PageText pages = std::move(extracted.value());
  // Layout, for every source alike: web copies' lost line breaks restored, page chrome set apart.
  splitFlattenedLines(pages, *grammar_);
  setChromeApart(pages, *grammar_);
  double extractMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  auto record = buildRecord(pages, *grammar_, SourceInfo{displayFileName(display_name), sha256Hex(bytes)}, timings);
  if (timings) timings->extract_ms = extractMs;
  return record;
}

Result<nlohmann::json> Engine::parseFile(const std::string& path, const ParseOptions& options) const {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > kMaxInputBytes) return tooLarge(size, kMaxInputBytes, "a notice");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{ErrorCode::kIoError, "cannot open (no such file or no permission)"};
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return parseBytes(data, path, options);
}

}  // namespace notice
