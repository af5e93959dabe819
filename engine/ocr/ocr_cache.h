// Tesseract's readings kept on disk, for runs that read the same page images again (a batch run
// twice, the test suite's scans read by several tests): with NOTICE_OCR_CACHE=DIR each reading is
// kept in DIR under the SHA-256 of everything it depends on (the image's pixels and resolution and
// what the caller names: Tesseract's version, its data file, the page segmentation mode). Off when
// the variable is unset or empty. An entry is written whole (a temporary file renamed into place),
// so processes may share the folder; an entry that does not read back is read again by Tesseract.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "ocr/ocr.h"

namespace notice::ocr::cache {

// Whether NOTICE_OCR_CACHE names a folder (read once per process).
bool enabled();

// The key of reading `image` in `context`.
std::string key(const GrayImage& image, const std::string& context);

std::optional<nlohmann::json> load(const std::string& key);
void store(const std::string& key, const nlohmann::json& value);

nlohmann::json toJson(const PageResult& page);
std::optional<PageResult> pageFromJson(const nlohmann::json& value);

}  // namespace notice::ocr::cache
