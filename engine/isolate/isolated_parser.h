// Parsing in child processes: each input is read by a child with the limits of child_process.h, so
// that one hostile file (a PDF on which poppler loops, a page that wants gigabytes, a crash in a
// parser) costs at most the limits and gives an error value, and a batch goes on past it.
//
//   auto engine = notice::Engine::create();
//   auto parser = notice::isolate::IsolatedParser::start(engine.value(), {});   // one thread yet
//   auto record = parser.value()->parseBytes(bytes, "x.pdf", {});               // from any thread
//
// start() forks a parse server holding a copy of the engine while the process has one thread;
// parseBytes() hands the bytes to that server over a socket, the server forks a child per request
// (its own process has one thread, so fork is safe there), the child forks the worker that parses
// under the limits and sends the record back. Threads of the caller (batch ingest's parsers) can
// therefore ask at once; OCR's threads start inside the worker, after the fork.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>
#include <sys/types.h>

#include "core/status.h"
#include "isolate/child_process.h"
#include "notice.h"

namespace notice::isolate {

class IsolatedParser {
 public:
  // Forks the parse server. Call while the process has one thread (see runInChild); the parser
  // may then be used from any thread, and lives on when the thread that started it ends.
  static Result<std::unique_ptr<IsolatedParser>> start(const Engine& engine, const Limits& limits);
  ~IsolatedParser();  // ends the server (children still parsing finish their file)
  IsolatedParser(const IsolatedParser&) = delete;
  IsolatedParser& operator=(const IsolatedParser&) = delete;

  // As Engine::parseBytes, in a child process under the limits; safe from several threads at once.
  // Besides the engine's errors: kLimitExceeded, kCrashed (child_process.h).
  Result<nlohmann::json> parseBytes(std::string_view bytes, const std::string& display_name,
                                    const ParseOptions& options, StageTimings* timings = nullptr) const;

  const Limits& limits() const { return limits_; }

 private:
  IsolatedParser(int control, pid_t server, const Limits& limits) : control_(control), server_(server), limits_(limits) {}
  int control_;  // a SOCK_SEQPACKET socket to the server: one message per request, with its socket
  pid_t server_;
  Limits limits_;
  mutable std::mutex send_;
};

}  // namespace notice::isolate
