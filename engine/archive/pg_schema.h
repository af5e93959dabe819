// Opening a PostgreSQL archive: the checks that tell an archive from another program's
// database, and the schema's migrations (internal to the PostgreSQL backend).
#pragma once

#include <memory>
#include <string>

#include "archive/pg_db.h"

namespace notice::archive {

// A connection to an archive whose schema is current.
Result<std::unique_ptr<PgConnection>> openPgDatabase(const std::string& url);

}  // namespace notice::archive
