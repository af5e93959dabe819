// Errors as values: what crosses every library boundary instead of an exception.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace notice {

// What went wrong, in a category a caller (or the CLI's exit code) can act on.
enum class ErrorCode {
  kIoError,        // the file cannot be read
  kEmptyInput,     // nothing in it
  kNotText,        // bytes that are not UTF-8 text
  kNoTextLayer,    // a PDF whose pages are images only
  kEncrypted,      // a PDF that needs a (different) password
  kCorrupt,        // a PDF that poppler cannot open
  kGarbledText,    // a text layer that decodes to mojibake (fonts without a Unicode map)
  kUnsupportedFormat,  // a format no source reads (a legacy .doc, an image): the message names it
  kTooLarge,       // far larger than any notice: refused before it costs minutes and gigabytes
  kBadRecord,      // a record (JSON) that does not have the notice/1 shape
  kBadGrammar,     // a rule file that does not load
  kBadArgument,    // a caller error
  kBadArchive,     // an archive file that is damaged, foreign, or newer than this program
  kArchiveBusy,    // the archive stayed locked by another process past the busy timeout
  kOcrUnavailable, // a page needs OCR and Tesseract or its Chinese data is not installed
  kLimitExceeded,  // reading it took longer or needed more memory than the limits allow (isolate/)
  kCrashed,        // the reader died on it (a signal inside a third-party parser)
};

struct Error {
  ErrorCode code;
  std::string message;  // written for a person: what, where, and what to try
};

// Either a value or an Error. Small on purpose: ok(), value(), error().
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}      // NOLINT
  bool ok() const { return std::holds_alternative<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T& value() & { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  const Error& error() const { return std::get<Error>(v_); }

 private:
  std::variant<T, Error> v_;
};

}  // namespace notice
