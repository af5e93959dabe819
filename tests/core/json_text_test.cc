// parseJson reads JSON as nlohmann's parser does (the same values, of the same types, and the
// same texts refused), though most texts are read by simdjson.
#include "core/json_text.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace notice {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Equal as values, and the same when written out (which tells an unsigned from a signed integer
// and an integer from a float); read from a view, and from a string read in place, which it
// leaves as it was.
void expectSameAsNlohmann(const std::string& text) {
  const json theirs = json::parse(text, nullptr, false);
  std::string inPlace = text;
  const json ours = parseJson(std::string_view(text)), oursInPlace = parseJson(inPlace);
  EXPECT_EQ(inPlace, text);
  for (const json* read : {&ours, &oursInPlace}) {
    ASSERT_EQ(read->is_discarded(), theirs.is_discarded()) << text;
    if (theirs.is_discarded()) continue;
    EXPECT_EQ(*read, theirs) << text;
    EXPECT_EQ(read->dump(), theirs.dump()) << text;
  }
}

TEST(JsonText, ReadsEdgeCasesAsNlohmannDoes) {
  for (const std::string& text : std::vector<std::string>{
           "{\"a\":1}", "\xEF\xBB\xBF{\"a\":1}", "{\"a\":1,\"a\":2}", "{\"b\":[],\"a\":{}}", "[18446744073709551615]",
           "[18446744073709551616]", "[-9223372036854775808]", "[-9223372036854775809]", "[123456789012345678901234567890]",
           "[0]", "[7]", "[-7]", "[-0.0]", "[1E2]", "[1.5e-400]", "[1e400]", "[0.1]", "\"\\u0000\"", "\"\\ud83d\\ude00\"",
           "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"", "\"x\x01y\"", "\"\t\"", "\"\x7f\"", "\"\xff\"", "\"\xe4\xb8\"",
           "[1,]", "{\"a\":1,}", "  [1]  ", "[1] x", "", " ", "nul", "[\"\\x\"]", "[0x1]", "[.5]", "[5.]", "[01]", "{\"a\"}",
           "[true,false,null]", "null", "\"通知\""}) {
    expectSameAsNlohmann(text);
  }
}

// Keys left out are left out of the top-level object only, by simdjson and by nlohmann's parser
// alike (a byte-order mark sends the text to the latter).
TEST(JsonText, LeavesOutTheKeysAskedOnlyAtTheTop) {
  const std::string_view leftOut[] = {"tables", "warnings"};
  for (const std::string prefix : {"", "\xEF\xBB\xBF"}) {
    std::string text = prefix + R"({"title":"通知","tables":[1],"sections":[{"tables":2}],"warnings":["w"],"year":2024})";
    const json read = parseJson(text, leftOut);
    EXPECT_EQ(read, json::parse(R"({"title":"通知","sections":[{"tables":2}],"year":2024})")) << prefix.size();
    std::string array = prefix + R"([{"tables":1}])";
    EXPECT_EQ(parseJson(array, leftOut), json::parse(R"([{"tables":1}])"));
  }
}

// Past simdjson's depth of 1024, nlohmann's parser reads the text (walked here level by level:
// dump and == recurse, and a thousand of their frames overflow a sanitized test's stack).
TEST(JsonText, ReadsNestingPastSimdjsonsDepth) {
  const std::string text = std::string(1100, '[') + std::string(1100, ']');
  const json ours = parseJson(text), theirs = json::parse(text, nullptr, false);
  ASSERT_FALSE(ours.is_discarded());
  ASSERT_FALSE(theirs.is_discarded());
  const json* a = &ours;
  const json* b = &theirs;
  size_t depth = 1;
  for (; a->is_array() && b->is_array() && !a->empty() && !b->empty(); ++depth) a = &a->at(0), b = &b->at(0);
  EXPECT_EQ(depth, 1100u);
  EXPECT_TRUE(a->is_array() && a->empty() && b->is_array() && b->empty());
}

TEST(JsonText, ReadsTheCorpusLabelsAndSchemasAsNlohmannDoes) {
  size_t files = 0;
  for (const char* dir : {NOTICE_SOURCE_DIR "/corpus/labels", NOTICE_SOURCE_DIR "/corpus/real/labels", NOTICE_SOURCE_DIR "/schema"}) {
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
      if (entry.path().extension() != ".json") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      expectSameAsNlohmann(std::string(std::istreambuf_iterator<char>(in), {}));
      ++files;
    }
  }
  EXPECT_GT(files, 70u);
}

}  // namespace
}  // namespace notice
