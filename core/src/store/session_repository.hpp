// Sign-in sessions and personal API tokens (store::sessions). Only BLAKE2b hashes of the
// secrets are stored (auth/tokens.hpp); the raw token is returned once, at creation.
//
// A session ends at the first of: its absolute expiry (set at creation), `idle` without a
// request, sign-out (revoke), a password change or the user being disabled (revoke_all).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "domain/user.hpp"
#include "store/database.hpp"

namespace steward::store::sessions {

struct NewSession {
  long long id = 0;
  std::string token;       // the cookie value; never stored
  std::string csrf_token;  // sent back on every state-changing request
  std::string expires_at;
};

struct SessionTimeouts {
  std::chrono::seconds idle{30 * 60};
  std::chrono::seconds absolute{12 * 60 * 60};
};

struct ActiveSession {
  long long id = 0;
  domain::User user;
  std::string csrf_token;
  bool second_factor_done = true;
};

Result<NewSession> create(Unit& unit, long long user_id, const std::string& remote_addr,
                          const std::string& user_agent, bool second_factor_done,
                          domain::Instant now, const SessionTimeouts& timeouts);
// The live session for a raw token, touching its last-seen time; kPermissionDenied for an
// unknown, revoked, idle-expired or expired token, or a disabled or deleted user; kUnavailable
// when the user could not be looked up (a database error is not a sign-out: the API answers 503).
Result<ActiveSession> authenticate(Unit& unit, const std::string& token, domain::Instant now,
                                   const SessionTimeouts& timeouts);
Status mark_second_factor_done(Unit& unit, long long session_id);
Status revoke(Unit& unit, const std::string& token);
Status revoke_all(Unit& unit, long long user_id);

// Personal API tokens: scope "read" or "read_write".
struct NewApiToken {
  long long id = 0;
  std::string token;
};
struct ApiToken {
  long long id = 0;
  long long user_id = 0;
  std::string name;
  std::string scope;
  std::optional<std::string> last_used_at;
  bool revoked = false;
  std::string created_at;
};
Result<NewApiToken> create_api_token(Unit& unit, long long user_id, const std::string& name,
                                     const std::string& scope);
Result<std::vector<ApiToken>> list_api_tokens(Unit& unit, long long user_id);
Status revoke_api_token(Unit& unit, long long user_id, long long token_id);
// The user and scope of a live API token; kPermissionDenied otherwise, kUnavailable when the
// token's user could not be looked up.
struct TokenIdentity {
  domain::User user;
  std::string scope;
};
Result<TokenIdentity> authenticate_api_token(Unit& unit, const std::string& token,
                                             domain::Instant now);

}  // namespace steward::store::sessions
