// The archive's migrations, from schema/sql/<backend>/NNN_*.sql, compiled into the program
// (engine/archive/CMakeLists.txt generates them): element i takes an archive from schema i to
// i + 1, so a program knows the schemas up to their count. Compiled in rather than installed
// beside the program so that a binary always carries exactly the schema its code reads.
#pragma once

#include <vector>

namespace notice::archive {

const std::vector<const char*>& sqliteMigrations();
const std::vector<const char*>& pgMigrations();

}  // namespace notice::archive
