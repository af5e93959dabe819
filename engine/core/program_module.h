// The program's modules (lib/notice/*.so): parts that pull in many libraries, loaded when first
// needed so that a command which does not use them does not pay for loading them (issue 12,
// item 6). notice-pdf.so holds the PDF source (poppler, Tesseract), notice-package.so the OFD and
// .docx sources (libzip, which brings libcrypto, and pugixml), notice-pg.so the PostgreSQL
// archive (libpq, and the TLS and Kerberos libraries it links), notice-sqlite.so the archive in a
// file (libsqlite3). A module is linked -Bsymbolic and takes the engine's own functions from the
// program, which exports them.
#pragma once

#include <string>

#include "core/status.h"

namespace notice {

// The module `file` (notice-pdf.so): the installed one beside the program
// (<bin>/NOTICE_LIB_FROM_BIN/file), else `built`, the build tree's. The dlopen handle, never
// closed; an Error saying which paths were tried, or what the loader said.
Result<void*> openProgramModule(const std::string& file, const std::string& built);

// The entry `name` of a module opened by openProgramModule, or an Error naming what is missing.
Result<void*> moduleEntry(void* handle, const std::string& file, const char* name);

// Both: the entry `name` of the module `file`, for a module that has one.
Result<void*> programModuleEntry(const std::string& file, const std::string& built, const char* name);

}  // namespace notice
