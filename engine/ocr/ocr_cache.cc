#include "ocr/ocr_cache.h"

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/sha256.h"

namespace notice::ocr::cache {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const std::string& folder() {
  static const std::string dir = [] {
    const char* d = std::getenv("NOTICE_OCR_CACHE");
    return std::string(d ? d : "");
  }();
  return dir;
}

json boxJson(const Box& b) { return json::array({b.x0, b.y0, b.x1, b.y1}); }

Box boxFrom(const json& v) {
  return Box{v.at(0).get<double>(), v.at(1).get<double>(), v.at(2).get<double>(), v.at(3).get<double>()};
}

}  // namespace

bool enabled() { return !folder().empty(); }

std::string key(const GrayImage& image, const std::string& context) {
  char size[96];
  std::snprintf(size, sizeof size, "%dx%d@%.17g\n", image.width, image.height, image.points_per_pixel);
  return sha256Hex({"notice-ocr-cache/1\n", context, "\n", size,
                    {reinterpret_cast<const char*>(image.pixels.data()), image.pixels.size()}});
}

std::optional<json> load(const std::string& key) {
  if (!enabled()) return std::nullopt;
  std::ifstream in(fs::path(folder()) / (key + ".json"), std::ios::binary);
  if (!in) return std::nullopt;
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  json v = json::parse(text, nullptr, false);
  if (v.is_discarded()) return std::nullopt;
  return v;
}

void store(const std::string& key, const json& value) {
  if (!enabled()) return;
  static std::atomic<unsigned> serial{0};
  std::error_code ec;
  fs::create_directories(folder(), ec);
  const fs::path final = fs::path(folder()) / (key + ".json");
  const fs::path tmp = fs::path(folder()) / ("." + key + "." + std::to_string(::getpid()) + "." + std::to_string(serial++));
  {
    std::string text;
    try {
      text = value.dump();
    } catch (const json::exception&) {
      return;  // text that is not UTF-8 is not kept: the next run reads the page again
    }
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out) {
      fs::remove(tmp, ec);
      return;  // a cache that cannot be written only costs the next run its time
    }
  }
  fs::rename(tmp, final, ec);
  if (ec) fs::remove(tmp, ec);
}

json toJson(const PageResult& page) {
  json lines = json::array();
  for (const auto& l : page.lines) {
    json words = json::array();
    for (const auto& w : l.words) {
      json chars = json::array();
      for (const auto& c : w.chars) chars.push_back(boxJson(c));
      words.push_back({{"text", w.text}, {"box", boxJson(w.box)}, {"chars", chars}, {"confidence", w.confidence}});
    }
    lines.push_back({{"words", words}, {"box", boxJson(l.box)}, {"confidence", l.confidence}});
  }
  return {{"lines", lines},           {"width", page.width},         {"height", page.height},
          {"rotation", page.rotation}, {"confidence", page.confidence}, {"glyph_px", page.glyph_px}};
}

std::optional<PageResult> pageFromJson(const json& v) {
  try {
    PageResult page;
    for (const auto& l : v.at("lines")) {
      Line line{{}, boxFrom(l.at("box")), l.at("confidence").get<float>()};
      for (const auto& w : l.at("words")) {
        Word word{w.at("text").get<std::string>(), boxFrom(w.at("box")), {}, w.at("confidence").get<float>()};
        for (const auto& c : w.at("chars")) word.chars.push_back(boxFrom(c));
        line.words.push_back(std::move(word));
      }
      page.lines.push_back(std::move(line));
    }
    page.width = v.at("width").get<double>();
    page.height = v.at("height").get<double>();
    page.rotation = v.at("rotation").get<int>();
    page.confidence = v.at("confidence").get<float>();
    page.glyph_px = v.at("glyph_px").get<double>();
    return page;
  } catch (const json::exception&) {
    return std::nullopt;  // not an entry this program wrote: read the page again
  }
}

}  // namespace notice::ocr::cache
