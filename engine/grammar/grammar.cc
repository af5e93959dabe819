#include "grammar/grammar.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <algorithm>
#include <cstdio>

namespace notice {
namespace {

namespace fs = std::filesystem;

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

// Replaces ${name} with (?:pattern-of-name) from `defined`; unknown names are an error.
bool expand(const std::string& in, const std::map<std::string, std::string>& defined,
            std::string* out, std::string* unknown) {
  out->clear();
  size_t i = 0;
  while (i < in.size()) {
    if (in.compare(i, 2, "${") == 0) {
      size_t close = in.find('}', i);
      if (close == std::string::npos) { *unknown = in.substr(i); return false; }
      std::string name = in.substr(i + 2, close - i - 2);
      auto it = defined.find(name);
      if (it == defined.end()) { *unknown = name; return false; }
      *out += "(?:" + it->second + ")";
      i = close + 1;
    } else {
      *out += in[i++];
    }
  }
  return true;
}

}  // namespace

Result<std::shared_ptr<const Grammar>> Grammar::load(const std::string& requested) {
  std::string dir = requested;
  if (dir.empty()) {
    const char* env = std::getenv("NOTICE_GRAMMARS");
    dir = env && *env ? env : NOTICE_GRAMMAR_DIR;
  }
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return Error{ErrorCode::kBadGrammar, "grammar folder not found: " + dir +
                                             " (set NOTICE_GRAMMARS or pass --grammars)"};
  }
  auto g = std::make_shared<Grammar>();
  g->dir_ = dir;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& path : files) {
    std::string ext = path.extension().string();
    std::string stem = path.stem().string();
    if (ext != ".re2" && ext != ".txt" && ext != ".tsv") continue;
    std::ifstream in(path);
    if (!in) return Error{ErrorCode::kBadGrammar, "cannot read " + path.string()};
    std::map<std::string, std::string> local;
    auto& list = g->lists_[stem];
    auto& table = g->tables_[stem];
    std::string raw;
    int lineno = 0;
    while (std::getline(in, raw)) {
      ++lineno;
      if (!raw.empty() && raw.back() == '\r') raw.pop_back();
      std::string line = ext == ".tsv" ? raw : trim(raw);
      if (trim(line).empty() || trim(line)[0] == '#') continue;
      std::string where = path.filename().string() + ":" + std::to_string(lineno);
      if (ext == ".txt") {
        list.push_back(line);
      } else if (ext == ".tsv") {
        std::vector<std::string> row;
        std::stringstream ss(line);
        std::string cell;
        while (std::getline(ss, cell, '\t')) row.push_back(trim(cell));
        table.push_back(std::move(row));
      } else {
        size_t eq = line.find(" = ");
        if (eq == std::string::npos) {
          return Error{ErrorCode::kBadGrammar, where + ": expected `name = pattern`"};
        }
        std::string name = trim(line.substr(0, eq));
        std::string pattern, unknown;
        if (!expand(trim(line.substr(eq + 3)), local, &pattern, &unknown)) {
          return Error{ErrorCode::kBadGrammar, where + ": unknown reference ${" + unknown + "}"};
        }
        auto re = std::make_unique<RE2>(pattern, RE2::Quiet);
        if (!re->ok()) {
          return Error{ErrorCode::kBadGrammar, where + ": bad pattern `" + name + "`: " + re->error()};
        }
        local[name] = pattern;
        std::string key = stem + "." + name;
        g->sources_[key] = pattern;
        g->patterns_[key] = std::move(re);
      }
    }
  }
  return std::shared_ptr<const Grammar>(std::move(g));
}

const RE2& Grammar::re(const std::string& name) const {
  auto it = patterns_.find(name);
  if (it == patterns_.end()) {
    std::fprintf(stderr, "notice: grammar pattern %s is missing in %s\n", name.c_str(), dir_.c_str());
    std::abort();  // a programming error: tests load every name the engine uses
  }
  return *it->second;
}

bool Grammar::hasPattern(const std::string& name) const { return patterns_.count(name) > 0; }

const std::string& Grammar::source(const std::string& name) const {
  static const std::string empty;
  auto it = sources_.find(name);
  return it == sources_.end() ? empty : it->second;
}

const std::vector<std::string>& Grammar::list(const std::string& file) const {
  static const std::vector<std::string> empty;
  auto it = lists_.find(file);
  return it == lists_.end() ? empty : it->second;
}

const std::vector<std::vector<std::string>>& Grammar::table(const std::string& file) const {
  static const std::vector<std::vector<std::string>> empty;
  auto it = tables_.find(file);
  return it == tables_.end() ? empty : it->second;
}

}  // namespace notice
