// Password hashing with Argon2id (libsodium crypto_pwhash_str), above OWASP's minimum
// parameters (m=19 MiB, t=2): libsodium's "interactive" limits, m=64 MiB, t=2. The stored
// string carries its own parameters and salt, so limits can be raised later: needs_rehash()
// says when a verified password should be hashed again.
//
// Requires sodium_init() (run_cli and the test main call it). Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "steward/sdk/result.hpp"

namespace steward::auth {

// Errors: kInternal when the machine cannot allocate the hashing memory.
Result<std::string> hash_password(std::string_view password);
// Constant-time verification against a stored hash; false for a malformed hash.
bool verify_password(std::string_view password, const std::string& stored_hash);
bool needs_rehash(const std::string& stored_hash);

}  // namespace steward::auth
