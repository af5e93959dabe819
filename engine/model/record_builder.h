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

nlohmann::json buildRecord(const PageText& pages, const Grammar& grammar, const SourceInfo& source);

}  // namespace notice
