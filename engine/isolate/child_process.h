// Work run in a child process with a wall-clock deadline and a memory cap, so that input on which
// a third-party parser loops or swells (poppler's text coalescing on 200,000 runs, a page that
// wants gigabytes) costs the caller at most the limits, and a crash inside it is an error value.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "core/status.h"

namespace notice::isolate {

struct Limits {
  double seconds = 60;                    // wall clock, from the fork to the child's exit
  size_t memory_bytes = size_t{2} << 30;  // the child's resident memory
  // What allowMoreTime may raise `seconds` to, in all; and how much a parse asks a PDF page
  // (isolated_parser.h): OCR of a scanned page took up to 10 s on 2 cores under a load of 11.
  double max_seconds = 3600;
  double seconds_per_page = 20;
};

// Runs `work` in a forked child and returns the bytes it returned. The parent watches the child:
// past `limits.seconds`, or once its resident memory passes `limits.memory_bytes`, it is killed.
// Errors: kLimitExceeded naming the limit ("took longer than 60 s", "needed more than 2048 MiB of
// memory"); kCrashed when the child died of a signal (SIGSEGV in a parser) or exited without
// a result.
//
// Call it only while the process has one thread. The child of fork() has the calling thread
// alone; a lock another thread held at that moment (a regex's cache, a font library's) would stay
// locked in the child for ever. Where work is asked for from several threads, fork a server first
// (isolated_parser.h) and let it fork the children.
Result<std::string> runInChild(const std::function<std::string()>& work, const Limits& limits);

// A child forked with a socket pair (`socket_type`: SOCK_STREAM, SOCK_SEQPACKET) to it: the child
// runs `child` on its end, which must not return; the parent gets the child's pid and its own end.
// `what` names the child in the error when the pair or the fork fails.
struct Connected {
  int pid = 0;
  int fd = -1;
};
Result<Connected> forkConnected(int socket_type, const std::string& what, const std::function<void(int)>& child);

// In a child of runInChild: `seconds` more before its deadline, up to limits.max_seconds in all,
// for work whose size shows once it has begun (the pages of a PDF). Elsewhere it does nothing.
void allowMoreTime(double seconds);

// The limits in words, for messages: "60 s", "2048 MiB".
std::string secondsText(double seconds);
std::string mebibytesText(size_t bytes);

}  // namespace notice::isolate
