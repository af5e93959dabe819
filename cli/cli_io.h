// Small I/O helpers shared by the subcommands.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "extract/source.h"
#include "notice.h"

namespace notice::cli {

// Reads a whole file, or standard input for "-".
Result<std::string> readInput(const std::string& path);

// The lines of standard input, without their ends (\n or \r\n).
std::vector<std::string> linesOfStdin();

// Writes `content` to `path` through a temporary file and a rename, so that a reader never
// sees a half-written file and an existing file is replaced only by a complete one.
std::optional<std::string> writeFileAtomic(const std::string& path, const std::string& content);

// Removes the temporary files that writeFileAtomic leaves when a run is killed between writing
// and renaming (NAME.tmp.PID of a process that no longer exists).
void removeStaleTempFiles(const std::string& dir);

// The engine, its rules read from `grammars` (--grammars DIR) or, when empty, from where the
// library finds them; a failed load's message says how to name another folder.
Result<Engine> createEngine(const std::string& grammars);
// The grammar alone, with only the rules of one part of the engine compiled at load
// (Grammar::load's only_for), for commands that parse nothing; its errors as createEngine's.
Result<std::shared_ptr<const Grammar>> loadGrammar(const std::string& grammars, const std::string& only_for);

// An input's error as the user reads it: the library's message (which names no option of the
// CLI) and, where one of the command's options gets past it, that option.
std::string describe(const Error& e, const SourceOptions& options);

// Ends the process with `code` once a command's output is written, without freeing what it still
// holds: a comparison's records and result are thousands of small allocations, and handing them
// back one by one cost a `notice diff` a tenth of its work for memory the exit returns whole.
// Standard output is flushed first; if that fails, it says so and the code is kFailed. In a
// sanitized build the leak check runs first, as at a normal exit.
[[noreturn]] void exitWithoutTeardown(int code);

// The exit code for an error category (see commands.h).
int exitCodeFor(ErrorCode code);

// "auto", "always" or "never"; nullopt for anything else.
std::optional<OcrMode> parseOcrMode(const std::string& word);

}  // namespace notice::cli
