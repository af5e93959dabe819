// The whole parse after extraction: PageText → normalise → segment → fields → record JSON.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "extract/page_text.h"
#include "grammar/grammar.h"

namespace notice {

struct SourceInfo {
  std::string file;
  std::string sha256;
};

// Wall-clock time spent in each stage of one parse, in milliseconds (for bench/).
struct StageTimings {
  double extract_ms = 0, normalize_ms = 0, segment_ms = 0, fields_ms = 0;
};

nlohmann::json buildRecord(const PageText& pages, const Grammar& grammar, const SourceInfo& source,
                           StageTimings* timings = nullptr);

}  // namespace notice
