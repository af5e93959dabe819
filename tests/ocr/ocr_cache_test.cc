// The OCR cache (ocr/ocr_cache.h), on in this test program (NOTICE_OCR_CACHE names a folder of
// the build): a page read twice gives the same reading, the second time from the folder; an
// entry that does not read back is read again by Tesseract; a reading survives the round trip
// through its JSON.
#include "ocr/ocr_cache.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "ocr/rendered_page.h"

namespace notice {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> entries() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(std::getenv("NOTICE_OCR_CACHE"))) out.push_back(e.path());
  return out;
}

std::vector<nlohmann::json> readTwoPages(const ocr::GrayImage& upright, const ocr::GrayImage& turned) {
  auto pages = ocr::recognisePages(2, 2, [&](int i, double) -> Result<ocr::GrayImage> { return i == 0 ? upright : turned; });
  EXPECT_TRUE(pages.ok()) << pages.error().message;
  std::vector<nlohmann::json> out;
  if (pages.ok()) {
    for (const auto& p : pages.value()) out.push_back(ocr::cache::toJson(p));
  }
  return out;
}

TEST(OcrCache, APageReadAgainComesFromTheFolderAndABadEntryIsReadAgain) {
  ASSERT_TRUE(ocr::cache::enabled());
  fs::remove_all(std::getenv("NOTICE_OCR_CACHE"));
  const ocr::GrayImage upright = testing::renderedPage();
  const ocr::GrayImage turned = testing::turnedClockwise(upright);

  auto first = readTwoPages(upright, turned);
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[1]["rotation"], 270);
  const auto kept = entries();
  EXPECT_GE(kept.size(), 3u) << "both pages, and the orientation of the one on its side";

  EXPECT_EQ(readTwoPages(upright, turned), first);

  // Every entry says "缓存" (a reading Tesseract never gave): the pages read from the folder.
  ocr::PageResult marked;
  marked.lines.push_back(ocr::Line{{ocr::Word{"缓存", Box{1, 2, 3, 4}, {Box{1, 2, 2, 4}, Box{2, 2, 3, 4}}, 90}}, Box{1, 2, 3, 4}, 90});
  marked.confidence = 90;
  for (const auto& e : kept) {
    std::ifstream in(e);
    auto v = nlohmann::json::parse(in);
    if (v.is_object()) std::ofstream(e, std::ios::trunc) << ocr::cache::toJson(marked).dump();
  }
  auto fromFolder = readTwoPages(upright, turned);
  ASSERT_EQ(fromFolder.size(), 2u);
  EXPECT_EQ(fromFolder[0]["lines"][0]["words"][0]["text"], "缓存");

  // Entries that do not read back: Tesseract reads the pages again, as it read them first.
  for (const auto& e : kept) std::ofstream(e, std::ios::trunc) << "{\"lines\": 7";
  EXPECT_EQ(readTwoPages(upright, turned), first);
}

// A page found in the folder is not read again, so Tesseract is not even started: once the model
// is spoilt (its size and time kept, so that the readings' keys stay the same), the reading
// still comes back.
TEST(OcrCache, APageFoundInTheFolderNeedsNoTesseract) {
  auto installed = ocr::findTessdata();
  ASSERT_TRUE(installed.ok()) << installed.error().message;
  const fs::path dir = fs::temp_directory_path() / "notice_ocr_cache_test_tessdata";
  fs::create_directories(dir);
  const fs::path model = dir / "chi_sim.traineddata";
  fs::copy_file(fs::path(installed.value()) / "chi_sim.traineddata", model, fs::copy_options::overwrite_existing);
  testing::TessdataPrefix prefix(dir.string());

  const ocr::GrayImage page = testing::renderedPage();
  auto readPage = [&] { return ocr::recognisePages(1, 1, [&](int, double) -> Result<ocr::GrayImage> { return page; }); };
  auto first = readPage();
  ASSERT_TRUE(first.ok()) << first.error().message;

  const auto time = fs::last_write_time(model);
  {
    std::fstream f(model, std::ios::in | std::ios::out | std::ios::binary);
    f.write(std::string(4096, '\0').data(), 4096);
  }
  fs::last_write_time(model, time);
  auto again = readPage();
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(ocr::cache::toJson(again.value()[0]), ocr::cache::toJson(first.value()[0]));
  fs::remove_all(dir);
}

// A key is a digest of the whole reading's inputs: the image's size, scale and every pixel, and
// the context (the model and the mode of reading).
TEST(OcrCache, TheKeyChangesWithEveryInputOfTheReading) {
  ocr::GrayImage image{3, 2, {1, 2, 3, 4, 5, 6}, 0.5};
  const std::string key = ocr::cache::key(image, "model a");
  EXPECT_EQ(key.size(), 64u);
  EXPECT_EQ(ocr::cache::key(image, "model a"), key);
  EXPECT_NE(ocr::cache::key(image, "model b"), key);
  ocr::GrayImage other = image;
  other.pixels.back() = 7;
  EXPECT_NE(ocr::cache::key(other, "model a"), key);
  other = image;
  other.width = 2, other.height = 3;
  EXPECT_NE(ocr::cache::key(other, "model a"), key);
  other = image;
  other.points_per_pixel = 0.25;
  EXPECT_NE(ocr::cache::key(other, "model a"), key);
}

TEST(OcrCache, AReadingSurvivesItsJson) {
  ocr::PageResult page;
  page.lines.push_back(ocr::Line{{ocr::Word{"通知", Box{0.1, 0.2, 30.3, 14.4}, {Box{0.1, 0.2, 15, 14.4}, Box{15, 0.2, 30.3, 14.4}}, 91.5f}},
                                 Box{0.1, 0.2, 30.3, 14.4}, 88.25f});
  page.width = 595.276;
  page.height = 841.89;
  page.rotation = 90;
  page.confidence = 91.5f;
  page.glyph_px = 31;
  auto back = ocr::cache::pageFromJson(ocr::cache::toJson(page));
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(ocr::cache::toJson(*back), ocr::cache::toJson(page));
  EXPECT_EQ(back->lines[0].words[0].chars.size(), 2u);
  EXPECT_FALSE(ocr::cache::pageFromJson(nlohmann::json{{"lines", "none"}}).has_value());
  EXPECT_FALSE(ocr::cache::pageFromJson(nlohmann::json::array()).has_value());
}

}  // namespace
}  // namespace notice
