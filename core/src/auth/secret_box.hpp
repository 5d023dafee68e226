// Encryption of secrets Steward must read back (TOTP seeds; later plugin passwords): libsodium
// crypto_secretbox (XSalsa20-Poly1305) under a 256-bit key kept in a file outside the database
// (`secret_key_file`, default var/secret.key, created with mode 0600 on first use). A copy of
// the database alone reveals none of them. Sealed text is base64(nonce || ciphertext).
// Thread-safe after construction.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "steward/sdk/result.hpp"

namespace steward::auth {

class SecretBox {
 public:
  // Reads the key file, or creates it (and its folder) when missing. Errors: kUnavailable when
  // the file cannot be read or written, kInvalid when it is not a key (wrong size) or is
  // readable by others.
  static Result<std::shared_ptr<SecretBox>> load_or_create(const std::filesystem::path& path);
  // A box with a fresh random key (tests).
  static std::shared_ptr<SecretBox> ephemeral();

  std::string seal(std::string_view plaintext) const;
  // Errors: kInvalid when the text was not sealed with this key or was altered.
  Result<std::string> open(std::string_view sealed) const;

 private:
  SecretBox() = default;
  unsigned char key_[32] = {};
};

}  // namespace steward::auth
