// Running the notice command from a test: its exit code and output, in a fresh folder.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <string>

namespace notice {

namespace fs = std::filesystem;

struct CommandResult {
  int code;
  std::string out;
};

// Runs `notice ARGS`; `out` is its standard output, or both streams with `withStderr`.
// `env` ("NAME=value …") is set for the command only.
inline CommandResult run(const std::string& args, bool withStderr = false, const std::string& env = "") {
  std::string command = (env.empty() ? "" : "env " + env + " ") + std::string(NOTICE_BIN) + " " + args +
                        (withStderr ? " 2>&1" : " 2>/dev/null");
  FILE* pipe = popen(command.c_str(), "r");
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

inline fs::path tempDir(const std::string& name) {
  fs::path dir = fs::temp_directory_path() / ("notice_cli_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

}  // namespace notice
