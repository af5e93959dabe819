// What the fuzz targets share: one engine for the whole run, and the real record the fuzzed
// ones are compared with.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include <nlohmann/json.hpp>

#include "notice.h"

namespace notice::fuzz {

// Fails the run (libFuzzer reports the input) when an invariant does not hold.
inline void require(bool holds, const char* what) {
  if (holds) return;
  std::fprintf(stderr, "invariant broken: %s\n", what);
  std::abort();
}

inline const Engine& engine() {
  static Engine e = [] {
    auto created = Engine::create(NOTICE_SOURCE_DIR "/grammars");
    require(created.ok(), "the project's grammar loads");
    return std::move(created).value();
  }();
  return e;
}

// A record the engine wrote for a real notice (the fixed side of every comparison).
inline const nlohmann::json& seedRecord() {
  static nlohmann::json r = [] {
    std::ifstream in(NOTICE_SOURCE_DIR "/corpus/text/2026-shanxi-jjzc53.txt", std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto parsed = engine().parseBytes(bytes, "seed.txt", {});
    require(parsed.ok(), "the seed notice parses");
    return parsed.value();
  }();
  return r;
}

}  // namespace notice::fuzz
