#include "grammar/grammar.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <optional>
#include <string_view>
#include <utility>

#include <dirent.h>
#include <sys/stat.h>

#include "core/read_all.h"
#include "grammar/grammar_location.h"
#include "grammar/literal_pattern.h"
#include "grammar/rules.h"

namespace notice {
namespace {

namespace fs = std::filesystem;

// Reported at most this many problems; a folder with more has one cause worth fixing first.
constexpr size_t kMaxProblems = 40;

std::string trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}

// A file name's stem and extension, as std::filesystem::path has them (".hidden" has none).
std::pair<std::string, std::string> nameParts(const std::string& filename) {
  const size_t dot = filename.rfind('.');
  if (dot == std::string::npos || dot == 0) return {filename, ""};
  return {filename.substr(0, dot), filename.substr(dot)};
}

// The names of the entries of a folder, into `names`; what went wrong, if it could not be read.
// (std::filesystem builds a path and an entry for each: listing the rule folder cost a diff
// more than reading the two files it needs.)
std::optional<std::string> listFolder(const std::string& dir, std::vector<std::string>& names) {
  DIR* folder = ::opendir(dir.c_str());
  if (folder == nullptr) return std::string(std::strerror(errno));
  errno = 0;
  while (const dirent* entry = ::readdir(folder)) {
    if (std::strcmp(entry->d_name, ".") != 0 && std::strcmp(entry->d_name, "..") != 0) names.emplace_back(entry->d_name);
  }
  const int err = errno;
  ::closedir(folder);
  if (err != 0) return std::string(std::strerror(err));
  return std::nullopt;
}

bool validUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size() || (n == 2 && c < 0xC2)) return false;
    for (size_t k = 1; k < n; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    if (n == 3) {
      unsigned char d = static_cast<unsigned char>(s[i + 1]);
      if ((c == 0xE0 && d < 0xA0) || (c == 0xED && d >= 0xA0)) return false;  // overlong, surrogate
    }
    if (n == 4) {
      unsigned char d = static_cast<unsigned char>(s[i + 1]);
      if ((c == 0xF0 && d < 0x90) || c > 0xF4 || (c == 0xF4 && d >= 0x90)) return false;
    }
    i += n;
  }
  return true;
}

bool validName(const std::string& name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) return false;
  return std::all_of(name.begin(), name.end(),
                     [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

// No character is outside [\x00-\x{10FFFF}]: the stand-in for a pattern that is not there.
constexpr const char* kNeverMatches = "[^\\x00-\\x{10FFFF}]";

const RE2& neverMatches() {
  static const RE2 re(kNeverMatches);
  return re;
}

struct Column {
  std::string name;
  bool pattern = false;
  bool optional = false;
};

// "role pattern:re2", "name short bare?" (rules.h).
std::vector<Column> parseColumns(std::string_view spec) {
  std::vector<Column> columns;
  size_t i = 0;
  while (i < spec.size()) {
    if (spec[i] == ' ') { ++i; continue; }
    size_t end = spec.find(' ', i);
    if (end == std::string_view::npos) end = spec.size();
    std::string word(spec.substr(i, end - i));
    Column c;
    if (!word.empty() && word.back() == '?') { c.optional = true; word.pop_back(); }
    if (word.size() > 4 && word.compare(word.size() - 4, 4, ":re2") == 0) {
      c.pattern = true;
      word.resize(word.size() - 4);
    }
    c.name = word;
    columns.push_back(c);
    i = end;
  }
  return columns;
}

std::string columnNames(const std::vector<Column>& columns) {
  std::string out;
  for (const auto& c : columns) {
    if (!out.empty()) out += ", ";
    out += c.optional ? "[" + c.name + "]" : c.name;
  }
  return out;
}

// Splits at TABs, trims each cell, drops empty cells at the end (a stray TAB is invisible).
std::vector<std::string> cellsOf(std::string_view line) {
  std::vector<std::string> cells;
  size_t i = 0;
  while (true) {
    size_t tab = line.find('\t', i);
    cells.push_back(trim(line.substr(i, tab == std::string_view::npos ? std::string_view::npos : tab - i)));
    if (tab == std::string_view::npos) break;
    i = tab + 1;
  }
  while (!cells.empty() && cells.back().empty()) cells.pop_back();
  return cells;
}

// One line of a rule file worth reading (not blank, not a comment).
struct Line {
  int number;
  std::string text;  // \r and a UTF-8 byte-order mark removed; not trimmed
};

struct Problems {
  std::vector<std::string> lines;
  size_t dropped = 0;
  void add(std::string line) {
    if (lines.size() < kMaxProblems) lines.push_back(std::move(line)); else ++dropped;
  }
};

const rules::Table* registeredTable(const std::string& name) {
  for (const auto& t : rules::kTables) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

std::string joinNames(const std::vector<std::string>& names, size_t most) {
  std::string out;
  for (size_t i = 0; i < names.size() && i < most; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > most) out += ", …";
  return out;
}

}  // namespace

// Reads a folder of rule files into a Grammar, noting every problem instead of stopping at one.
class GrammarLoader {
 public:
  GrammarLoader(Grammar& g, std::string dir, const std::string& onlyFor) : g_(g), dir_(std::move(dir)) {
    for (size_t from = 0; from < onlyFor.size();) {
      size_t comma = std::min(onlyFor.find(',', from), onlyFor.size());
      if (std::string part = trim(onlyFor.substr(from, comma - from)); !part.empty()) parts_.insert(part);
      from = comma + 1;
    }
    for (const auto& p : rules::kPatterns) {
      if (compiledAtLoad(p.used_by)) neededFiles_.insert(std::string(p.name.substr(0, p.name.find('.'))) + ".re2");
    }
    for (const auto& l : rules::kLists) {
      if (compiledAtLoad(l.used_by)) neededFiles_.insert(std::string(l.name) + ".txt");
    }
    for (const auto& t : rules::kTables) {
      if (compiledAtLoad(t.used_by)) neededFiles_.insert(std::string(t.name) + ".tsv");
    }
  }

  void readFile(const std::string& filename);
  void checkRegistry();
  const Problems& problems() const { return problems_; }

 private:
  std::string shown(const std::string& filename) const {
    return dir_.empty() || dir_.back() == '/' ? dir_ + filename : dir_ + '/' + filename;
  }
  std::string at(const std::string& filename, int line) const {
    return shown(filename) + ":" + std::to_string(line) + ": ";
  }
  void readList(const std::string& stem, const std::vector<Line>& lines);
  void readTable(const std::string& stem, const std::string& filename, const std::vector<Line>& lines);
  void readPatterns(const std::string& stem, const std::string& filename, const std::vector<Line>& lines);
  bool present(const std::string& filename) const {
    auto it = fileOfStem_.find(nameParts(filename).first);
    return it != fileOfStem_.end() && it->second == filename;
  }

  // Whether a rule is compiled (and so checked) at load: all of them, or those registered for
  // the parts of the engine asked for.
  bool compiledAtLoad(std::string_view usedBy) const {
    if (parts_.empty()) return true;
    for (size_t from = 0; from < usedBy.size();) {
      size_t comma = usedBy.find(',', from);
      if (comma == std::string_view::npos) comma = usedBy.size();
      if (parts_.count(trim(usedBy.substr(from, comma - from)))) return true;
      from = comma + 1;
    }
    return false;
  }
  bool patternCompiledAtLoad(const std::string& key) const {
    for (const auto& p : rules::kPatterns) {
      if (p.name == key) return compiledAtLoad(p.used_by);
    }
    return parts_.empty();
  }

  Grammar& g_;
  std::string dir_;
  std::set<std::string> parts_;        // the parts of the engine asked for; empty: all
  std::set<std::string> neededFiles_;  // the files holding their rules
  std::set<std::string> notRead_;      // files of other parts' rules only, left unread
  Problems problems_;
  std::map<std::string, std::string> fileOfStem_;  // "structure" → "structure.re2"
  std::set<std::string> unreadable_;               // files that did not load at all (reported)
  std::set<std::string> broken_;                   // "file.name" of patterns reported already
};

void GrammarLoader::readFile(const std::string& filename) {
  const auto [stem, ext] = nameParts(filename);
  const std::string path = shown(filename);
  if (ext != ".re2" && ext != ".txt" && ext != ".tsv") return;
  if (stem.empty() || stem[0] == '.') return;  // editor lock and swap files
  if (auto [other, fresh] = fileOfStem_.emplace(stem, filename); !fresh) {
    problems_.add(shown(filename) + ": the name '" + stem + "' is taken by " + other->second +
                  " already; give each rule file its own name");
    unreadable_.insert(filename);
    return;
  }
  if (!parts_.empty() && !neededFiles_.count(filename)) {  // none of the rules asked for
    notRead_.insert(filename);
    return;
  }
  struct stat st {};
  const bool exists = ::stat(path.c_str(), &st) == 0;  // follows links, as opening does
  if (!exists || !S_ISREG(st.st_mode)) {
    problems_.add(path + ": cannot read: " + (exists ? "not a regular file" : "no such file (a broken link?)"));
    unreadable_.insert(filename);
    return;
  }
  std::string content;
  content.reserve(static_cast<size_t>(st.st_size) + 1);  // and a byte to see the end by
  if (auto failed = readAll(path, content)) {
    problems_.add(path + ": cannot read: " + *failed);
    unreadable_.insert(filename);
    return;
  }
  if (content.compare(0, 3, "\xEF\xBB\xBF") == 0) content.erase(0, 3);

  std::vector<Line> lines;
  int number = 0;
  for (size_t from = 0; from < content.size();) {
    size_t nl = content.find('\n', from);
    if (nl == std::string::npos) nl = content.size();
    std::string text = content.substr(from, nl - from);
    from = nl + 1;
    ++number;
    if (!text.empty() && text.back() == '\r') text.pop_back();
    std::string t = trim(text);
    if (t.empty() || t[0] == '#') continue;
    if (!validUtf8(text)) {
      problems_.add(at(filename, number) + "not UTF-8 text (save the file as UTF-8)");
      continue;
    }
    lines.push_back(Line{number, std::move(text)});
  }
  if (ext == ".txt") {
    readList(stem, lines);
  } else if (ext == ".tsv") {
    readTable(stem, filename, lines);
  } else {
    readPatterns(stem, filename, lines);
  }
}

void GrammarLoader::readList(const std::string& stem, const std::vector<Line>& lines) {
  auto& list = g_.lists_[stem];
  for (const auto& l : lines) list.push_back(trim(l.text));
}

// A table the engine reads (rules.h) is checked row by row against its columns; any other is
// kept as written.
void GrammarLoader::readTable(const std::string& stem, const std::string& filename, const std::vector<Line>& lines) {
  auto& table = g_.tables_[stem];
  const rules::Table* spec = registeredTable(stem);
  if (!spec) {
    for (const auto& l : lines) table.push_back(cellsOf(l.text));
    return;
  }
  const std::vector<Column> columns = parseColumns(spec->columns);
  auto& compiled = *(g_.table_patterns_[stem] = std::make_unique<Grammar::TablePatterns>());
  for (size_t c = 0; c < columns.size(); ++c) {
    if (columns[c].pattern) compiled.columns.push_back(c);
  }
  const bool now = compiledAtLoad(spec->used_by);
  size_t required = 0;
  for (size_t c = 0; c < columns.size(); ++c) {
    if (!columns[c].optional) required = c + 1;
  }
  const std::string expected = required == columns.size()
                                   ? std::to_string(required)
                                   : std::to_string(required) + " to " + std::to_string(columns.size());
  for (const auto& l : lines) {
    std::vector<std::string> row = cellsOf(l.text);
    if (row.size() < required || row.size() > columns.size()) {
      std::string hint = row.size() < required && l.text.find("  ") != std::string::npos
                             ? "; cells are separated by one TAB, not spaces"
                             : "";
      problems_.add(at(filename, l.number) + std::to_string(row.size()) + (row.size() == 1 ? " cell" : " cells") +
                    ", expected " + expected + " (" + columnNames(columns) + ")" + hint);
      continue;
    }
    bool ok = true;
    std::vector<std::shared_ptr<const RE2>> patterns(row.size());
    for (size_t c = 0; c < row.size(); ++c) {
      const Column& column = columns[c];
      auto which = [&] { return "column " + std::to_string(c + 1) + " (" + column.name + ")"; };
      if (row[c].empty()) {
        if (!column.optional) {
          problems_.add(at(filename, l.number) + "empty " + which());
          ok = false;
        }
        continue;
      }
      // Literal text is a pattern as written; it is compiled only if asked for (tablePattern).
      if (!column.pattern || !now || isLiteralAlternatives(row[c])) continue;
      auto re = std::make_shared<const RE2>(row[c], RE2::Quiet);
      if (!re->ok()) {
        problems_.add(at(filename, l.number) + "bad pattern in " + which() + ": " + re->error());
        ok = false;
        continue;
      }
      patterns[c] = std::move(re);
    }
    if (!ok) continue;
    table.push_back(std::move(row));
    compiled.cells.push_back(std::move(patterns));
  }
}

void GrammarLoader::readPatterns(const std::string& stem, const std::string& filename, const std::vector<Line>& lines) {
  // First every definition, so that a reference to a name defined further down, or a name
  // defined twice, is reported as such.
  struct Definition {
    int line;
    std::string name;
    std::string pattern;
  };
  std::vector<Definition> defs;
  std::map<std::string, int> lineOf;
  for (const auto& l : lines) {
    std::string text = trim(l.text);
    size_t eq = text.find(" = ");
    if (eq == std::string::npos) {
      problems_.add(at(filename, l.number) + "expected `name = pattern` (a space on each side of =)");
      continue;
    }
    std::string name = trim(text.substr(0, eq));
    if (!validName(name)) {
      problems_.add(at(filename, l.number) + "bad rule name `" + name + "`: letters, digits and _ only");
      continue;
    }
    if (auto [first, fresh] = lineOf.emplace(name, l.number); !fresh) {
      problems_.add(at(filename, l.number) + "duplicate rule '" + name + "' (first defined at line " +
                    std::to_string(first->second) + ")");
      continue;
    }
    defs.push_back(Definition{l.number, name, trim(text.substr(eq + 3))});
  }

  std::map<std::string, std::string> local;  // name → expanded pattern, for the ones defined so far
  for (const auto& d : defs) {
    const std::string key = stem + "." + d.name;
    std::string pattern, problem;
    bool quiet = false;  // it refers to a pattern whose problem is reported already
    for (size_t i = 0; i < d.pattern.size() && problem.empty() && !quiet;) {
      if (d.pattern.compare(i, 2, "${") != 0) {
        pattern += d.pattern[i++];
        continue;
      }
      size_t close = d.pattern.find('}', i);
      if (close == std::string::npos) {
        problem = "unclosed ${ in `" + d.name + "`";
        break;
      }
      std::string ref = d.pattern.substr(i + 2, close - i - 2);
      if (auto it = local.find(ref); it != local.end()) {
        pattern += "(?:" + it->second + ")";
        i = close + 1;
      } else if (broken_.count(stem + "." + ref)) {
        quiet = true;
      } else if (ref == d.name) {
        problem = "`" + d.name + "` refers to itself (${" + ref + "})";
      } else if (auto later = lineOf.find(ref); later != lineOf.end()) {
        problem = "${" + ref + "} in `" + d.name + "` is defined later, at line " + std::to_string(later->second) +
                  ": define a pattern before the ones that use it";
      } else {
        problem = "undefined ${" + ref + "} in `" + d.name + "` (a ${…} names a pattern defined earlier in " +
                  filename + ")";
      }
    }
    if (problem.empty() && !quiet) {
      auto entry = std::make_unique<Grammar::Pattern>();
      if (patternCompiledAtLoad(key)) {
        entry->re = std::make_unique<RE2>(pattern, RE2::Quiet);
        std::call_once(entry->compiled, [] {});
      }
      if (!entry->re || entry->re->ok()) {
        local[d.name] = pattern;
        entry->source = std::move(pattern);
        g_.patterns_[key] = std::move(entry);
        continue;
      }
      problem = "bad pattern `" + d.name + "`: " + entry->re->error();
    }
    if (!quiet) problems_.add(at(filename, d.line) + problem);
    broken_.insert(key);
  }
}

// Every rule the engine asks for (rules.h) is there; a file missing altogether is one problem,
// not one per rule.
void GrammarLoader::checkRegistry() {
  std::map<std::string, std::vector<std::string>> rulesOfMissingFile;
  std::map<std::string, std::set<std::string>> usersOfMissingFile;
  for (const auto& p : rules::kPatterns) {
    const size_t dot = p.name.find('.');
    const std::string filename = std::string(p.name.substr(0, dot)) + ".re2";
    if (unreadable_.count(filename) || notRead_.count(filename)) continue;  // first: most, for a diff
    const std::string key(p.name);
    if (g_.patterns_.count(key) || broken_.count(key)) continue;
    if (present(filename)) {
      problems_.add(shown(filename) + ": missing rule '" + key.substr(dot + 1) + "' (used by " +
                    std::string(p.used_by) + ")");
    } else {
      rulesOfMissingFile[filename].push_back(key.substr(dot + 1));
      usersOfMissingFile[filename].insert(std::string(p.used_by));
    }
  }
  for (const auto& [filename, names] : rulesOfMissingFile) {
    std::string users;
    for (const auto& u : usersOfMissingFile[filename]) users += (users.empty() ? "" : "; ") + u;
    problems_.add(shown(filename) + ": missing file: the engine uses " + std::to_string(names.size()) +
                  (names.size() == 1 ? " rule" : " rules") + " of it (" + joinNames(names, 4) + "), in " + users);
  }
  auto requireFile = [&](std::string_view name, const char* ext, const char* what, std::string_view usedBy) {
    const std::string filename = std::string(name) + ext;
    if (present(filename) || unreadable_.count(filename)) return;
    problems_.add(shown(filename) + ": missing file: the " + what + " '" + std::string(name) + "' (used by " +
                  std::string(usedBy) + ")");
  };
  for (const auto& l : rules::kLists) requireFile(l.name, ".txt", "word list", l.used_by);
  for (const auto& t : rules::kTables) requireFile(t.name, ".tsv", "table", t.used_by);
}

Result<std::shared_ptr<const Grammar>> Grammar::load(const std::string& requested, const std::string& only_for) {
  std::string dir = requested, from;
  if (dir.empty()) {
    auto found = defaultGrammarLocation();
    if (!found.ok()) return found.error();
    dir = found.value().dir;
    if (found.value().origin == "NOTICE_GRAMMARS") from = " (from NOTICE_GRAMMARS)";
  }
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    bool exists = fs::exists(dir, ec);
    return Error{ErrorCode::kBadGrammar, (exists ? "the grammar folder is a file, not a folder: " : "grammar folder not found: ") +
                                             dir + from};
  }
  std::vector<std::string> files;
  if (auto failed = listFolder(dir, files)) {
    return Error{ErrorCode::kBadGrammar, "cannot list the grammar folder " + dir + ": " + *failed};
  }
  std::sort(files.begin(), files.end());

  auto g = std::make_shared<Grammar>();
  g->dir_ = dir;
  GrammarLoader loader(*g, dir, only_for);
  for (const auto& path : files) loader.readFile(path);
  loader.checkRegistry();
  const Problems& problems = loader.problems();
  if (!problems.lines.empty()) {
    std::string message;
    for (const auto& line : problems.lines) message += (message.empty() ? "" : "\n") + line;
    if (problems.dropped) message += "\n… and " + std::to_string(problems.dropped) + " more";
    return Error{ErrorCode::kBadGrammar, message};
  }
  return std::shared_ptr<const Grammar>(std::move(g));
}

void Grammar::missed(const std::string& what, const std::string& name) const {
  std::lock_guard<std::mutex> lock(missed_mutex_);
  if (std::find(missed_.begin(), missed_.end(), name) != missed_.end()) return;
  missed_.push_back(name);
  std::fprintf(stderr,
               "notice: the grammar in %s has no %s '%s' (a name missing from engine/grammar/rules.h?); "
               "it is treated as %s\n",
               dir_.c_str(), what.c_str(), name.c_str(), what == "pattern" ? "never matching" : "empty");
}

void Grammar::notCompiled(const std::string& what, const std::string& error) const {
  std::lock_guard<std::mutex> lock(missed_mutex_);
  std::fprintf(stderr, "notice: the grammar in %s: %s does not compile (%s); it never matches\n", dir_.c_str(),
               what.c_str(), error.c_str());
}

std::vector<std::string> Grammar::missedLookups() const {
  std::lock_guard<std::mutex> lock(missed_mutex_);
  return missed_;
}

const RE2& Grammar::re(const std::string& name) const {
  auto it = patterns_.find(name);
  if (it == patterns_.end()) {
    missed("pattern", name);
    return neverMatches();
  }
  const Pattern& p = *it->second;
  std::call_once(p.compiled, [&] {
    p.re = std::make_unique<RE2>(p.source, RE2::Quiet);
    if (!p.re->ok()) notCompiled("the pattern " + name, p.re->error());
  });
  return p.re->ok() ? *p.re : neverMatches();
}

bool Grammar::hasPattern(const std::string& name) const { return patterns_.count(name) > 0; }

const std::string& Grammar::source(const std::string& name) const {
  static const std::string never = kNeverMatches;
  auto it = patterns_.find(name);
  if (it != patterns_.end()) return it->second->source;
  missed("pattern", name);
  return never;
}

const std::vector<std::string>& Grammar::list(const std::string& file) const {
  static const std::vector<std::string> empty;
  auto it = lists_.find(file);
  if (it != lists_.end()) return it->second;
  missed("word list", file);
  return empty;
}

const std::vector<std::vector<std::string>>& Grammar::table(const std::string& file) const {
  static const std::vector<std::vector<std::string>> empty;
  auto it = tables_.find(file);
  if (it != tables_.end()) return it->second;
  missed("table", file);
  return empty;
}

std::shared_ptr<const RE2> Grammar::tablePattern(const std::string& file, size_t row, size_t column) const {
  auto it = table_patterns_.find(file);
  if (it == table_patterns_.end()) return nullptr;
  const TablePatterns& t = *it->second;
  if (std::find(t.columns.begin(), t.columns.end(), column) == t.columns.end()) return nullptr;
  const auto& rows = tables_.at(file);
  if (row >= rows.size() || column >= rows[row].size() || rows[row][column].empty()) return nullptr;
  // Each cell on its own, when first asked for: a command may use a few cells of a table.
  std::lock_guard<std::mutex> lock(t.mutex);
  std::shared_ptr<const RE2>& cell = t.cells[row][column];
  if (!cell && !t.failed.count({row, column})) {
    auto re = std::make_shared<const RE2>(rows[row][column], RE2::Quiet);
    if (re->ok()) {
      cell = std::move(re);
    } else {
      t.failed.insert({row, column});
      notCompiled(file + ".tsv row " + std::to_string(row + 1), re->error());
    }
  }
  return cell;
}

}  // namespace notice
