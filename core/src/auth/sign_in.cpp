#include "auth/sign_in.hpp"

#include <algorithm>
#include <cctype>

#include "auth/password.hpp"
#include "store/audit.hpp"
#include "store/user_repository.hpp"

namespace steward::auth {
namespace {

void record_attempt(store::Unit& unit, const std::string& username, const std::string& remote,
                    bool succeeded, domain::Instant now) {
  const std::string now_text = domain::format_instant(now);
  const int ok = succeeded ? 1 : 0;
  unit.sql() << "INSERT INTO sign_in_attempts (username, remote_addr, succeeded, created_at, "
                "updated_at) VALUES (:u, :r, :s, :c, :up)",
      soci::use(username), soci::use(remote), soci::use(ok), soci::use(now_text),
      soci::use(now_text);
}

long long address_failures(store::Unit& unit, const std::string& remote, domain::Instant since) {
  const std::string since_text = domain::format_instant(since);
  long long n = 0;
  unit.sql() << "SELECT COUNT(*) FROM sign_in_attempts WHERE remote_addr = :r AND succeeded = 0 "
                "AND created_at >= :s",
      soci::use(remote), soci::use(since_text), soci::into(n);
  return n;
}

// Verifying against a real hash of a random password keeps unknown usernames as slow as
// known ones.
const std::string& dummy_hash() {
  static const std::string hash = hash_password("steward-dummy-password-for-timing").value();
  return hash;
}

SignInOutcome refused(SignInResult result, std::string message) {
  SignInOutcome o;
  o.result = result;
  o.message = std::move(message);
  return o;
}

}  // namespace

Result<SignInOutcome> sign_in(store::Unit& unit, const SignInRequest& request,
                              const SignInPolicy& policy, domain::Instant now) {
  std::string username = request.username.substr(0, 64);
  std::transform(username.begin(), username.end(), username.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const std::string wrong = "the username or password is wrong";

  if (!request.remote_addr.empty() &&
      address_failures(unit, request.remote_addr, now - policy.window) >=
          policy.max_address_failures) {
    record_attempt(unit, username, request.remote_addr, false, now);
    store::record_audit(unit, "sign_in_throttled", "user", 0, nullptr, {{"username", username}});
    return refused(SignInResult::kAddressThrottled,
                   "too many failed sign-ins from this address; try again later");
  }

  auto creds = store::users::credentials(unit, username);
  if (!creds) {
    if (creds.status().code() != StatusCode::kNotFound) return creds.status();
    (void)verify_password(request.password, dummy_hash());
    record_attempt(unit, username, request.remote_addr, false, now);
    store::record_audit(unit, "sign_in_failed", "user", 0, nullptr, {{"username", username}});
    return refused(SignInResult::kWrongCredentials, wrong);
  }
  const store::users::Credentials& c = creds.value();
  if (c.locked_until) {
    auto until = domain::parse_instant(*c.locked_until);
    if (until && now < *until) {
      record_attempt(unit, username, request.remote_addr, false, now);
      store::record_audit(unit, "sign_in_locked", "user", c.user.id, nullptr, nullptr);
      return refused(SignInResult::kAccountLocked,
                     "this account is locked after too many failed sign-ins; try again later");
    }
  }
  const bool good = verify_password(request.password, c.password_hash) && !c.user.disabled;
  record_attempt(unit, username, request.remote_addr, good, now);
  if (!good) {
    const long long failures = c.failed_sign_ins + 1;
    std::optional<std::string> lock;
    if (failures >= policy.max_account_failures) {
      lock = domain::format_instant(now + policy.lockout);
    }
    if (Status s = store::users::record_failure(unit, c.user.id, failures, lock); !s) return s;
    store::record_audit(unit, "sign_in_failed", "user", c.user.id, nullptr,
                        {{"failures", failures}, {"locked", lock.has_value()}});
    return refused(SignInResult::kWrongCredentials, wrong);
  }
  if (needs_rehash(c.password_hash)) {
    auto rehashed = hash_password(request.password);
    if (rehashed) (void)store::users::replace_hash(unit, c.user.id, rehashed.value());
  }
  const std::string now_text = domain::format_instant(now);
  if (Status s = store::users::record_success(unit, c.user.id, now_text); !s) return s;
  auto session = store::sessions::create(unit, c.user.id, request.remote_addr, request.user_agent,
                                         !c.user.totp_enabled, now, policy.timeouts);
  if (!session) return session.status();
  store::record_audit(unit, "sign_in", "user", c.user.id, nullptr,
                      {{"session", session.value().id}});
  SignInOutcome o;
  o.result = SignInResult::kSignedIn;
  o.session = session.value();
  o.user = c.user;
  o.must_change_password = c.user.must_change_password;
  o.needs_second_factor = c.user.totp_enabled;
  return o;
}

}  // namespace steward::auth
