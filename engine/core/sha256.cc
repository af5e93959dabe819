#include "core/sha256.h"

#include <nettle/sha2.h>

namespace notice {

std::string sha256Hex(std::string_view bytes) { return sha256Hex({bytes}); }

std::string sha256Hex(std::initializer_list<std::string_view> parts) {
  // Nettle's context lives on the stack: hashing allocates nothing and cannot fail.
  sha256_ctx context;
  sha256_init(&context);
  for (std::string_view part : parts) {
    sha256_update(&context, part.size(), reinterpret_cast<const uint8_t*>(part.data()));
  }
  uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(&context, SHA256_DIGEST_SIZE, digest);
  static const char* hex = "0123456789abcdef";
  std::string out;
  out.reserve(2 * SHA256_DIGEST_SIZE);
  for (uint8_t byte : digest) {
    out += hex[byte >> 4];
    out += hex[byte & 15];
  }
  return out;
}

}  // namespace notice
