// The engine's public entry point: bytes or a file in, a `notice/1` record (JSON) out.
//
//   auto engine = notice::Engine::create();           // loads grammars/
//   auto record = engine.value().parseFile("x.pdf", {});
//
// An Engine is immutable after create() and may be shared between threads.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/status.h"
#include "extract/page_text.h"
#include "grammar/grammar.h"
#include "model/record_builder.h"

namespace notice {

// Inputs larger than these are refused (kTooLarge): a notice's text export is tens of KiB and
// its PDF a few MiB, even with scanned pages; the engine holds a whole input in memory.
inline constexpr size_t kMaxTextExportBytes = size_t{16} << 20;
inline constexpr size_t kMaxPdfBytes = size_t{512} << 20;
inline constexpr size_t kMaxInputBytes = kMaxPdfBytes;

struct ParseOptions {
  std::string password;  // for encrypted PDFs
};

class Engine {
 public:
  static Result<Engine> create(const std::string& grammar_dir = "");

  // Reads a PDF or a text/markdown export (told apart by content, not by name) and returns
  // its record. `display_name` goes into source.file.
  // `timings`, when given, receives the time spent in each stage.
  Result<nlohmann::json> parseBytes(std::string_view bytes, const std::string& display_name,
                                    const ParseOptions& options, StageTimings* timings = nullptr) const;
  Result<nlohmann::json> parseFile(const std::string& path, const ParseOptions& options) const;

  // The first stage alone, for tools that want the text with geometry.
  Result<PageText> extract(std::string_view bytes, const ParseOptions& options) const;

  const Grammar& grammar() const { return *grammar_; }

 private:
  explicit Engine(std::shared_ptr<const Grammar> g) : grammar_(std::move(g)) {}
  std::shared_ptr<const Grammar> grammar_;
};

}  // namespace notice
