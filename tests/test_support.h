// Shared helpers for the tests: the project's grammar and engine, loaded once.
#pragma once

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "grammar/grammar.h"
#include "notice.h"

namespace notice::testing {

inline const Grammar& grammar() {
  static std::shared_ptr<const Grammar> g = [] {
    auto loaded = Grammar::load(NOTICE_SOURCE_DIR "/grammars");
    if (!loaded.ok()) {
      ADD_FAILURE() << loaded.error().message;
      std::abort();
    }
    return loaded.value();
  }();
  return *g;
}

inline const Engine& engine() {
  static Engine e = [] {
    auto created = Engine::create(NOTICE_SOURCE_DIR "/grammars");
    if (!created.ok()) std::abort();
    return std::move(created).value();
  }();
  return e;
}

inline std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline std::string sourcePath(const std::string& relative) { return std::string(NOTICE_SOURCE_DIR) + "/" + relative; }

// The bundled samples, by name ("2026-shanxi-jjzc53"): one per label, sorted.
inline std::vector<std::string> samples() {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(sourcePath("corpus/labels"))) {
    out.push_back(entry.path().stem().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

// A sample's name as a test name (gtest takes no '-').
inline std::string sampleTestName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

}  // namespace notice::testing

namespace notice::testing {

// A small notice around `body` (lines of 正文), for tests of one field at a time.
// A whole text export, as written (no masthead or signature added).
inline nlohmann::json parseText(const std::string& text) {
  auto r = engine().parseBytes(text, "test.txt", {});
  if (!r.ok()) {
    ADD_FAILURE() << r.error().message;
    return nullptr;
  }
  return r.value();
}

inline nlohmann::json parseNotice(const std::string& body, const std::string& title =
                                      "山西省教育厅关于举办2026年职业教育活动周的通知") {
  std::string text = "山西省教育厅\n\n晋教职成函〔2026〕1号\n\n" + title + "\n\n各市教育局：\n\n" + body +
                     "\n\n山西省教育厅\n\n2026年5月9日\n";
  auto r = engine().parseBytes(text, "test.txt", {});
  if (!r.ok()) {
    ADD_FAILURE() << r.error().message;
    return nullptr;
  }
  return r.value();
}

}  // namespace notice::testing
