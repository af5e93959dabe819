#include "extract/source.h"

#include <array>

#include "extract/docx_source.h"
#include "extract/html_source.h"
#include "extract/ofd_source.h"
#include "extract/pdf_source.h"
#include "extract/text_source.h"
#include "extract/zip_archive.h"

namespace notice {
namespace {

bool anything(std::string_view) { return true; }

}  // namespace

// Here, not in pdf_source.cc: a program that loads the PDF source as a module (pdf_module.h)
// tells a PDF before it loads it.
bool looksLikePdf(std::string_view bytes) { return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos; }

namespace {

const std::array kSources = {
    // A zip's magic is at its first byte and its parts are named: surer than "%PDF-" somewhere in
    // the first KiB (which an OFD storing a PDF uncompressed can hold).
    Source{"ofd", "an OFD notice", kMaxPackageBytes, looksLikeOfd, readOfd},
    Source{"docx", "a Word .docx notice", kMaxPackageBytes, looksLikeDocx, readDocx},
    Source{"pdf", "a PDF notice", kMaxPdfBytes, looksLikePdf, readPdf},
    Source{"html", "a web page", kMaxHtmlBytes, looksLikeHtml, readHtml},
    Source{"text", "a text export", kMaxTextExportBytes, anything, readTextExport},
};

bool startsWith(std::string_view bytes, std::string_view magic) { return bytes.substr(0, magic.size()) == magic; }

// Formats no source reads, told by their magic numbers so the message can name them.
const char* knownUnreadFormat(std::string_view bytes) {
  if (startsWith(bytes, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
    return "a legacy Office file (Word .doc, WPS .wps or Excel .xls) or a password-protected Office document, both OLE "
           "compound files, which are not read: save it as .docx, OFD or PDF (without a password) and try again";
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
  // A zip that does not open is most likely an OFD or .docx cut short: say so, not "some zip".
  if (looksLikeZip(bytes)) {
    auto wrong = zipOpenError(bytes);
    if (wrong && wrong->code == ErrorCode::kCorrupt) {
      return Error{ErrorCode::kCorrupt, "this is a damaged or truncated zip archive (an OFD or .docx cut short?): " + wrong->message};
    }
  }
  if (const char* what = knownUnreadFormat(bytes)) return Error{ErrorCode::kUnsupportedFormat, std::string("this is ") + what};
  return last;
}

}  // namespace notice
