// Duplicate notices in an archive or a batch: the same file (same SHA-256 of its bytes), or the
// same notice in another file (same 发文字号; a PDF and its text export, say).
#pragma once

#include <map>
#include <optional>
#include <string>

#include "model/notice_record.h"

namespace notice {

struct Duplicate {
  enum class Kind { kSameFile, kSameDocNumber } kind;
  std::string other;  // the name the first one was added under
};

class DuplicateIndex {
 public:
  // Records `record` under `name`; returns what it duplicates, if anything.
  std::optional<Duplicate> add(const Notice& record, const std::string& name);

 private:
  std::map<std::string, std::string> bySha256_;
  std::map<std::string, std::string> byDocNumber_;
};

}  // namespace notice
