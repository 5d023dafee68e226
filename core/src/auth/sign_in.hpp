// Signing in with a username and password, with throttling (docs/security.md):
// - per account: after `max_account_failures` failures in a row the account is locked for
//   `lockout` (the lock expires by itself; a successful sign-in resets the count);
// - per address: more than `max_address_failures` failures from one address within `window`
//   refuses further attempts from it until the window passes;
// - an unknown username costs the same time as a wrong password (a dummy hash is verified), and
//   every outcome is recorded in sign_in_attempts and the audit trail.
//
// sign_in() returns ok with an outcome for every attempt (so the caller's unit commits the
// attempt record); only database errors are non-ok.
#pragma once

#include <chrono>
#include <string>

#include "domain/date.hpp"
#include "store/database.hpp"
#include "store/session_repository.hpp"

namespace steward::auth {

struct SignInPolicy {
  int max_account_failures = 5;
  std::chrono::seconds lockout{15 * 60};
  int max_address_failures = 20;
  std::chrono::seconds window{15 * 60};
  store::sessions::SessionTimeouts timeouts;
};

struct SignInRequest {
  std::string username;
  std::string password;
  std::string remote_addr;
  std::string user_agent;
};

enum class SignInResult { kSignedIn, kWrongCredentials, kAccountLocked, kAddressThrottled };

struct SignInOutcome {
  SignInResult result = SignInResult::kWrongCredentials;
  store::sessions::NewSession session;  // when signed in
  domain::User user;                    // when signed in
  bool must_change_password = false;
  bool needs_second_factor = false;
  std::string message;  // for the person: never says whether the username exists
};

Result<SignInOutcome> sign_in(store::Unit& unit, const SignInRequest& request,
                              const SignInPolicy& policy, domain::Instant now);

}  // namespace steward::auth
