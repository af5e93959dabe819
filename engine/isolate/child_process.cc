#include "isolate/child_process.h"
#include "isolate/fd_io.h"

#include <cerrno>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <new>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace notice::isolate {
namespace {

using Clock = std::chrono::steady_clock;

// The child's exit codes besides 0 (a whole result written).
constexpr int kExitOutOfMemory = 97;
constexpr int kExitException = 98;
constexpr int kExitWriteFailed = 99;

// How often the parent looks at the child's memory while it waits.
constexpr auto kPollInterval = std::chrono::milliseconds(20);

// The child's resident memory in bytes (0 when it cannot be read: the child is gone).
size_t residentBytes(pid_t pid) {
  char path[64];
  std::snprintf(path, sizeof path, "/proc/%d/statm", static_cast<int>(pid));
  FILE* f = std::fopen(path, "r");
  if (!f) return 0;
  unsigned long size = 0, resident = 0;
  int n = std::fscanf(f, "%lu %lu", &size, &resident);
  std::fclose(f);
  return n == 2 ? resident * static_cast<size_t>(::sysconf(_SC_PAGESIZE)) : 0;
}

// What the child writes: any number of 'T' + a double (allowMoreTime), then 'R' + the result.
constexpr char kMoreTime = 'T', kResult = 'R';
int childFd = -1;  // in a child of runInChild: its end of the socket

[[noreturn]] void childMain(int fd, pid_t parent, const std::function<std::string()>& work) {
  childFd = fd;
  // Killed with its parent, so that no parse outlives the batch that asked for it.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) ::_exit(kExitWriteFailed);
  rlimit noCore{0, 0};
  ::setrlimit(RLIMIT_CORE, &noCore);  // a crash is reported, not dumped at the size of the parse
  std::string out;
  try {
    out = work();
  } catch (const std::bad_alloc&) {
    ::_exit(kExitOutOfMemory);
  } catch (...) {
    ::_exit(kExitException);
  }
  // _exit, not exit: the parent's atexit handlers and stdio buffers are not the child's to run.
  ::_exit(sendAll(fd, &kResult, 1) && sendAll(fd, out.data(), out.size()) ? 0 : kExitWriteFailed);
}

std::string signalName(int sig) {
  switch (sig) {
    case SIGSEGV: return "SIGSEGV, a segmentation fault";
    case SIGBUS: return "SIGBUS, a bus error";
    case SIGABRT: return "SIGABRT, an abort";
    case SIGFPE: return "SIGFPE, an arithmetic error";
    case SIGILL: return "SIGILL, an illegal instruction";
    case SIGKILL: return "SIGKILL, killed from outside";
    default: return std::string("signal ") + std::to_string(sig) + ", " + ::strsignal(sig);
  }
}

}  // namespace

void allowMoreTime(double seconds) {
  if (childFd < 0 || !(seconds > 0)) return;
  char frame[1 + sizeof(double)] = {kMoreTime};
  std::memcpy(frame + 1, &seconds, sizeof seconds);
  sendAll(childFd, frame, sizeof frame);
}

std::string secondsText(double seconds) {
  char buf[32];
  std::snprintf(buf, sizeof buf, seconds == static_cast<double>(static_cast<long>(seconds)) ? "%.0f s" : "%.1f s", seconds);
  return buf;
}

std::string mebibytesText(size_t bytes) { return std::to_string(bytes >> 20) + " MiB"; }

Result<Connected> forkConnected(int socket_type, const std::string& what, const std::function<void(int)>& child) {
  int fds[2];
  if (::socketpair(AF_UNIX, socket_type | SOCK_CLOEXEC, 0, fds) != 0) {
    return Error{ErrorCode::kIoError, "cannot make a socket to " + what + ": " + std::strerror(errno)};
  }
  pid_t pid = ::fork();
  if (pid < 0) {
    int err = errno;
    ::close(fds[0]);
    ::close(fds[1]);
    return Error{ErrorCode::kIoError, "cannot start " + what + ": " + std::strerror(err)};
  }
  if (pid == 0) {
    ::close(fds[0]);
    child(fds[1]);
    ::_exit(1);  // `child` does not return; should it, the child ends here all the same
  }
  ::close(fds[1]);
  return Connected{pid, fds[0]};
}

Result<std::string> runInChild(const std::function<std::string()>& work, const Limits& limits) {
  const pid_t parent = ::getpid();
  const auto start = Clock::now();
  auto forked = forkConnected(SOCK_STREAM, "a child process", [&](int fd) { childMain(fd, parent, work); });
  if (!forked.ok()) return forked.error();
  const pid_t pid = forked.value().pid;
  const int fd = forked.value().fd;
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);

  double allowed = limits.seconds;
  auto deadline = [&] { return start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(allowed)); };
  enum class Killed { kNo, kTime, kMemory } killed = Killed::kNo;
  std::string out, frames;  // the result; what came before it, not yet taken apart
  bool inResult = false;
  auto take = [&](const char* data, size_t n) {
    if (inResult) {
      out.append(data, n);
      return;
    }
    frames.append(data, n);
    size_t at = 0;
    while (at < frames.size()) {
      if (frames[at] == kResult) {
        inResult = true;
        out.append(frames, at + 1);
        break;
      }
      if (frames[at] != kMoreTime || frames.size() - at < 1 + sizeof(double)) break;
      double more;
      std::memcpy(&more, frames.data() + at + 1, sizeof more);
      allowed = std::min(limits.max_seconds, allowed + more);
      at += 1 + sizeof(double);
    }
    frames.erase(0, inResult ? frames.size() : at);
  };
  bool open = true, lost = false;
  int status = 0;
  for (;;) {
    if (open) {
      pollfd p{fd, POLLIN, 0};
      int ready = ::poll(&p, 1, static_cast<int>(kPollInterval.count()));
      if (ready > 0) {
        char buf[1 << 16];
        for (;;) {
          ssize_t n = ::read(fd, buf, sizeof buf);
          if (n > 0) { take(buf, static_cast<size_t>(n)); continue; }
          if (n == 0) open = false;  // the child closed its end: it is exiting
          else if (errno != EAGAIN && errno != EINTR) open = false;
          break;
        }
      }
    } else {
      ::usleep(1000);
    }
    pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) {  // not our child to wait for (SIGCHLD ignored): no status
      lost = true;
      break;
    }
    if (killed != Killed::kNo) continue;
    if (Clock::now() > deadline()) {
      killed = Killed::kTime;
    } else if (residentBytes(pid) > limits.memory_bytes) {
      killed = Killed::kMemory;
    }
    if (killed != Killed::kNo) ::kill(pid, SIGKILL);
  }
  // What the child wrote after the last poll.
  for (char buf[1 << 16];;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n <= 0) break;
    take(buf, static_cast<size_t>(n));
  }
  ::close(fd);

  if (killed == Killed::kTime) {
    return Error{ErrorCode::kLimitExceeded, "took longer than " + secondsText(allowed) +
                                                " to read (the time limit for one file): too complex, or damaged"};
  }
  if (killed == Killed::kMemory || (WIFEXITED(status) && WEXITSTATUS(status) == kExitOutOfMemory)) {
    return Error{ErrorCode::kLimitExceeded, "needed more than " + mebibytesText(limits.memory_bytes) +
                                                " of memory to read (the memory limit for one file): too complex, or damaged"};
  }
  if (lost) return Error{ErrorCode::kCrashed, "the child process reading this file could not be waited for"};
  if (WIFSIGNALED(status)) {
    return Error{ErrorCode::kCrashed, "the reader crashed on this file (" + signalName(WTERMSIG(status)) +
                                          "): it is damaged or made to break readers"};
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || !inResult) {
    return Error{ErrorCode::kCrashed, "the reader stopped on this file without a result (exit status " +
                                          std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) + ")"};
  }
  return out;
}

}  // namespace notice::isolate
