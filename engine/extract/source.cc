#include "extract/source.h"

#include <array>

#include "extract/html_source.h"
#include "extract/pdf_source.h"
#include "extract/text_source.h"

namespace notice {
namespace {

bool anything(std::string_view) { return true; }

const std::array kSources = {
    Source{"pdf", "a PDF notice", kMaxPdfBytes, looksLikePdf, readPdf},
    Source{"html", "a web page", kMaxHtmlBytes, looksLikeHtml, readHtml},
    Source{"text", "a text export", kMaxTextExportBytes, anything, readTextExport},
};

bool startsWith(std::string_view bytes, std::string_view magic) { return bytes.substr(0, magic.size()) == magic; }

// Formats no source reads, told by their magic numbers so the message can name them.
const char* knownUnreadFormat(std::string_view bytes) {
  if (startsWith(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
    return "a legacy Office file (.doc, .wps or .xls, OLE compound file): save it as .docx or PDF and try again";
  if (startsWith(bytes, "\x89PNG") || startsWith(bytes, "\xFF\xD8\xFF") || startsWith(bytes, "II*\0") ||
      startsWith(bytes, "MM\0*"))
    return "an image (PNG, JPEG or TIFF): put the scan in a PDF and try again";
  if (startsWith(bytes, "PK\x03\x04") || startsWith(bytes, "PK\x05\x06"))
    return "a zip archive that is neither an OFD nor a Word .docx";
  if (startsWith(bytes, "Rar!") || startsWith(bytes, "7z\xBC\xAF") || startsWith(bytes, "\x1F\x8B"))
    return "a compressed archive (rar, 7z or gzip): unpack it and give the files inside";
  return nullptr;
}

}  // namespace

std::span<const Source> sources() { return kSources; }

Result<const Source*> sourceFor(std::string_view bytes) {
  const Source* last = &kSources.back();
  for (const Source& s : kSources) {
    if (&s == last) break;
    if (s.sniff(bytes)) return &s;
  }
  if (const char* what = knownUnreadFormat(bytes)) return Error{ErrorCode::kUnsupportedFormat, std::string("this is ") + what};
  return last;
}

}  // namespace notice
