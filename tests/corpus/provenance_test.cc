// Provenance of the PDF samples: every value's box lies on its page, and the text poppler finds
// under that box contains the text the value was read from (record.text at provenance.chars).
#include <algorithm>
#include <memory>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-page.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "core/utf8.h"
#include "test_support.h"

namespace notice {
namespace {

using nlohmann::json;

std::string squeeze(const std::string& s) {
  UErrorCode err = U_ZERO_ERROR;
  icu::UnicodeString n = icu::Normalizer2::getNFKCInstance(err)->normalize(icu::UnicodeString::fromUTF8(s), err);
  std::string utf8, out;
  n.toUTF8String(utf8);
  for (char c : utf8) if (!std::isspace(static_cast<unsigned char>(c))) out += c;
  return out;
}

class Provenance : public ::testing::TestWithParam<std::string> {};

void checkRecord(const json& r, poppler::document& doc, const std::string& where) {
  std::u32string text = utf8::decode(r["text"].get<std::string>());
  ASSERT_FALSE(r["provenance"].empty()) << where;
  for (const auto& [pointer, p] : r["provenance"].items()) {
    ASSERT_TRUE(p["page"].is_number()) << where << pointer;
    int page = p["page"].get<int>();
    ASSERT_GE(page, 1);
    ASSERT_LE(page, doc.pages());
    std::unique_ptr<poppler::page> pg(doc.create_page(page - 1));
    auto rect = pg->page_rect();
    ASSERT_TRUE(p["bbox"].is_array()) << where << pointer;
    double x0 = p["bbox"][0], y0 = p["bbox"][1], x1 = p["bbox"][2], y1 = p["bbox"][3];
    EXPECT_GE(x0, -0.5) << where << pointer;
    EXPECT_GE(y0, -0.5) << where << pointer;
    EXPECT_LE(x1, rect.width() + 0.5) << where << pointer;
    EXPECT_LE(y1, rect.height() + 0.5) << where << pointer;
    size_t b = p["chars"][0], e = p["chars"][1];
    ASSERT_LE(b, e);
    ASSERT_LE(e, text.size()) << where << pointer;
    // Values read across a page break have their box on the first page only.
    std::string read = squeeze(utf8::encode(text.substr(b, e - b)));
    auto under = pg->text(poppler::rectf(x0 - 1, y0 - 1, x1 - x0 + 2, y1 - y0 + 2)).to_utf8();
    std::string found = squeeze(std::string(under.begin(), under.end()));
    // The whole value is under the box, or, for one that runs on over a page break, the part of
    // it on the page where it starts (at least its first 4 characters).
    std::u32string r32 = utf8::decode(read);
    bool whole = found.find(read) != std::string::npos;
    if (pointer.rfind("/tables/", 0) == 0) {
      // A form is read cell by cell, poppler reads its box line by line: the box must hold every
      // character of the table, in whatever order; for a form running on over pages, the box on
      // its first page holds characters of the table only.
      std::u32string want = utf8::decode(read), have = utf8::decode(found);
      std::sort(want.begin(), want.end());
      std::sort(have.begin(), have.end());
      whole = std::includes(have.begin(), have.end(), want.begin(), want.end()) ||
              (have.size() >= 4 && std::includes(want.begin(), want.end(), have.begin(), have.end()));
    }
    size_t onPage = 0;
    for (size_t n = r32.size(); n >= 4 && !whole; --n) {
      std::string prefix = utf8::encode(r32.substr(0, n));
      if (utf8::endsWith(found, prefix)) { onPage = n; break; }
    }
    EXPECT_TRUE(whole || onPage >= 4)
        << where << pointer << ": read \"" << read << "\" but the box holds \"" << found << "\" (" << onPage << ")";
  }
}

TEST_P(Provenance, BoxesHoldTheValues) {
  std::string path = testing::sourcePath("corpus/pdf/" + GetParam() + ".pdf");
  auto parsed = testing::engine().parseFile(path, {});
  ASSERT_TRUE(parsed.ok());
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path));
  ASSERT_TRUE(doc);
  checkRecord(parsed.value(), *doc, GetParam());
  for (const auto& e : parsed.value()["embedded"]) checkRecord(e, *doc, GetParam() + " embedded");
}

INSTANTIATE_TEST_SUITE_P(Samples, Provenance, ::testing::ValuesIn(testing::samples()), testing::sampleTestName);

}  // namespace
}  // namespace notice
