// Grammar: the knowledge of 公文 that the engine runs on, loaded from the rule files in
// grammars/ at start-up. C++ holds mechanism; these files hold patterns and word lists.
//
// Three kinds of file:
//   *.re2  lines `name = pattern` (RE2 syntax, UTF-8). `${other}` inside a pattern is replaced
//          by the pattern named `other` earlier in the same file, wrapped in (?:…).
//          A pattern is addressed as "file.name", e.g. "dates.absolute".
//   *.txt  one entry per line (word lists), addressed by the file's name without .txt.
//   *.tsv  tab-separated rows (tables such as provinces or agency roles), likewise.
// In all of them `#` starts a comment line and blank lines are ignored.
//
// Every rule is checked when the grammar loads, and every problem is reported at once, each
// naming its file and line: a pattern that does not compile, an undefined or later-defined
// ${name}, a name defined twice, a line that is not `name = pattern`, a file that is not UTF-8
// or cannot be read, and, for the tables the engine reads (engine/grammar/rules.h), a row with
// the wrong number of cells, an empty required cell or a pattern cell that does not compile.
// The rules the engine asks for by name are listed in engine/grammar/rules.h (how to add one
// is written there); load fails if one of them is missing, so the lookups below cannot miss
// for them. A name that is not there anyway (not registered, a typo) is logged once to stderr
// and never matches — an empty list or table — rather than aborting.
//
// What load reads and compiles: by default every file and pattern, so that a bad one anywhere
// stops the load. A command that needs only some parts of the engine (comparing stored records
// needs the diff's tables) asks for those parts' rules alone (`only_for`: "diff", or
// "diff, archive", as rules.h's used_by names them): only the files holding one of them are
// read; their rules are compiled and checked at load, and any other pattern in those files is
// checked for its form at load (names, ${…}, table cells) and compiled the first time it is
// asked for (one that does not compile then is logged once and never matches). The other files
// must be there, but are not read: their rules are absent.
//
// A Grammar is immutable once loaded (patterns compiled on first use, once, under a lock) and
// safe to share between threads.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include <re2/re2.h>

#include "core/status.h"

namespace notice {

class Grammar {
 public:
  // Loads every rule file in `dir`. Empty `dir`: the folder defaultGrammarLocation() finds
  // ($NOTICE_GRAMMARS, else the installed one beside the program, else the source tree's).
  // The error lists every problem found, one a line, each starting with `file:line:`.
  static Result<std::shared_ptr<const Grammar>> load(const std::string& dir = "", const std::string& only_for = "");

  // The compiled pattern "file.name"; one that never matches (logged) when there is none.
  const RE2& re(const std::string& name) const;
  bool hasPattern(const std::string& name) const;
  // The pattern text after ${…} expansion (for composing larger patterns in code); one that
  // never matches (logged) when there is none.
  const std::string& source(const std::string& name) const;

  // A word list (file without .txt) and a table (file without .tsv); empty (logged) when the
  // file is not there.
  const std::vector<std::string>& list(const std::string& file) const;
  const std::vector<std::vector<std::string>>& table(const std::string& file) const;
  // The compiled pattern of a cell in a pattern column (`:re2` in rules.h) of a registered
  // table, shared so that it outlives the Grammar; null for any other cell.
  std::shared_ptr<const RE2> tablePattern(const std::string& file, size_t row, size_t column) const;

  const std::string& directory() const { return dir_; }

  // The names asked for that the grammar lacks, in the order first asked (for tests).
  std::vector<std::string> missedLookups() const;

 private:
  friend class GrammarLoader;  // grammar.cc: fills a Grammar from a folder
  void missed(const std::string& what, const std::string& name) const;

  // A pattern after ${…} expansion, compiled at load or on first use.
  struct Pattern {
    std::string source;
    mutable std::once_flag compiled;
    mutable std::unique_ptr<RE2> re;
  };
  // The pattern cells of a registered table: those checked at load by compiling them (not those
  // of literal text) are kept; the others are compiled on first use.
  struct TablePatterns {
    std::vector<size_t> columns;  // the `:re2` columns
    mutable std::mutex mutex;     // guards the two below
    mutable std::vector<std::vector<std::shared_ptr<const RE2>>> cells;  // [row][column]
    mutable std::set<std::pair<size_t, size_t>> failed;                   // cells that do not compile
  };
  void notCompiled(const std::string& what, const std::string& error) const;

  std::string dir_;
  std::map<std::string, std::unique_ptr<Pattern>> patterns_;
  std::map<std::string, std::vector<std::string>> lists_;
  std::map<std::string, std::vector<std::vector<std::string>>> tables_;
  std::map<std::string, std::unique_ptr<TablePatterns>> table_patterns_;

  mutable std::mutex missed_mutex_;
  mutable std::vector<std::string> missed_;
};

}  // namespace notice
