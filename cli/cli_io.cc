#include "cli/cli_io.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef NOTICE_SANITIZE
#include <sanitizer/lsan_interface.h>
#endif

#include "cli/commands.h"
#include "core/json_text.h"
#include "core/read_all.h"
#include "notice.h"

namespace notice::cli {

namespace {

constexpr const char* kTempMarker = ".tmp.";

// Reads at most kMaxInputBytes + 1 bytes, so that a huge input is refused, not swallowed. Room
// is reserved for the byte that shows the end and for what a JSON reader adds past it.
Result<std::string> readCapped(int fd, size_t expected = 0) {
  std::string data;
  data.reserve(std::min<size_t>(expected, kMaxInputBytes) + 1 + kJsonPadding);
  if (auto failed = readAll(fd, data, kMaxInputBytes)) return Error{ErrorCode::kIoError, "read error: " + *failed};
  if (data.size() > kMaxInputBytes) {
    return Error{ErrorCode::kTooLarge, "more than " + std::to_string(kMaxInputBytes >> 20) +
                                           " MiB: too large for a notice (is it really one notice?)"};
  }
  return data;
}

// What a failed open or stat means, in words: errno says which.
std::string openError(int err) {
  switch (err) {
    case ENOENT: return "no such file";
    case EACCES: return "cannot open: permission denied";
    case ENAMETOOLONG: return "the file name is too long";
    case ENOTDIR: return "a folder in the path is a file";
    case ELOOP: return "too many symbolic links in the path";
    default: return std::string("cannot open: ") + std::strerror(err);
  }
}

}  // namespace

Result<std::string> readInput(const std::string& path) {
  if (path == "-") return readCapped(STDIN_FILENO);
  // Asked of the file system before anything is read: a FIFO would block for ever, a device
  // never ends, and a huge file would be read whole before it is refused.
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return Error{ErrorCode::kIoError, openError(errno)};
  if (S_ISDIR(st.st_mode)) return Error{ErrorCode::kIoError, "is a directory"};
  if (!S_ISREG(st.st_mode)) {
    return Error{ErrorCode::kIoError, "is not a regular file (a FIFO, a device or a socket): give a file, or - with the bytes on standard input"};
  }
  if (static_cast<uint64_t>(st.st_size) > kMaxInputBytes) {
    return Error{ErrorCode::kTooLarge, std::to_string(static_cast<uint64_t>(st.st_size) >> 20) +
                                           " MiB: too large for a notice (the limit is " +
                                           std::to_string(kMaxInputBytes >> 20) + " MiB; is it really one notice?)"};
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Error{ErrorCode::kIoError, openError(errno)};
  auto data = readCapped(fd, static_cast<size_t>(st.st_size));
  ::close(fd);
  return data;
}

std::vector<std::string> linesOfStdin() {
  std::vector<std::string> lines;
  char* buffer = nullptr;
  size_t capacity = 0;
  for (ssize_t n; (n = ::getline(&buffer, &capacity, stdin)) >= 0;) {
    std::string line(buffer, static_cast<size_t>(n));
    if (!line.empty() && line.back() == '\n') line.pop_back();
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
  }
  std::free(buffer);
  return lines;
}

std::optional<std::string> writeFileAtomic(const std::string& path, const std::string& content) {
  // Written beside the target, made durable, then renamed over it: a reader sees the old record
  // or the new one, never half of one, even after a crash or a power cut.
  std::string tmp = path + kTempMarker + std::to_string(::getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return "cannot write " + path + ": " + std::strerror(errno);
  const char* p = content.data();
  size_t left = content.size();
  bool ok = true;
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) { ok = false; break; }
    p += n;
    left -= static_cast<size_t>(n);
  }
  ok = ok && ::fsync(fd) == 0;
  ok = (::close(fd) == 0) && ok;
  if (!ok) {
    ::unlink(tmp.c_str());
    return "cannot write " + path + " (disk full, or over the file size limit?); it was left as it was";
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    std::string why = std::strerror(errno);
    ::unlink(tmp.c_str());
    return "cannot replace " + path + ": " + why;
  }
  std::string dir = std::filesystem::path(path).parent_path().string();
  int dfd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return std::nullopt;
}

void removeStaleTempFiles(const std::string& dir) {
  std::error_code ec;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    size_t at = name.rfind(kTempMarker);
    if (at == std::string::npos) continue;
    // Left by a run that was killed between writing and renaming; never one still running.
    std::string pid = name.substr(at + std::strlen(kTempMarker));
    if (pid.empty() || pid.find_first_not_of("0123456789") != std::string::npos) continue;
    pid_t owner = static_cast<pid_t>(std::stol(pid));
    if (owner != ::getpid() && ::kill(owner, 0) != 0 && errno == ESRCH) {
      std::filesystem::remove(it->path(), ec);
    }
  }
}

std::optional<OcrMode> parseOcrMode(const std::string& word) {
  if (word == "auto") return OcrMode::kAuto;
  if (word == "always") return OcrMode::kAlways;
  if (word == "never") return OcrMode::kNever;
  return std::nullopt;
}

namespace {

Error withGrammarHint(const Error& e, const std::string& grammars) {
  if (!grammars.empty()) return e;
  return Error{e.code, e.message + "\n(another grammar folder: --grammars DIR, or NOTICE_GRAMMARS=DIR)"};
}

}  // namespace

Result<Engine> createEngine(const std::string& grammars) {
  auto engine = Engine::create(grammars);
  if (!engine.ok()) return withGrammarHint(engine.error(), grammars);
  return engine;
}

Result<std::shared_ptr<const Grammar>> loadGrammar(const std::string& grammars, const std::string& only_for) {
  auto grammar = Grammar::load(grammars, only_for);
  if (!grammar.ok()) return withGrammarHint(grammar.error(), grammars);
  return grammar;
}

std::string describe(const Error& e, const SourceOptions& options) {
  switch (e.code) {
    case ErrorCode::kEncrypted:
      return e.message + (options.password.empty() ? "; give it with --password PW" : "");
    case ErrorCode::kNoTextLayer:
    case ErrorCode::kGarbledText:
      return e.message + (options.ocr == OcrMode::kNever ? " (--ocr never was given; --ocr auto reads such pages by OCR)" : "");
    default: return e.message;
  }
}

void exitWithoutTeardown(int code) {
  if (std::fflush(stdout) != 0 || std::ferror(stdout)) {
    std::fprintf(stderr, "notice: writing the output failed: %s\n", std::strerror(errno));
    code = kFailed;
  }
#ifdef NOTICE_SANITIZE
  // What the command still holds is reachable from its frames, so only true leaks are reported.
  if (__lsan_do_recoverable_leak_check() != 0) code = kFailed;
#endif
  std::fflush(stderr);
  _exit(code);
}

int exitCodeFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kNoTextLayer:
    case ErrorCode::kOcrUnavailable: return kNoTextLayer;
    case ErrorCode::kEncrypted: return kEncrypted;
    case ErrorCode::kLimitExceeded: return kLimit;
    case ErrorCode::kBadArgument: return kUsage;
    default: return kFailed;
  }
}

}  // namespace notice::cli
