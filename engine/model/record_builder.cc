#include "model/record_builder.h"

namespace notice {

nlohmann::json buildRecord(const PageText&, const Grammar&, const SourceInfo& source) {
  return {{"schema", "notice/1"}, {"source", {{"file", source.file}, {"sha256", source.sha256}}}};
}

}  // namespace notice
