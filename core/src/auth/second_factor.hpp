// The optional TOTP second factor (docs/security.md): enrol (a secret sealed with the server's
// SecretBox and an otpauth URI for the app), confirm with a first code (which turns it on and
// returns ten one-time recovery codes, stored hashed), verify at sign-in (a code, each time step
// once, or a recovery code, each once), and turn off (password required). All audited.
#pragma once

#include <ctime>
#include <string>
#include <vector>

#include "auth/secret_box.hpp"
#include "store/database.hpp"

namespace steward::auth {

struct Enrollment {
  std::string secret;  // base32, for typing into the app
  std::string uri;     // otpauth://..., for a QR code
};

Result<Enrollment> begin_enrollment(store::Unit& unit, const SecretBox& box, long long user_id,
                                    const std::string& issuer);
// Errors: kInvalid naming "code" when the code is wrong; kPreconditionFailed without enrolment.
Result<std::vector<std::string>> confirm_enrollment(store::Unit& unit, const SecretBox& box,
                                                    long long user_id, const std::string& code,
                                                    std::time_t now);
// Ok(true) when `code` is a valid TOTP code or an unused recovery code (then used up).
Result<bool> verify_second_factor(store::Unit& unit, const SecretBox& box, long long user_id,
                                  const std::string& code, std::time_t now);
Status disable_second_factor(store::Unit& unit, long long user_id);

}  // namespace steward::auth
