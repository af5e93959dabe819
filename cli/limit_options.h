// --timeout and --memory: the limits each input is read under (isolate/), shared by parse and
// ingest; and the hint the CLI adds to an error that hit them.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "extract/source.h"
#include "isolate/child_process.h"

namespace notice::cli {

// The options' lines for a command's help text, their descriptions starting at `column`.
std::string limitsHelp(size_t column);

enum class Taken { kNo, kYes, kBad };

// Takes args[i] (and its value, advancing i) when it is --timeout or --memory; kBad after printing
// what is wrong with the value.
Taken takeLimitOption(const std::vector<std::string>& args, size_t& i, const char* command, isolate::Limits* limits);

// The error's message with the CLI's hint (cli_io's describe), and the flags that raise the
// limit when it names one.
std::string withLimitHint(const Error& error, const SourceOptions& options);

}  // namespace notice::cli
