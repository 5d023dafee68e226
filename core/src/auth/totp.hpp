// Time-based one-time passwords (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits, the format
// every authenticator app reads) through liboath, and recovery codes.
// A code is accepted within one step either side (clock drift), and each step only once: the
// caller stores the returned step and passes it back as `last_step` (replay protection).
#pragma once

#include <ctime>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace steward::auth {

// 20 random bytes, base32 without padding (what authenticator apps take).
std::string new_totp_secret();
// otpauth://totp/ISSUER:ACCOUNT?secret=...&issuer=...  (for a QR code)
std::string totp_uri(const std::string& issuer, const std::string& account,
                     const std::string& secret_base32);
// The code for `now` (tests, and showing it in admin tools).
std::string totp_code(const std::string& secret_base32, std::time_t now);
// The time step the code belongs to when it is valid at `now` and newer than `last_step`.
std::optional<long long> verify_totp(const std::string& secret_base32, std::string_view code,
                                     std::time_t now, long long last_step);
// Ten codes like "k3f9-x2mq" for when the phone is lost; each works once.
std::vector<std::string> new_recovery_codes();

}  // namespace steward::auth
