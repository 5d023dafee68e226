#include "plugins/file_hash.hpp"

#include <sodium.h>

#include <fstream>
#include <vector>

namespace steward::plugins {

Result<std::string> sha256_file(const std::filesystem::path& path) {
  if (sodium_init() < 0) return Status::internal("libsodium failed to initialise");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::not_found("cannot read " + path.string());
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  std::vector<char> buffer(64 * 1024);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    auto got = in.gcount();
    if (got > 0) {
      crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(buffer.data()),
                                static_cast<unsigned long long>(got));
    }
  }
  if (in.bad()) return Status::unavailable("error reading " + path.string());
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&state, digest);
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(hex);
}

}  // namespace steward::plugins
