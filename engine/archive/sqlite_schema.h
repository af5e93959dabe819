// Opening an archive file: the checks that tell an archive from anything else, and the
// schema's migrations (internal to the SQLite backend).
#pragma once

#include <memory>
#include <string>

#include "archive/sqlite_archive.h"
#include "archive/sqlite_db.h"

namespace notice::archive {

// A connection to an archive whose schema is current, with the tokenizer registered.
Result<std::unique_ptr<Database>> openArchiveDatabase(const std::string& path, OpenMode mode);

}  // namespace notice::archive
