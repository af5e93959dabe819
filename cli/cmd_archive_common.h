// What the archive commands share: which archive, opening it, the filter options.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "archive/archive.h"

namespace notice::cli {

// The archive: --archive FILE|URL, else $NOTICE_ARCHIVE, else notices.db in the working folder.
// A postgresql:// URL names a database on a server, anything else a SQLite file.
std::string archivePath(const std::string& option);

// The archive, or nullptr after saying on stderr why it cannot be opened.
std::unique_ptr<archive::Archive> openArchiveOrReport(const std::string& path, archive::OpenMode mode);

// Reads a filter option at args[*i] (and its value, advancing *i). True when it was one;
// `*bad` set to an error message when its value is wrong.
bool readFilterOption(const std::vector<std::string>& args, size_t* i, archive::Filter* filter, std::string* bad);

// Help text for the filter options.
extern const char* kFilterHelp;

}  // namespace notice::cli
