// Sources: one per input format, each turning the bytes of a file into PageText, behind one
// interface. A source is chosen by the bytes (magic numbers and sniffing), never by the file's
// name, so a PDF named .txt or a web page named .pdf is still read as what it is.
//
// To add a format: write its reader (extract/<format>_source.cc), give it a Source below in
// sources(), in the order of how sure its sniff is.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "core/status.h"
#include "extract/page_text.h"
#include "grammar/grammar.h"

namespace notice {

// When pages are read by OCR: kAuto for pages without a usable text layer (image-only pages, a
// scanned page inside a digital PDF, a text layer judged garbled); kAlways for every page;
// kNever to refuse what has no text layer.
enum class OcrMode { kAuto, kAlways, kNever };

struct SourceOptions {
  std::string password;  // for encrypted PDFs
  OcrMode ocr = OcrMode::kAuto;
  int ocr_jobs = 0;      // pages recognised at once; 0 = the number of cores
};

// Each format's limit. A text export is a notice of tens of KiB; a PDF a few MiB, even with
// scanned pages. The engine holds a whole input in memory, so anything far larger is refused.
inline constexpr size_t kMaxTextExportBytes = size_t{16} << 20;
inline constexpr size_t kMaxPdfBytes = size_t{512} << 20;
// An OFD or .docx: zipped XML, with images for seals and scanned pages.
inline constexpr size_t kMaxPackageBytes = size_t{256} << 20;

struct Source {
  const char* name;        // as in source.format
  const char* description; // for messages: "a PDF notice"
  size_t max_bytes;        // larger inputs are refused (kTooLarge) before they are read
  // True when `bytes` are this format. Cheap: looks at the head, or a zip's directory.
  bool (*sniff)(std::string_view bytes);
  Result<PageText> (*read)(std::string_view bytes, const SourceOptions& options, const Grammar& grammar);
};

// Every source, in the order they are tried; the text export is last and takes what is left.
std::span<const Source> sources();

// The source for these bytes, or an error naming what they are when no source reads them
// (a legacy .doc or .wps, an image, an archive that is no OFD or docx).
Result<const Source*> sourceFor(std::string_view bytes);

}  // namespace notice
