// A web page's bytes decoded to UTF-8. The encoding comes from a byte-order mark, else from what
// the page declares (<meta charset>, http-equiv Content-Type) checked against the bytes with
// ICU's charset detector: sites often copy a template's meta, so a page that says gb2312 may be
// UTF-8 and one that says utf-8 may be GBK. Only the encodings Chinese government sites publish
// in are read: UTF-8, and GB2312/GBK, decoded as GB18030 (which contains both).
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace notice {

struct DecodedPage {
  std::string text;       // UTF-8, without a byte-order mark
  std::string encoding;   // "UTF-8" or "GB18030": what the bytes were decoded from
  std::string declared;   // the charset the page names, lower case ("" when it names none)
  bool declared_wrong = false;  // it names a charset the bytes are not in
  size_t damaged = 0;     // bytes that did not decode (shown as U+FFFD)
};

// The charset a page declares in its first few KiB, lower case; "" when none.
std::string declaredCharset(std::string_view bytes);

// Errors: kUnsupportedFormat for a page in another encoding (UTF-16, Big5, Shift_JIS …), naming it.
Result<DecodedPage> decodeWebPage(std::string_view bytes);

}  // namespace notice
