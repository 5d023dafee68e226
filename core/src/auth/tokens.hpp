// Secrets handed to clients (session cookies, CSRF tokens, API tokens, one-time passwords) and
// how the server keeps them: only a keyed-free BLAKE2b hash is stored, so a database copy does
// not let anyone sign in. Requires sodium_init(). Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace steward::auth {

// `bytes` random bytes (256 bits by default) as unpadded base64url text.
std::string random_token(std::size_t bytes = 32);
// A prefixed token for scripts ("stw_" + 256 random bits), recognisable in logs and scanners.
std::string random_api_token();
// A human-typable one-time password: 4 groups of 4 characters from an unambiguous alphabet
// (no 0/O, 1/l/I), about 80 bits.
std::string random_one_time_password();
// BLAKE2b-256 of the token, as lowercase hex: what the database stores.
std::string hash_token(std::string_view token);
// Constant-time string comparison.
bool equal_constant_time(std::string_view a, std::string_view b);

}  // namespace steward::auth
