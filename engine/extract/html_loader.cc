// readHtml for a program that loads the web-page source when it first needs it
// (extract/html_module.h).
#include "core/program_module.h"
#include "extract/html_module.h"
#include "extract/html_source.h"

namespace notice {
namespace {

struct Module {
  ReadHtmlFunction read = nullptr;
  std::string error;
};

Module load() {
  const std::string file = "notice-html.so";
  auto handle = openProgramModule(file, NOTICE_HTML_MODULE_BUILT);
  if (!handle.ok()) return Module{nullptr, handle.error().message};
  auto read = moduleEntry(handle.value(), file, kHtmlModuleEntry);
  if (!read.ok()) return Module{nullptr, read.error().message};
  return Module{reinterpret_cast<ReadHtmlFunction>(read.value()), ""};
}

const Module& module() {
  static const Module loaded = load();  // once, thread-safe
  return loaded;
}

}  // namespace

Result<PageText> readHtml(std::string_view bytes, const SourceOptions& options, const Grammar& grammar) {
  if (!module().read) return Error{ErrorCode::kUnsupportedFormat, "cannot read web pages: " + module().error};
  std::optional<Result<PageText>> out;
  module().read(bytes, options, grammar, &out);
  return std::move(*out);
}

}  // namespace notice
