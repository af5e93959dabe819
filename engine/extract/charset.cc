#include "extract/charset.h"

#include <algorithm>
#include <cctype>
#include <memory>

#include <re2/re2.h>
#include <unicode/ucsdet.h>
#include <unicode/utf8.h>

#include "core/utf8.h"

namespace notice {
namespace {

// How far into a page its charset declaration may stand (the HTML standard's prescan reads 1024
// bytes; saved pages put comments and scripts first, so look further).
constexpr size_t kDeclarationWindow = 8192;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool isUtf8Name(const std::string& name) { return name == "utf-8" || name == "utf8"; }

// GB2312, GBK and GB18030 under the names pages and ICU give them: all decode as GB18030.
bool isGbName(const std::string& name) {
  return name.rfind("gb", 0) == 0 || name == "x-gbk" || name == "cp936" || name == "windows-936" ||
         name == "euc-cn" || name == "x-euc-cn" || name == "csgb2312";
}

bool isValidUtf8(std::string_view s, bool* nonAscii) {
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  *nonAscii = false;
  while (i < n) {
    UChar32 c;
    U8_NEXT(p, i, n, c);
    if (c < 0) return false;
    if (c >= 0x80) *nonAscii = true;
  }
  return true;
}

// What ICU's detector makes of the bytes (markup filtered out), lower case: its best guess and
// how sure it is (0–100). The page's declaration is passed as a hint.
std::pair<std::string, int> detect(std::string_view bytes, const std::string& declared) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, decltype(&ucsdet_close)> det(ucsdet_open(&status), ucsdet_close);
  if (U_FAILURE(status)) return {"", 0};
  ucsdet_enableInputFilter(det.get(), true);
  // The detector looks at a sample; a few hundred KiB decide as well as the whole page.
  ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(std::min<size_t>(bytes.size(), 1 << 20)), &status);
  if (!declared.empty()) ucsdet_setDeclaredEncoding(det.get(), declared.c_str(), static_cast<int32_t>(declared.size()), &status);
  const UCharsetMatch* match = ucsdet_detect(det.get(), &status);
  if (U_FAILURE(status) || match == nullptr) return {"", 0};
  const char* name = ucsdet_getName(match, &status);
  int confidence = ucsdet_getConfidence(match, &status);
  if (U_FAILURE(status) || name == nullptr) return {"", 0};
  return {lower(name), confidence};
}

// A page that decodes as UTF-8 but for one sequence in 20 is UTF-8 with damage; more, and it is
// some other encoding whatever its meta says.
constexpr size_t kUtf8GoodPerBad = 20;

// Whether most of the text's non-ASCII characters are Han (or CJK punctuation).
bool mostlyHan(const std::string& text) {
  size_t i = 0, nonAscii = 0, han = 0;
  while (i < text.size()) {
    char32_t c = utf8::next(text, i);
    if (c < 0x80) continue;
    ++nonAscii;
    han += utf8::isCjk(c);
  }
  return nonAscii > 0 && han * 2 >= nonAscii;
}

}  // namespace

std::string declaredCharset(std::string_view bytes) {
  static const RE2 meta(R"((?i)<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+))");
  std::string name;
  if (RE2::PartialMatch(bytes.substr(0, kDeclarationWindow), meta, &name)) return lower(name);
  return "";
}

Result<DecodedPage> decodeWebPage(std::string_view bytes) {
  DecodedPage out;
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    out.encoding = "UTF-8";
    out.text = utf8::repaired(bytes.substr(3), &out.damaged);
    return out;
  }
  if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    return Error{ErrorCode::kUnsupportedFormat,
                 "this web page is in UTF-16: only UTF-8 and GB2312/GBK/GB18030 pages are read; save it as UTF-8"};
  }
  out.declared = declaredCharset(bytes);
  bool nonAscii = false;
  if (isValidUtf8(bytes, &nonAscii)) {
    // Valid UTF-8 with Chinese in it is UTF-8 whatever the page says: GBK text is valid UTF-8
    // only by chance, a few characters long ("通知" is), and then it reads as Han in GB18030
    // and as stray accents and Hebrew in UTF-8.
    if (nonAscii && !mostlyHan(std::string(bytes))) {
      size_t damaged = 0;
      std::string gb = utf8::fromGb18030(bytes, &damaged);
      if (damaged == 0 && mostlyHan(gb)) {
        out.encoding = "GB18030";
        out.text = std::move(gb);
        out.declared_wrong = !out.declared.empty() && !isGbName(out.declared);
        return out;
      }
    }
    out.encoding = "UTF-8";
    out.text = std::string(bytes);
    out.declared_wrong = nonAscii && !out.declared.empty() && !isUtf8Name(out.declared);
    return out;
  }
  auto [detected, confidence] = detect(bytes, out.declared);
  if (isGbName(detected) || (isGbName(out.declared) && !isUtf8Name(detected))) {
    out.encoding = "GB18030";
    out.text = utf8::fromGb18030(bytes, &out.damaged);
    out.declared_wrong = !out.declared.empty() && !isGbName(out.declared);
    return out;
  }
  // A short page gives the detector little to go on (it names IBM420 or even UTF-8 for a line of
  // GBK): GB18030 is still the answer when the bytes are not UTF-8, every byte decodes and what
  // is not ASCII is mostly Han.
  if (!utf8::mostlyUtf8(bytes, kUtf8GoodPerBad)) {
    size_t damaged = 0;
    std::string text = utf8::fromGb18030(bytes, &damaged);
    if (damaged == 0 && mostlyHan(text)) {
      out.encoding = "GB18030";
      out.text = std::move(text);
      out.declared_wrong = !out.declared.empty() && !isGbName(out.declared);
      return out;
    }
  }
  if (isUtf8Name(detected) || utf8::mostlyUtf8(bytes, kUtf8GoodPerBad)) {
    // UTF-8 with some sequences cut or flipped.
    out.encoding = "UTF-8";
    out.text = utf8::repaired(bytes, &out.damaged);
    out.declared_wrong = !out.declared.empty() && !isUtf8Name(out.declared);
    return out;
  }
  std::string what = !detected.empty() && confidence >= 30 ? detected : out.declared.empty() ? "an unknown encoding" : out.declared;
  return Error{ErrorCode::kUnsupportedFormat, "this web page is in " + what +
                                                  ": only UTF-8 and GB2312/GBK/GB18030 pages are read"};
}

}  // namespace notice
