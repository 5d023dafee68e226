// plugins/file_hash.hpp: the SHA-256 (libsodium crypto_hash_sha256) of a plugin file, as lower
// case hex. The hash an admin approved is stored with the plugin; a file whose hash differs is
// refused until re-approved.
#pragma once

#include <filesystem>
#include <string>

#include "steward/sdk/result.hpp"

namespace steward::plugins {

Result<std::string> sha256_file(const std::filesystem::path& path);

}  // namespace steward::plugins
