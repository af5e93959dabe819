// Search latency under load (bash bench/archive_pg/run.sh): T threads, each with its own
// connection to the archive, run the queries in turn until the file STOP exists (or for
// --seconds), timing each Archive::search call; prints "searches p50_ms p99_ms".
//
//   archive_search_load ARCHIVE [--threads T] [--stop FILE] [--seconds S]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "archive/archive.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: archive_search_load ARCHIVE [--threads T] [--stop FILE] [--seconds S]\n");
    return 2;
  }
  std::string location = argv[1], stop;
  int threads = 8;
  double seconds = 0;
  for (int i = 2; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--threads") threads = std::atoi(argv[i + 1]);
    else if (a == "--stop") stop = argv[i + 1];
    else if (a == "--seconds") seconds = std::atof(argv[i + 1]);
  }
  // The scale bench's queries: words of 2–4 characters, one character, a phrase, Latin and
  // digits, NOT.
  const std::vector<std::string> queries = {"教育", "民政", "养老", "退役军人", "职业教育", "活动周", "终身学习", "教育厅",
                                            "培训", "通知", "放假", "清明", "交通", "残疾人", "卫生健康", "学前教育",
                                            "表彰", "征求意见", "厅", "2026", "\"职业教育活动周\"", "教育 NOT 民政"};
  std::mutex mutex;
  std::vector<double> ms;
  std::atomic<int> failed{0};
  const auto start = std::chrono::steady_clock::now();
  auto done = [&] {
    if (!stop.empty() && std::filesystem::exists(stop)) return true;
    return seconds > 0 && std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() > seconds;
  };
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      // The archive may not be there yet while the first ingester makes it.
      std::unique_ptr<notice::archive::Archive> a;
      while (!a && !done()) {
        auto opened = notice::archive::openArchive(location, notice::archive::OpenMode::kExisting);
        if (opened.ok()) a = std::move(opened).value();
        else std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
      std::vector<double> mine;
      for (size_t i = static_cast<size_t>(t); a && !done(); ++i) {
        auto t0 = std::chrono::steady_clock::now();
        auto hits = a->search(queries[i % queries.size()], 20, "【", "】", false);
        mine.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
        if (!hits.ok()) {
          if (failed++ == 0) std::fprintf(stderr, "search failed: %s\n", hits.error().message.c_str());
        }
      }
      std::lock_guard<std::mutex> lock(mutex);
      ms.insert(ms.end(), mine.begin(), mine.end());
    });
  }
  for (auto& th : pool) th.join();
  std::sort(ms.begin(), ms.end());
  auto pick = [&](double p) { return ms.empty() ? 0.0 : ms[std::min(ms.size() - 1, static_cast<size_t>(p * ms.size()))]; };
  std::printf("%zu %.1f %.1f %d\n", ms.size(), pick(0.50), pick(0.99), failed.load());
  return failed > 0 ? 1 : 0;
}
