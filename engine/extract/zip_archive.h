// A zip package read from memory (OFD and Word .docx are zips of XML parts), over libzip, with
// the limits that keep a hostile archive from costing more than a notice could: the number of
// entries, each part's and all parts' uncompressed size, and the compression ratio (a zip bomb
// inflates a few KiB into gigabytes). Members named with ".." or an absolute path are ignored:
// a package refers only to its own parts.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

struct zip;

namespace notice {

struct ZipLimits {
  size_t max_entries = 20000;                      // an OFD of a few hundred pages has a few thousand
  std::uint64_t max_part_bytes = std::uint64_t{64} << 20;    // one XML part
  std::uint64_t max_total_bytes = std::uint64_t{256} << 20;  // every part read from one archive
  double max_ratio = 200;  // uncompressed / compressed, for parts over 1 MiB (XML deflates 10–30×)
};

// True when the bytes start as a zip does (a local file header or an empty archive's directory).
// Inline: a program that loads the package sources as a module asks this before loading it.
inline bool looksLikeZip(std::string_view bytes) {
  return bytes.substr(0, 4) == "PK\x03\x04" || bytes.substr(0, 4) == "PK\x05\x06";
}

// The member names of a zip: from its central directory, or, when that cannot be read (a
// truncated download), from the local file headers before the damage. Cheap: for sniffing.
std::vector<std::string> zipMemberNames(std::string_view bytes);

// Why libzip will not open these bytes as an archive (kCorrupt: damaged or cut short), or
// nothing when it opens them.
std::optional<Error> zipOpenError(std::string_view bytes);

class ZipArchive {
 public:
  // Errors: kCorrupt (not a zip, truncated, damaged), kTooLarge (too many entries).
  // The bytes must outlive the archive.
  static Result<ZipArchive> open(std::string_view bytes, ZipLimits limits = {});

  ZipArchive(ZipArchive&&) noexcept;
  ZipArchive& operator=(ZipArchive&&) noexcept;
  ~ZipArchive();

  // A part by its path in the package ("Doc_0/Document.xml"; a leading "/" is the package root).
  // Names match exactly, else ignoring ASCII case (packages written on Windows mix them).
  bool contains(std::string_view path) const;
  // Errors: kCorrupt (no such part, encrypted, a damaged stream), kTooLarge (over a limit, or a
  // compression ratio only a zip bomb has).
  Result<std::string> read(std::string_view path);

  // The member names kept (unsafe names left out), in the archive's order.
  const std::vector<std::string>& names() const { return names_; }

 private:
  ZipArchive() = default;
  const std::int64_t* find(std::string_view path) const;

  struct Closer {
    void operator()(zip* z) const;
  };
  std::unique_ptr<zip, Closer> zip_;
  ZipLimits limits_;
  std::vector<std::string> names_;
  std::map<std::string, std::int64_t, std::less<>> index_;        // name → libzip index
  std::map<std::string, std::int64_t, std::less<>> folded_index_; // lower-cased name → index
  std::uint64_t read_bytes_ = 0;
};

// "Doc_0/Pages/Page_0/Content.xml" from a reference written in `from` ("Doc_0/Document.xml"):
// a path starting "/" is from the package root, any other from `from`'s folder; "." and ".."
// resolved ("" when ".." climbs out of the package). Backslashes are read as slashes.
std::string resolvePartPath(std::string_view from, std::string_view reference);

}  // namespace notice
