#include "ocr/ocr.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include <omp.h>
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include "core/utf8.h"
#include "ocr/ocr_cache.h"

namespace notice::ocr {
namespace {

namespace fs = std::filesystem;

constexpr const char* kLanguage = "chi_sim";
constexpr const char* kPackage = "tesseract-ocr-chi-sim";
// Below this mean word confidence a page may be on its side or upside down: its orientation is
// detected and the page read again turned upright when that reads better.
constexpr float kLowConfidence = 60;
// Tesseract reads Han best at about this line height in pixels; a page whose lines came out much
// smaller (a phone photo, a small scan) is rendered again larger.
constexpr double kGoodGlyphPx = 30, kSmallGlyphPx = 18;

bool hasData(const fs::path& dir, const char* lang) {
  std::error_code ec;
  return fs::is_regular_file(dir / (std::string(lang) + ".traineddata"), ec);
}

// What a reading depends on besides the image (ocr_cache.h): Tesseract's version and the data
// file, named by its path, size and time.
std::string cacheContext(const std::string& dir, const char* lang, const std::string& how) {
  std::error_code ec;
  const fs::path data = fs::path(dir) / (std::string(lang) + ".traineddata");
  const auto size = fs::file_size(data, ec);
  const auto time = fs::last_write_time(data, ec).time_since_epoch().count();
  return std::string(tesseract::TessBaseAPI::Version()) + " " + data.string() + " " + std::to_string(size) + " " +
         std::to_string(time) + " " + how;
}

// The image turned `degrees` (90, 180, 270) clockwise.
GrayImage turned(const GrayImage& in, int degrees) {
  GrayImage out;
  out.points_per_pixel = in.points_per_pixel;
  const int w = in.width, h = in.height;
  bool quarter = degrees == 90 || degrees == 270;
  out.width = quarter ? h : w;
  out.height = quarter ? w : h;
  out.pixels.resize(in.pixels.size());
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      int nx, ny;
      if (degrees == 90) { nx = h - 1 - y; ny = x; }
      else if (degrees == 180) { nx = w - 1 - x; ny = h - 1 - y; }
      else { nx = y; ny = w - 1 - x; }
      out.pixels[static_cast<size_t>(ny) * out.width + nx] = in.pixels[static_cast<size_t>(y) * w + x];
    }
  }
  return out;
}

struct TessDeleter {
  void operator()(tesseract::TessBaseAPI* api) const {
    api->End();
    delete api;
  }
};
using Api = std::unique_ptr<tesseract::TessBaseAPI, TessDeleter>;

// Tesseract's LSTM runs its loops on up to four OpenMP threads (a num_threads clause) that only
// OMP_THREAD_LIMIT bounds, and libgomp reads that variable once, when it is loaded, before main:
// setting it here would change nothing. With no active parallel levels every region runs on the
// thread that meets it, so each page takes one thread, and pages run in parallel instead. The
// setting belongs to the calling thread: each worker makes it before it starts Tesseract.
void oneThreadPerPage() { omp_set_max_active_levels(0); }

Result<Api> startApi(const std::string& dir, const char* lang) {
  oneThreadPerPage();
  Api api(new tesseract::TessBaseAPI());
  if (api->Init(dir.c_str(), lang, tesseract::OEM_DEFAULT) != 0) {
    return Error{ErrorCode::kOcrUnavailable, std::string("Tesseract could not load its '") + lang + "' data from " + dir +
                                                 " (install " + kPackage + ", or set TESSDATA_PREFIX)"};
  }
  api->SetVariable("debug_file", "/dev/null");  // no "Estimating resolution" chatter on stderr
  return api;
}

// One worker's Tesseract: the recogniser and the orientation detector, each started when first
// needed. With the readings cached (ocr_cache.h) a page read again needs neither, and loading
// the recogniser's model is a fifth of a second a worker.
class Reader {
 public:
  explicit Reader(std::string dir) : dir_(std::move(dir)) {}

  // Why the recogniser could not be started, once a page needed it.
  const std::optional<Error>& error() const { return error_; }

  // A band of display lines (a masthead): read as a page, else row by row.
  PageResult readBand(const GrayImage& image) {
    PageResult result = read(image);
    return result.lines.empty() ? readRows(image) : result;
  }

  PageResult read(const GrayImage& image) {
    PageResult result = recognise(image, 0);
    if (result.lines.empty() || (result.confidence >= kLowConfidence && !mostlyVertical(result))) {
      rereadLargeLines(image, result);
      return result;
    }
    int degrees = orientation(image);
    if (degrees != 0) {
      PageResult upright = recognise(turned(image, degrees), degrees);
      if (upright.confidence > result.confidence || (mostlyVertical(result) && !mostlyVertical(upright))) {
        rereadLargeLines(turned(image, degrees), upright);
        return upright;
      }
    }
    rereadLargeLines(image, result);
    return result;
  }

 private:
  PageResult recognise(const GrayImage& image, int rotation) {
    PageResult out;
    out.rotation = rotation;
    out.width = image.width * image.points_per_pixel;
    out.height = image.height * image.points_per_pixel;
    if (image.width == 0 || image.height == 0) return out;
    std::string key;
    if (cache::enabled()) {
      key = cache::key(image, cacheContext(dir_, kLanguage, "psm " + std::to_string(mode_)));
      if (auto hit = cache::load(key)) {
        if (auto page = cache::pageFromJson(*hit)) {
          page->rotation = rotation;
          return *page;
        }
      }
    }
    auto read = readWithTesseract(image, rotation);
    if (!read) return out;  // Tesseract failed: an empty page, not kept
    if (!key.empty()) cache::store(key, cache::toJson(*read));
    return std::move(*read);
  }

  // The recogniser, started now if this is the first page it reads; null when it cannot start.
  tesseract::TessBaseAPI* recogniser() {
    if (!api_ && !error_) {
      auto api = startApi(dir_, kLanguage);
      if (api.ok()) api_ = std::move(api).value();
      else error_ = api.error();
    }
    if (api_) api_->SetPageSegMode(mode_);  // a line read alone changes it for that reading
    return api_.get();
  }

  std::optional<PageResult> readWithTesseract(const GrayImage& image, int rotation) {
    if (!recogniser()) return std::nullopt;
    PageResult out;
    out.rotation = rotation;
    out.width = image.width * image.points_per_pixel;
    out.height = image.height * image.points_per_pixel;
    api_->SetImage(image.pixels.data(), image.width, image.height, 1, image.width);
    api_->SetSourceResolution(static_cast<int>(72 / image.points_per_pixel + 0.5));
    if (api_->Recognize(nullptr) != 0) return std::nullopt;
    std::unique_ptr<tesseract::ResultIterator> it(api_->GetIterator());
    if (!it || it->Empty(tesseract::RIL_SYMBOL)) {
      api_->Clear();
      return out;
    }
    const double k = image.points_per_pixel;
    auto box = [&](tesseract::PageIteratorLevel level) {
      int x0, y0, x1, y1;
      it->BoundingBox(level, &x0, &y0, &x1, &y1);
      return Box{x0 * k, y0 * k, x1 * k, y1 * k};
    };
    double confSum = 0;
    size_t confChars = 0;
    std::vector<double> heights;
    do {
      if (it->Empty(tesseract::RIL_SYMBOL)) continue;
      if (it->IsAtBeginningOf(tesseract::RIL_TEXTLINE) || out.lines.empty()) {
        out.lines.push_back(Line{{}, box(tesseract::RIL_TEXTLINE), it->Confidence(tesseract::RIL_TEXTLINE)});
        heights.push_back((out.lines.back().box.y1 - out.lines.back().box.y0) / k);
      }
      Line& line = out.lines.back();
      if (it->IsAtBeginningOf(tesseract::RIL_WORD) || line.words.empty()) {
        line.words.push_back(Word{"", box(tesseract::RIL_WORD), {}, it->Confidence(tesseract::RIL_WORD)});
      }
      Word& word = line.words.back();
      std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_SYMBOL));
      if (!text) continue;
      std::string symbol(text.get());
      Box b = box(tesseract::RIL_SYMBOL);
      word.text += symbol;
      for (size_t n = utf8::codepointCount(symbol); n > 0; --n) word.chars.push_back(b);
      confSum += word.confidence;
      ++confChars;
    } while (it->Next(tesseract::RIL_SYMBOL));
    api_->Clear();
    // Lines without any text (a rule, a speck) are dropped.
    std::erase_if(out.lines, [](const Line& l) { return l.words.empty(); });
    out.confidence = confChars ? static_cast<float>(confSum / static_cast<double>(confChars)) : 0;
    if (!heights.empty()) {
      std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
      out.glyph_px = heights[heights.size() / 2];
    }
    return out;
  }

  // A page on its side: Tesseract reads its lines as vertical Chinese text, with a good
  // confidence, in lines taller than wide. Notices are set horizontally.
  static bool mostlyVertical(const PageResult& page) {
    size_t vertical = 0, counted = 0;
    for (const auto& l : page.lines) {
      size_t chars = 0;
      for (const auto& w : l.words) chars += w.chars.size();
      if (chars < 3) continue;
      ++counted;
      if (l.box.y1 - l.box.y0 > 2 * (l.box.x1 - l.box.x0)) ++vertical;
    }
    return counted > 0 && vertical * 2 > counted;
  }

  // Lines set far larger than body text (a masthead's 发文机关标志, a phone photo's close-up) are
  // read badly at the page's resolution: each is read again alone, scaled down to about
  // kGoodGlyphPx, and kept when that reads better. A 发文机关标志 is set in a condensed face
  // (a long name fitted to the type area), which Tesseract reads best widened back towards
  // square characters: each line is also read widened by kWidenings, and the best read kept.
  static constexpr double kWidenings[] = {1.0, 1.5, 2.0};

  void rereadLargeLines(const GrayImage& image, PageResult& page) {
    const double k = image.points_per_pixel;
    for (auto& line : page.lines) {
      const double h = (line.box.y1 - line.box.y0) / k;
      const int f = static_cast<int>(h / kGoodGlyphPx + 0.5);
      if (h < 2.5 * kGoodGlyphPx || f < 2) continue;
      const int margin = static_cast<int>(0.3 * h);
      const int x0 = std::max(0, static_cast<int>(line.box.x0 / k) - margin), y0 = std::max(0, static_cast<int>(line.box.y0 / k) - margin);
      const int x1 = std::min(image.width, static_cast<int>(line.box.x1 / k) + margin);
      const int y1 = std::min(image.height, static_cast<int>(line.box.y1 / k) + margin);
      std::optional<Line> best;
      for (double widen : kWidenings) {
        auto alone = readAlone(image, x0, y0, x1, y1, f, widen);
        if (alone && alone->confidence > (best ? best->confidence : line.confidence)) best = std::move(alone);
      }
      if (best) line = std::move(*best);
    }
  }

  // The part [x0, x1) × [y0, y1) of the image, scaled down by f and widened by `widen`, read as
  // one line; its boxes in the image's points. Nothing when it does not read as one line.
  std::optional<Line> readAlone(const GrayImage& image, int x0, int y0, int x1, int y1, int f, double widen) {
    const double k = image.points_per_pixel;
    GrayImage small;
    small.width = static_cast<int>((x1 - x0) * widen / f);
    small.height = (y1 - y0) / f;
    small.points_per_pixel = k * f;
    if (small.width < 8 || small.height < 8) return std::nullopt;
    small.pixels.resize(static_cast<size_t>(small.width) * small.height);
    const double step = f / widen;  // source columns per column of the small image
    for (int y = 0; y < small.height; ++y) {
      for (int x = 0; x < small.width; ++x) {
        const int c0 = x0 + static_cast<int>(x * step);
        const int c1 = std::max(c0 + 1, std::min(x1, x0 + static_cast<int>((x + 1) * step)));
        int sum = 0;
        for (int dy = 0; dy < f; ++dy) {
          const std::uint8_t* row = &image.pixels[static_cast<size_t>(y0 + y * f + dy) * image.width];
          for (int c = c0; c < c1; ++c) sum += row[c];
        }
        small.pixels[static_cast<size_t>(y) * small.width + x] = static_cast<std::uint8_t>(sum / (f * (c1 - c0)));
      }
    }
    mode_ = tesseract::PSM_SINGLE_LINE;
    PageResult alone = recognise(small, 0);
    mode_ = tesseract::PSM_AUTO;
    if (alone.lines.size() != 1) return std::nullopt;
    // Back to the image's points: x narrowed again, both shifted to the part's origin.
    const double ox = x0 * k, oy = y0 * k;
    auto place = [&](Box& b) { b = Box{ox + b.x0 / widen, oy + b.y0, ox + b.x1 / widen, oy + b.y1}; };
    Line line = std::move(alone.lines.front());
    line.confidence = alone.confidence;
    // Read as one line, a word's box now and then reaches far above and below the line's own.
    auto clip = [&](Box& b) {
      b.y0 = std::max(b.y0, line.box.y0);
      b.y1 = std::min(b.y1, line.box.y1);
    };
    for (auto& w : line.words) {
      clip(w.box);
      place(w.box);
      for (auto& c : w.chars) {
        clip(c);
        place(c);
      }
    }
    place(line.box);
    return line;
  }

  // Display lines too large for Tesseract to find on the whole image: rows of ink found by their
  // profile, each read alone. A row a few pixels tall is a rule (the 版头's red line).
  PageResult readRows(const GrayImage& image) {
    PageResult out;
    out.width = image.width * image.points_per_pixel;
    out.height = image.height * image.points_per_pixel;
    auto inked = [&](int x, int y) { return image.pixels[static_cast<size_t>(y) * image.width + x] < 128; };
    const int minInk = std::max(1, image.width / 500);
    int y = 0;
    while (y < image.height) {
      auto rowInk = [&](int r) {
        int n = 0;
        for (int x = 0; x < image.width; ++x) n += inked(x, r);
        return n;
      };
      if (rowInk(y) < minInk) {
        ++y;
        continue;
      }
      int y1 = y;
      while (y1 < image.height && rowInk(y1) >= minInk) ++y1;
      const int h = y1 - y;
      if (h >= kSmallGlyphPx) {
        int x0 = image.width, x1 = 0;
        for (int r = y; r < y1; ++r) {
          for (int x = 0; x < image.width; ++x) {
            if (inked(x, r)) {
              x0 = std::min(x0, x);
              x1 = std::max(x1, x + 1);
            }
          }
        }
        const int margin = h / 3;
        const int f = std::max(1, static_cast<int>(h / kGoodGlyphPx + 0.5));
        std::optional<Line> best;
        for (double widen : kWidenings) {
          auto line = readAlone(image, std::max(0, x0 - margin), std::max(0, y - margin), std::min(image.width, x1 + margin),
                                std::min(image.height, y1 + margin), f, widen);
          if (line && (!best || line->confidence > best->confidence)) best = std::move(line);
        }
        if (best) out.lines.push_back(std::move(*best));
      }
      y = y1;
    }
    double sum = 0;
    for (const auto& l : out.lines) sum += l.confidence;
    out.confidence = out.lines.empty() ? 0 : static_cast<float>(sum / static_cast<double>(out.lines.size()));
    return out;
  }

  // Degrees clockwise to turn the image upright, by Tesseract's orientation detection; 0 when
  // it cannot tell.
  int orientation(const GrayImage& image) {
    std::string key;
    if (cache::enabled()) {
      key = cache::key(image, cacheContext(dir_, "osd", "orientation"));
      if (auto hit = cache::load(key); hit && hit->is_number_integer()) return hit->get<int>();
    }
    int degrees = detectOrientation(image);
    if (!key.empty()) cache::store(key, degrees);
    return degrees;
  }

  int detectOrientation(const GrayImage& image) {
    if (!osd_) {
      auto api = startApi(dir_, "osd");
      if (!api.ok()) return 0;
      osd_ = std::move(api).value();
      osd_->SetPageSegMode(tesseract::PSM_OSD_ONLY);
    }
    osd_->SetImage(image.pixels.data(), image.width, image.height, 1, image.width);
    osd_->SetSourceResolution(static_cast<int>(72 / image.points_per_pixel + 0.5));
    int degrees = 0;
    float confidence = 0, scriptConfidence = 0;
    const char* script = nullptr;
    bool ok = osd_->DetectOrientationScript(&degrees, &confidence, &script, &scriptConfidence);
    osd_->Clear();
    if (!ok || confidence < 1.0f) return 0;
    // Tesseract gives how far the image is turned clockwise; it is turned back the rest of the way.
    return (360 - (degrees % 360 + 360) % 360) % 360;
  }

  std::string dir_;
  tesseract::PageSegMode mode_ = tesseract::PSM_AUTO;
  Api api_;
  std::optional<Error> error_;
  Api osd_;
};

}  // namespace

Result<std::string> findTessdata() {
  std::vector<fs::path> candidates;
  if (const char* prefix = std::getenv("TESSDATA_PREFIX"); prefix && *prefix) {
    candidates = {fs::path(prefix), fs::path(prefix) / "tessdata"};
  } else {
    candidates = {"/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata",
                  "/usr/share/tessdata", "/usr/local/share/tessdata"};
  }
  for (const auto& dir : candidates) {
    if (hasData(dir, kLanguage)) return dir.string();
  }
  std::string where = std::getenv("TESSDATA_PREFIX") ? "in TESSDATA_PREFIX (" + candidates.front().string() + ")"
                                                      : "in " + candidates.front().string();
  return Error{ErrorCode::kOcrUnavailable, std::string("OCR needs Tesseract's Chinese data (") + kLanguage +
                                               ".traineddata), not found " + where + ": install " + kPackage +
                                               " (apt-get install " + kPackage + "), or set TESSDATA_PREFIX to its folder"};
}

Result<PageResult> recogniseBand(const GrayImage& band) {
  auto dir = findTessdata();
  if (!dir.ok()) return dir.error();
  Reader reader(dir.value());
  PageResult page = reader.readBand(band);
  if (reader.error()) return *reader.error();
  return page;
}

Result<std::vector<PageResult>> recognisePages(int count, int jobs, const std::function<Result<GrayImage>(int, double)>& render) {
  std::vector<PageResult> results(static_cast<size_t>(std::max(count, 0)));
  if (count <= 0) return results;
  auto dir = findTessdata();
  if (!dir.ok()) return dir.error();
  if (jobs <= 0) jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  jobs = std::min(jobs, count);

  std::mutex lock;  // guards render() and firstError
  std::optional<Error> firstError;
  std::atomic<int> next{0};
  auto work = [&]() {
    Reader reader(dir.value());
    auto failed = [&] {
      if (!reader.error()) return false;
      std::lock_guard<std::mutex> g(lock);
      if (!firstError) firstError = *reader.error();
      return true;
    };
    auto imageOf = [&](int i, double scale) -> std::optional<GrayImage> {
      std::lock_guard<std::mutex> g(lock);
      if (firstError) return std::nullopt;
      auto image = render(i, scale);
      if (!image.ok()) {
        firstError = image.error();
        return std::nullopt;
      }
      return std::move(image).value();
    };
    for (int i = next++; i < count; i = next++) {
      auto image = imageOf(i, 1);
      if (!image) return;
      PageResult result = reader.read(*image);
      if (failed()) return;
      if (result.glyph_px > 0 && result.glyph_px < kSmallGlyphPx) {
        auto larger = imageOf(i, std::min(kGoodGlyphPx / result.glyph_px, 4.0));
        if (!larger) return;
        PageResult again = reader.read(*larger);
        if (failed()) return;
        if (again.confidence > result.confidence) result = std::move(again);
      }
      results[static_cast<size_t>(i)] = std::move(result);
    }
  };
  std::vector<std::thread> threads;
  for (int t = 1; t < jobs; ++t) threads.emplace_back(work);
  work();
  for (auto& t : threads) t.join();
  if (firstError) return *firstError;
  return results;
}

}  // namespace notice::ocr
