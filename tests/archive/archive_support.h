// Shared by the archive tests: a scratch folder, notices made to order, the corpus files.
#pragma once

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>
#include <vector>

#include "archive/sqlite_archive.h"
#include "core/sha256.h"
#include "test_support.h"

namespace notice::archive::testing {

// A folder of its own for one test, removed afterwards.
class ScratchDir {
 public:
  ScratchDir() {
    static std::atomic<int> counter{0};
    path_ = std::filesystem::temp_directory_path() /
            ("notice-archive-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

inline std::unique_ptr<Archive> openOrDie(const std::string& path) {
  auto a = openSqliteArchive(path, OpenMode::kCreate);
  if (!a.ok()) {
    ADD_FAILURE() << a.error().message;
    return nullptr;
  }
  return std::move(a).value();
}

// A notice with the fields the filters read; the bytes it is "from" are `bytes`.
struct Made {
  std::string bytes;
  Notice record;
};

inline Made makeNotice(const std::string& bytes, const std::optional<std::string>& docNumber, const std::string& province,
                       int year, const std::optional<std::string>& issueDate) {
  Made m{bytes, {}};
  Notice& n = m.record;
  n.source = {"made.txt", sha256Hex(bytes), "text", std::nullopt, false, "UTF-8"};
  if (docNumber) n.doc_number = DocNumber{*docNumber, "测", year, 1};
  n.title = province + std::to_string(year) + "年的通知";
  n.doc_type = "通知";
  n.province = province;
  n.year = year;
  n.issue_date = issueDate;
  n.issuers = {province + "教育厅"};
  n.text = bytes;
  return m;
}

// Text exports of the samples and the real web set: files the engine reads quickly.
inline std::vector<std::string> textCorpus() {
  std::vector<std::string> out;
  for (const char* folder : {"corpus/text", "corpus/real/web"}) {
    for (const auto& e : std::filesystem::directory_iterator(notice::testing::sourcePath(folder))) {
      out.push_back(e.path().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace notice::archive::testing
