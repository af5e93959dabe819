#include "cli/cli_io.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include <unistd.h>

#include "cli/commands.h"
#include "notice.h"

namespace notice::cli {

namespace {

// Reads at most kMaxInputBytes + 1 bytes, so that a huge input is refused, not swallowed.
Result<std::string> readCapped(std::istream& in) {
  std::string data;
  char buf[1 << 16];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    data.append(buf, static_cast<size_t>(in.gcount()));
    if (data.size() > kMaxInputBytes) {
      return Error{ErrorCode::kTooLarge, "more than " + std::to_string(kMaxInputBytes >> 20) +
                                             " MiB: too large for a notice (is it really one notice?)"};
    }
  }
  if (in.bad()) return Error{ErrorCode::kIoError, "read error"};
  return data;
}

}  // namespace

Result<std::string> readInput(const std::string& path) {
  if (path == "-") return readCapped(std::cin);
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    return Error{ErrorCode::kIoError, "is a directory"};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{ErrorCode::kIoError, "cannot open (no such file or no permission)"};
  return readCapped(in);
}

std::optional<std::string> writeFileAtomic(const std::string& path, const std::string& content) {
  std::string tmp = path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return "cannot write " + path + ": " + std::strerror(errno);
    out << content;
    out.flush();
    if (!out) {
      std::remove(tmp.c_str());
      return "cannot write " + path + " (disk full?); it was left as it was";
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::remove(tmp.c_str());
    return "cannot replace " + path + ": " + ec.message();
  }
  return std::nullopt;
}

std::optional<OcrMode> parseOcrMode(const std::string& word) {
  if (word == "auto") return OcrMode::kAuto;
  if (word == "always") return OcrMode::kAlways;
  if (word == "never") return OcrMode::kNever;
  return std::nullopt;
}

int exitCodeFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kNoTextLayer:
    case ErrorCode::kOcrUnavailable: return kNoTextLayer;
    case ErrorCode::kEncrypted: return kEncrypted;
    case ErrorCode::kBadArgument: return kUsage;
    default: return kFailed;
  }
}

}  // namespace notice::cli
