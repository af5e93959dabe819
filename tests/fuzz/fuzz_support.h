// What the fuzz targets share: one engine for the whole run, the real record the fuzzed ones are
// compared with, and the invariants every record the engine writes must hold.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include <nlohmann/json.hpp>

#include "diff/diff.h"
#include "diff/record_shape.h"
#include "model/notice_record.h"
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

// What holds for every record the engine writes: it dumps as JSON (valid UTF-8), the comparison's
// shape check and the model's reader both take it, the model gives it back unchanged, and it
// diffs with a real record both ways.
inline void checkRecord(const nlohmann::json& r) {
  try {
    (void)r.dump();
  } catch (const nlohmann::json::exception&) {
    require(false, "the record dumps as JSON");
  }
  require(!recordShapeError(r).has_value(), "the record has the notice/1 shape");
  auto typed = noticeFromJson(r);
  require(typed.ok(), "the model reads the record");
  require(toJson(typed.value()) == r, "the model gives the record back unchanged");
  require(diffRecords(seedRecord(), r, engine().grammar()).ok(), "a real record diffs with it");
  require(diffRecords(r, seedRecord(), engine().grammar()).ok(), "it diffs with a real record");
}

}  // namespace notice::fuzz
