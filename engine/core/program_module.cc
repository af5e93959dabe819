#include "core/program_module.h"

#include <dlfcn.h>

#include <filesystem>

namespace notice {
namespace fs = std::filesystem;

// Set by cmake/install.cmake.
#ifndef NOTICE_LIB_FROM_BIN
#define NOTICE_LIB_FROM_BIN "../lib/notice"
#endif

Result<void*> openProgramModule(const std::string& file, const std::string& built) {
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  std::string installed = ec ? "" : (self.parent_path() / NOTICE_LIB_FROM_BIN / file).lexically_normal().string();
  std::string tried;
  for (const std::string& path : {installed, built}) {
    if (path.empty()) continue;
    if (!fs::exists(path, ec)) {
      tried += (tried.empty() ? "" : ", ") + path;
      continue;
    }
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) return Error{ErrorCode::kUnsupportedFormat, ::dlerror()};
    return handle;
  }
  return Error{ErrorCode::kUnsupportedFormat, "the module " + file + " is not installed: not in " + tried};
}

Result<void*> moduleEntry(void* handle, const std::string& file, const char* name) {
  void* entry = ::dlsym(handle, name);
  if (!entry) return Error{ErrorCode::kUnsupportedFormat, file + " has not the entry " + name};
  return entry;
}

Result<void*> programModuleEntry(const std::string& file, const std::string& built, const char* name) {
  auto handle = openProgramModule(file, built);
  return handle.ok() ? moduleEntry(handle.value(), file, name) : handle;
}

}  // namespace notice
