// Ingest of many files: parsed in parallel, written by one writer (the calling thread), each
// file its own transaction, so that a batch stopped at any moment leaves every file whole or
// absent and the same batch run again completes the rest. A file that cannot be read or parsed
// is reported and skipped; the batch goes on.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "archive/archive.h"
#include "notice.h"

namespace notice::archive {

struct BatchProgress {
  size_t done = 0, total = 0;
  double seconds = 0;  // since the batch began
  std::string current;  // the file just written
};

struct BatchOptions {
  unsigned jobs = 1;  // parser threads
  ParseOptions parse;
  std::function<void(const BatchProgress&)> progress;  // after each file, from the writer thread
  // Reads one file's bytes into its record, from the parser threads; empty: the engine itself, in
  // this process. The CLI passes an isolated parser (isolate/isolated_parser.h), so that one
  // hostile file costs at most its limits and the batch goes on.
  std::function<Result<nlohmann::json>(std::string_view bytes, const std::string& file, const ParseOptions&)> parser;
};

struct FileFailure {
  std::string file;
  std::string reason;
};

struct BatchSummary {
  size_t ingested = 0;    // new notices
  size_t versions = 0;    // new versions of notices already there
  size_t duplicates = 0;  // bytes already stored
  std::vector<FileFailure> failed;
};

// Files to ingest from paths as given: a file as it is, a folder's files recursively (names
// starting with '.' skipped), in a stable order. `skip` names files never to take (the archive
// itself and its journal files when they lie inside a folder given). A path that is neither is a
// failure.
std::vector<std::string> expandPaths(const std::vector<std::string>& paths, const std::vector<std::string>& skip,
                                     std::vector<FileFailure>* failures);

BatchSummary ingestFiles(Archive& archive, const Engine& engine, const std::vector<std::string>& files,
                         const BatchOptions& options);

}  // namespace notice::archive
