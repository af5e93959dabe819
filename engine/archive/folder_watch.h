// A consume folder: the files that appear in a folder, each handed out once it has stopped
// changing (its size and time the same at two polls in a row, so a file still being copied in
// waits). A file changed after it was handed out is handed out again (the archive tells new
// bytes from old).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "archive/batch_ingest.h"

namespace notice::archive {

class FolderWatch {
 public:
  FolderWatch(std::string folder, std::vector<std::string> skip) : folder_(std::move(folder)), skip_(std::move(skip)) {}

  // The files ready since the last poll; failures to read the folder in `failures`.
  std::vector<std::string> poll(std::vector<FileFailure>* failures);

 private:
  using Signature = std::pair<uintmax_t, std::filesystem::file_time_type>;
  std::string folder_;
  std::vector<std::string> skip_;
  std::map<std::string, Signature> handed_out_, pending_;
};

}  // namespace notice::archive
