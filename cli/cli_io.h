// Small I/O helpers shared by the subcommands.
#pragma once

#include <optional>
#include <string>

#include "core/status.h"
#include "extract/source.h"

namespace notice::cli {

// Reads a whole file, or standard input for "-".
Result<std::string> readInput(const std::string& path);

// Writes `content` to `path` through a temporary file and a rename, so that a reader never
// sees a half-written file and an existing file is replaced only by a complete one.
std::optional<std::string> writeFileAtomic(const std::string& path, const std::string& content);

// Removes the temporary files that writeFileAtomic leaves when a run is killed between writing
// and renaming (NAME.tmp.PID of a process that no longer exists).
void removeStaleTempFiles(const std::string& dir);

// The exit code for an error category (see commands.h).
int exitCodeFor(ErrorCode code);

// "auto", "always" or "never"; nullopt for anything else.
std::optional<OcrMode> parseOcrMode(const std::string& word);

}  // namespace notice::cli
