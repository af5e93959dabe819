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
#include "extract/source.h"
#include "grammar/grammar.h"
#include "model/record_builder.h"

namespace notice {

// Inputs larger than this are refused (kTooLarge) before they are read; each source has its own
// smaller limit (extract/source.h).
inline constexpr size_t kMaxInputBytes = size_t{512} << 20;

using ParseOptions = SourceOptions;

class Engine {
 public:
  static Result<Engine> create(const std::string& grammar_dir = "");

  // Reads an input in any format a source reads (chosen by content, not by name) and returns
  // its record. `display_name` goes into source.file, as UTF-8 (core/file_name.h).
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
