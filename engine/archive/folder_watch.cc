#include "archive/folder_watch.h"

namespace notice::archive {

std::vector<std::string> FolderWatch::poll(std::vector<FileFailure>* failures) {
  std::vector<std::string> ready;
  std::map<std::string, Signature> pending;
  for (const auto& file : expandPaths({folder_}, skip_, failures)) {
    std::error_code sizeEc, timeEc;
    Signature now{std::filesystem::file_size(file, sizeEc), std::filesystem::last_write_time(file, timeEc)};
    if (sizeEc || timeEc) continue;  // gone again
    auto out = handed_out_.find(file);
    if (out != handed_out_.end() && out->second == now) continue;
    auto before = pending_.find(file);
    if (before != pending_.end() && before->second == now) {
      handed_out_[file] = now;
      ready.push_back(file);
    } else {
      pending[file] = now;
    }
  }
  pending_ = std::move(pending);
  return ready;
}

}  // namespace notice::archive
