// Shared helpers for the tests: the project's grammar and engine, loaded once.
#pragma once

#include <fstream>
#include <iterator>
#include <memory>
#include <string>

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

}  // namespace notice::testing

namespace notice::testing {

// A small notice around `body` (lines of 正文), for tests of one field at a time.
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
