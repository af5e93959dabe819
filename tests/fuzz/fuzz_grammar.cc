// Rule files: the bytes replace one of the project's rule files (the first byte picks which) in
// a copy of grammars/, and the grammar loads or is refused with a message naming a file. Never an
// abort, a hang or a crash.
#include <unistd.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <vector>

#include "fuzz_support.h"
#include "grammar/grammar.h"

namespace fs = std::filesystem;

namespace {

struct Copy {
  fs::path dir;
  std::vector<fs::path> files;
};

const Copy& copy() {
  static Copy c = [] {
    Copy out;
    out.dir = fs::temp_directory_path() / ("notice-fuzz-grammar-" + std::to_string(::getpid()));
    fs::remove_all(out.dir);
    fs::copy(NOTICE_SOURCE_DIR "/grammars", out.dir, fs::copy_options::recursive);
    for (const auto& e : fs::directory_iterator(out.dir)) out.files.push_back(e.path());
    std::sort(out.files.begin(), out.files.end());
    return out;
  }();
  return c;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const Copy& c = copy();
  const fs::path& file = c.files[data[0] % c.files.size()];
  std::string original;
  {
    std::ifstream in(file, std::ios::binary);
    original.assign((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  }
  std::ofstream(file, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data + 1),
                                                                static_cast<std::streamsize>(size - 1));
  auto g = notice::Grammar::load(c.dir.string());
  if (!g.ok()) notice::fuzz::require(!g.error().message.empty(), "a refused grammar says why");
  std::ofstream(file, std::ios::binary | std::ios::trunc) << original;
  return 0;
}
