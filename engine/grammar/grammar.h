// Grammar: the knowledge of 公文 that the engine runs on, loaded from the rule files in
// grammars/ at start-up. C++ holds mechanism; these files hold patterns and word lists.
//
// Two kinds of file:
//   *.re2  lines `name = pattern` (RE2 syntax, UTF-8). `${other}` inside a pattern is replaced
//          by the pattern named `other` earlier in the same file, wrapped in (?:…).
//          A pattern is addressed as "file.name", e.g. "dates.absolute".
//   *.txt  one entry per line (word lists).
//   *.tsv  tab-separated rows (tables such as provinces or agency roles).
// In all of them `#` starts a comment line and blank lines are ignored. A pattern that does
// not compile is an error naming file and line.
//
// A Grammar is immutable once loaded and safe to share between threads.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "core/status.h"

namespace notice {

class Grammar {
 public:
  // Loads every rule file in `dir`. Empty `dir`: $NOTICE_GRAMMARS, else the build's default.
  static Result<std::shared_ptr<const Grammar>> load(const std::string& dir = "");

  // The compiled pattern "file.name". Asking for one that does not exist is a programming
  // error caught by the tests (every name the engine uses is checked at load time).
  const RE2& re(const std::string& name) const;
  bool hasPattern(const std::string& name) const;
  // The pattern text after ${…} expansion (for composing larger patterns in code).
  const std::string& source(const std::string& name) const;

  const std::vector<std::string>& list(const std::string& file) const;  // file without .txt
  const std::vector<std::vector<std::string>>& table(const std::string& file) const;  // without .tsv

  const std::string& directory() const { return dir_; }

 private:
  std::string dir_;
  std::map<std::string, std::unique_ptr<RE2>> patterns_;
  std::map<std::string, std::string> sources_;
  std::map<std::string, std::vector<std::string>> lists_;
  std::map<std::string, std::vector<std::vector<std::string>>> tables_;
};

}  // namespace notice
