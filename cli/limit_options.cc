#include "cli/limit_options.h"

#include <cstdio>
#include <cstdlib>

#include "cli/cli_io.h"

namespace notice::cli {

std::string limitsHelp(size_t column) {
  auto option = [column](const std::string& name) { return name + std::string(column > name.size() ? column - name.size() : 1, ' '); };
  const std::string indent(column, ' ');
  return option("  --timeout SECONDS") + "the time one input may take to read (default 60, and 20 s more\n" +
         indent + "for each page of a PDF after the first); past it the input is\n" +
         indent + "given up, with exit code 5\n" +
         option("  --memory MIB") + "the memory one input may take to read (default 2048), likewise\n";
}

Taken takeLimitOption(const std::vector<std::string>& args, size_t& i, const char* command, isolate::Limits* limits) {
  const std::string& a = args[i];
  if (a != "--timeout" && a != "--memory") return Taken::kNo;
  if (i + 1 >= args.size()) {
    std::fprintf(stderr, "notice %s: %s needs a value\n", command, a.c_str());
    return Taken::kBad;
  }
  const std::string& v = args[++i];
  char* end = nullptr;
  double number = std::strtod(v.c_str(), &end);
  if (v.empty() || *end != '\0' || !(number > 0) || number > 1e6) {
    std::fprintf(stderr, "notice %s: %s needs a positive number (%s), not '%s'\n", command, a.c_str(),
                 a == "--timeout" ? "seconds" : "MiB", v.c_str());
    return Taken::kBad;
  }
  if (a == "--timeout") limits->seconds = number;
  else limits->memory_bytes = static_cast<size_t>(number * (1 << 20));
  return Taken::kYes;
}

std::string withLimitHint(const Error& error, const SourceOptions& options) {
  if (error.code != ErrorCode::kLimitExceeded) return describe(error, options);
  return error.message + " (raise the limits with --timeout SECONDS or --memory MIB)";
}

}  // namespace notice::cli
