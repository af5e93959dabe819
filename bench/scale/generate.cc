// Makes N notices for the scale bench from the corpus' text exports (corpus/text,
// corpus/real/web), as text and as PDF: each the i-th variant of a template (templates in turn;
// years 2008–2026 in turn; a 发文字号 serial unique within its year; a province, dates,
// contact names and phone numbers drawn from a generator seeded by --seed and i), so that every
// output is a different notice with different bytes, and the same command makes the same files.
//
//   scale_generate -n N -o DIR [--seed S] [--corpus DIR] [--text-only | --pdf-only]
//   → DIR/txt/NNNNN-TEMPLATE.txt, DIR/pdf/NNNNN-TEMPLATE.pdf
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "typeset.h"
#include "vary.h"

namespace fs = std::filesystem;
using notice::scale::Variation;

namespace {

struct Template {
  std::string name, text;
};

std::vector<Template> loadTemplates(const fs::path& corpus) {
  std::vector<Template> out;
  for (const char* folder : {"text", "real/web"}) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(corpus / folder, ec)) {
      if (entry.path().extension() != ".txt") continue;
      std::ifstream in(entry.path(), std::ios::binary);
      out.push_back({entry.path().stem().string(), std::string(std::istreambuf_iterator<char>(in), {})});
    }
  }
  std::sort(out.begin(), out.end(), [](const Template& a, const Template& b) { return a.name < b.name; });
  return out;
}

bool writeFile(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
  return static_cast<bool>(out);
}

int usage() {
  std::fprintf(stderr, "usage: scale_generate -n N -o DIR [--seed S] [--corpus DIR] [--text-only | --pdf-only]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  long count = -1;
  unsigned long long seed = 1;
  fs::path outDir, corpus = fs::path(NOTICE_SOURCE_DIR) / "corpus";
  bool text = true, pdf = true;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    bool hasValue = i + 1 < argc;
    if (arg == "-n" && hasValue) count = std::atol(argv[++i]);
    else if (arg == "-o" && hasValue) outDir = argv[++i];
    else if (arg == "--seed" && hasValue) seed = std::strtoull(argv[++i], nullptr, 10);
    else if (arg == "--corpus" && hasValue) corpus = argv[++i];
    else if (arg == "--text-only") pdf = false;
    else if (arg == "--pdf-only") text = false;
    else return usage();
  }
  if (count < 0 || outDir.empty()) return usage();
  auto templates = loadTemplates(corpus);
  if (templates.empty()) {
    std::fprintf(stderr, "scale_generate: no templates (*.txt) under %s/text or %s/real/web\n", corpus.c_str(), corpus.c_str());
    return 1;
  }
  std::error_code ec;
  if (text) fs::create_directories(outDir / "txt", ec);
  if (pdf && !ec) fs::create_directories(outDir / "pdf", ec);
  if (ec) {
    std::fprintf(stderr, "scale_generate: cannot create %s: %s\n", outDir.c_str(), ec.message().c_str());
    return 1;
  }
  constexpr int kFirstYear = 2008, kYears = 19;
  const auto& provinces = notice::scale::provinces();
  unsigned long long textBytes = 0, pdfBytes = 0;
  size_t t = templates.size();
  for (long i = 0; i < count; ++i) {
    size_t index = static_cast<size_t>(i);
    const Template& tpl = templates[index % t];
    std::mt19937_64 rng(seed * 1000003ULL + index);
    // Years in turn and serials counting up within a year: no two variants share a 发文字号.
    Variation variation{kFirstYear + static_cast<int>(index % kYears), 1 + static_cast<int>(index / kYears),
                        provinces[rng() % provinces.size()]};
    std::string body = notice::scale::vary(tpl.text, variation, rng);
    char stem[32];
    std::snprintf(stem, sizeof stem, "%05ld-", i);
    std::string name = stem + tpl.name;
    bool ok = true;
    if (text) ok = writeFile(outDir / "txt" / (name + ".txt"), body), textBytes += body.size();
    if (pdf && ok) {
      std::string bytes = notice::scale::typesetPdf(body);
      ok = writeFile(outDir / "pdf" / (name + ".pdf"), bytes);
      pdfBytes += bytes.size();
    }
    if (!ok) {
      std::fprintf(stderr, "scale_generate: cannot write %s under %s\n", name.c_str(), outDir.c_str());
      return 1;
    }
  }
  std::printf("%ld notices from %zu templates in %s (text %.1f MiB, PDF %.1f MiB)\n", count, t, outDir.c_str(),
              static_cast<double>(textBytes) / 1048576, static_cast<double>(pdfBytes) / 1048576);
  return 0;
}
