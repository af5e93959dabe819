#include "extract/zip_archive.h"

#include <algorithm>

#include <zip.h>

namespace notice {
namespace {

std::string lowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// A member name a package may hold: relative, inside the package, not a folder.
bool safeName(std::string_view name) {
  if (name.empty() || name.back() == '/' || name.front() == '/' || name.front() == '\\') return false;
  if (name.size() >= 2 && name[1] == ':') return false;  // C:\…
  size_t start = 0;
  while (start <= name.size()) {
    size_t end = name.find_first_of("/\\", start);
    if (end == std::string_view::npos) end = name.size();
    if (name.substr(start, end - start) == "..") return false;
    start = end + 1;
  }
  return true;
}

std::uint32_t le(std::string_view b, size_t at, int n) {
  std::uint32_t v = 0;
  for (int i = n - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b[at + i]);
  return v;
}

// Names from the local file headers, in order, up to the first that cannot be read or skipped
// (damage, or a part streamed with its sizes after the data).
std::vector<std::string> localHeaderNames(std::string_view bytes) {
  std::vector<std::string> out;
  size_t at = 0;
  while (at + 30 <= bytes.size() && bytes.substr(at, 4) == "PK\x03\x04") {
    std::uint32_t flags = le(bytes, at + 6, 2), compressed = le(bytes, at + 18, 4);
    std::uint32_t nameLength = le(bytes, at + 26, 2), extraLength = le(bytes, at + 28, 2);
    if (at + 30 + nameLength > bytes.size()) break;
    out.emplace_back(bytes.substr(at + 30, nameLength));
    if (flags & 0x08) break;  // sizes in a data descriptor: the next header cannot be found cheaply
    // In 64 bits: a compressed size near 4 GiB must not wrap the sum round to this same header.
    at += size_t{30} + nameLength + extraLength + compressed;
  }
  return out;
}

Error libzipError(zip_error_t* error, const char* what) {
  return Error{ErrorCode::kCorrupt, std::string(what) + ": " + zip_error_strerror(error)};
}

}  // namespace

void ZipArchive::Closer::operator()(zip* z) const { zip_discard(z); }

std::optional<Error> zipOpenError(std::string_view bytes) {
  auto archive = ZipArchive::open(bytes);
  if (archive.ok()) return std::nullopt;
  return archive.error();
}

std::vector<std::string> zipMemberNames(std::string_view bytes) {
  if (!looksLikeZip(bytes)) return {};
  auto archive = ZipArchive::open(bytes);
  if (archive.ok()) return archive.value().names();
  return localHeaderNames(bytes);
}

ZipArchive::ZipArchive(ZipArchive&&) noexcept = default;
ZipArchive& ZipArchive::operator=(ZipArchive&&) noexcept = default;
ZipArchive::~ZipArchive() = default;

Result<ZipArchive> ZipArchive::open(std::string_view bytes, ZipLimits limits) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    Error e = libzipError(&error, "not a readable zip archive");
    zip_error_fini(&error);
    return e;
  }
  zip_t* z = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error);
  if (z == nullptr) {
    zip_source_free(source);
    Error e = libzipError(&error, "not a readable zip archive (truncated or damaged)");
    zip_error_fini(&error);
    return e;
  }
  zip_error_fini(&error);
  ZipArchive archive;
  archive.zip_.reset(z);
  archive.limits_ = limits;
  zip_int64_t count = zip_get_num_entries(z, 0);
  if (count < 0 || static_cast<std::uint64_t>(count) > limits.max_entries) {
    return Error{ErrorCode::kTooLarge, "the zip archive holds " + std::to_string(count) + " entries, more than " +
                                           std::to_string(limits.max_entries) + ": not a notice's package"};
  }
  for (zip_int64_t i = 0; i < count; ++i) {
    const char* name = zip_get_name(z, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_GUESS);
    if (name == nullptr || !safeName(name)) continue;
    archive.names_.emplace_back(name);
    archive.index_.emplace(name, i);
    archive.folded_index_.emplace(lowerAscii(name), i);
  }
  return archive;
}

const std::int64_t* ZipArchive::find(std::string_view path) const {
  while (!path.empty() && path.front() == '/') path.remove_prefix(1);
  if (auto it = index_.find(path); it != index_.end()) return &it->second;
  if (auto it = folded_index_.find(lowerAscii(path)); it != folded_index_.end()) return &it->second;
  return nullptr;
}

bool ZipArchive::contains(std::string_view path) const { return find(path) != nullptr; }

Result<std::string> ZipArchive::read(std::string_view path) {
  const std::int64_t* index = find(path);
  std::string name(path);
  if (index == nullptr) return Error{ErrorCode::kCorrupt, "the package has no part " + name};
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(zip_.get(), static_cast<zip_uint64_t>(*index), 0, &st) != 0) {
    return Error{ErrorCode::kCorrupt, "the package's entry for " + name + " is damaged"};
  }
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE) {
    return Error{ErrorCode::kCorrupt, "the part " + name + " is encrypted"};
  }
  const std::uint64_t declared = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
  const std::uint64_t compressed = (st.valid & ZIP_STAT_COMP_SIZE) ? st.comp_size : 0;
  const std::uint64_t cap = std::min(limits_.max_part_bytes, limits_.max_total_bytes - read_bytes_);
  auto tooLarge = [&](std::uint64_t size) {
    return Error{ErrorCode::kTooLarge, "the part " + name + " inflates to more than " + std::to_string(size >> 20) +
                                           " MiB (a zip bomb?): refused"};
  };
  const std::uint64_t packed = std::max<std::uint64_t>(compressed, 1);
  auto bomb = [&](std::uint64_t size) {
    return size > (std::uint64_t{1} << 20) && static_cast<double>(size) > limits_.max_ratio * static_cast<double>(packed);
  };
  auto bombError = [&](std::uint64_t size) {
    return Error{ErrorCode::kTooLarge, "the part " + name + " is compressed " + std::to_string(size / packed) +
                                           " to 1, as only a zip bomb is: refused"};
  };
  if (declared > cap) return tooLarge(cap);
  if (bomb(declared)) return bombError(declared);
  zip_file_t* file = zip_fopen_index(zip_.get(), static_cast<zip_uint64_t>(*index), 0);
  if (file == nullptr) {
    return Error{ErrorCode::kCorrupt, "the part " + name + " cannot be read: " + zip_strerror(zip_.get())};
  }
  // The declared size may lie: the limits hold for what actually comes out.
  std::string out;
  out.reserve(static_cast<size_t>(declared));
  char buffer[64 * 1024];
  Result<std::string> result = std::string();
  for (;;) {
    zip_int64_t n = zip_fread(file, buffer, sizeof buffer);
    if (n < 0) {
      result = Error{ErrorCode::kCorrupt, "the part " + name + " is damaged: " + zip_error_strerror(zip_file_get_error(file))};
      break;
    }
    if (n == 0) {
      result = std::move(out);
      break;
    }
    out.append(buffer, static_cast<size_t>(n));
    if (out.size() > cap || bomb(out.size())) {
      result = out.size() > cap ? tooLarge(cap) : bombError(out.size());
      break;
    }
  }
  zip_fclose(file);
  if (result.ok()) read_bytes_ += result.value().size();
  return result;
}

std::string resolvePartPath(std::string_view from, std::string_view reference) {
  std::string ref(reference);
  std::replace(ref.begin(), ref.end(), '\\', '/');
  std::vector<std::string> parts;
  auto push = [&parts](std::string_view path) {
    size_t start = 0;
    while (start <= path.size()) {
      size_t end = path.find('/', start);
      if (end == std::string_view::npos) end = path.size();
      std::string_view part = path.substr(start, end - start);
      if (part == "..") {
        if (parts.empty()) return false;
        parts.pop_back();
      } else if (!part.empty() && part != ".") {
        parts.emplace_back(part);
      }
      start = end + 1;
    }
    return true;
  };
  if (ref.empty() || ref.front() != '/') {
    std::string_view folder = from.substr(0, from.rfind('/') == std::string_view::npos ? 0 : from.rfind('/'));
    push(folder);
  }
  if (!push(ref)) return "";
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

}  // namespace notice
