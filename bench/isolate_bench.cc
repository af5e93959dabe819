// The cost of reading each input in a child process (isolate/): every file given is parsed
// in this process and through an IsolatedParser, `--rounds N` times each, interleaved, and the
// median of each printed with the difference. `isolate_bench [--rounds N] FILE...`
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "isolate/isolated_parser.h"

int main(int argc, char** argv) {
  using namespace notice;
  int rounds = 5;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--rounds" && i + 1 < argc) rounds = std::atoi(argv[++i]);
    else files.push_back(a);
  }
  auto engine = Engine::create();
  if (!engine.ok()) {
    std::fprintf(stderr, "%s\n", engine.error().message.c_str());
    return 1;
  }
  auto parser = isolate::IsolatedParser::start(engine.value(), {});
  if (!parser.ok()) return 1;
  auto median = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  };
  double inTotal = 0, childTotal = 0;
  std::printf("%-48s %10s %10s %10s\n", "file", "in ms", "child ms", "+ms");
  for (const auto& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<double> direct, child;
    bool ok = true;
    for (int r = 0; r < rounds; ++r) {
      auto t0 = std::chrono::steady_clock::now();
      ok &= engine.value().parseBytes(bytes, file, {}).ok();
      auto t1 = std::chrono::steady_clock::now();
      ok &= parser.value()->parseBytes(bytes, file, {}).ok();
      auto t2 = std::chrono::steady_clock::now();
      direct.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
      child.push_back(std::chrono::duration<double, std::milli>(t2 - t1).count());
    }
    double d = median(direct), c = median(child);
    inTotal += d;
    childTotal += c;
    std::string name = file.size() > 48 ? "…" + file.substr(file.size() - 46) : file;
    std::printf("%-48s %10.1f %10.1f %+10.1f%s\n", name.c_str(), d, c, c - d, ok ? "" : "  (refused)");
  }
  std::printf("%-48s %10.1f %10.1f %+10.1f  (%+.0f %%)\n", "all", inTotal, childTotal, childTotal - inTotal,
              inTotal > 0 ? 100 * (childTotal - inTotal) / inTotal : 0);
  return 0;
}
