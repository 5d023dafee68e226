// The backup file of `steward backup` / `steward restore`: a two-line header and the payload
// (a SQLite database file, or a pg_dump custom-format archive), optionally encrypted with a
// passphrase.
//
//   STEWARD-BACKUP 1\n
//   {"backend":"sqlite","format":"sqlite3","created_at":"...","steward_version":"...",
//    "schema_version":12,"encrypted":false,"payload_size":N,"payload_sha256":"..."}\n
//   <payload>
//
// Encrypted: the key is derived from the passphrase with Argon2id (libsodium crypto_pwhash; its
// salt and limits are in the header), and the payload is a libsodium secretstream
// (XChaCha20-Poly1305) of 64 KiB chunks, each written as a 4-byte big-endian length and the
// ciphertext; the header line is authenticated with the first chunk, and the last chunk carries
// the FINAL tag, so a changed header, a changed byte or a truncated file is refused.
// Files are written with mode 0600 under a temporary name and renamed when complete.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "steward/sdk/result.hpp"

namespace steward::app {

struct BackupHeader {
  std::string backend;  // sqlite | postgresql
  std::string format;   // sqlite3 | pg_dump-custom
  std::string created_at;
  std::string steward_version;
  int schema_version = 0;  // the newest migration applied
  bool encrypted = false;
};

// Writes `payload` into `out` with `header`; encrypted when `passphrase` is set.
Status write_backup_file(const std::filesystem::path& payload, const std::filesystem::path& out,
                         BackupHeader header, const std::optional<std::string>& passphrase);

// Reads the header and writes the payload into `payload_out` (mode 0600), checking it (hash, or
// authentication when encrypted). Errors (kInvalid): not a Steward backup, a passphrase is
// needed, wrong passphrase or damaged file, truncated file.
Result<BackupHeader> read_backup_file(const std::filesystem::path& in,
                                      const std::filesystem::path& payload_out,
                                      const std::optional<std::string>& passphrase);

}  // namespace steward::app
