#include "core/file_name.h"

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include "core/utf8.h"

namespace notice {
namespace {

// The name decoded from GB18030, or "" when some byte sequence does not decode.
std::string fromGb18030(std::string_view raw) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open("GB18030", &status);
  if (U_FAILURE(status)) return "";
  // Stop at the first undecodable sequence instead of substituting.
  ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  icu::UnicodeString text(raw.data(), static_cast<int32_t>(raw.size()), conv, status);
  ucnv_close(conv);
  if (U_FAILURE(status) || text.isBogus()) return "";
  std::string out;
  text.toUTF8String(out);
  return out;
}

}  // namespace

std::string displayFileName(std::string_view raw) {
  size_t bad = 0;
  std::string checked = utf8::repaired(raw, &bad);
  if (bad == 0) return checked;
  std::string gb = fromGb18030(raw);
  return gb.empty() ? checked : gb;
}

}  // namespace notice
