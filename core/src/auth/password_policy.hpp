// What a new password must satisfy (docs/security.md): valid UTF-8; at least 12 characters
// (code points, so a Korean passphrase counts its syllables); at most 1,024 bytes, far above
// NIST's "at least 64 characters"; not the username; and not one of the world's most common
// passwords, however decorated: capitals, digits and symbols around it, leetspeak (p@ssw0rd),
// repetition (passwordpassword), keyboard runs (qwertyuiop123) and digit runs.
//
// The common-password list is compiled in (auth/common_passwords.cpp): this machine has no
// network to query a breach corpus. Pure functions; thread-safe.
#pragma once

#include <string_view>

#include "steward/sdk/result.hpp"

namespace steward::auth {

inline constexpr std::size_t kMinPasswordLength = 12;  // code points
inline constexpr std::size_t kMaxPasswordBytes = 1024;

// Errors: kInvalid naming the field "password" with the reason a person can act on.
Status check_password_policy(std::string_view password, std::string_view username);

// Whether `word` (lowercase ASCII) is on the compiled common-password list.
bool is_common_password(std::string_view word);

}  // namespace steward::auth
