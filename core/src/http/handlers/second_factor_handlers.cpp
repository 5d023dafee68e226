// The TOTP second factor.
//   POST /api/v1/session/second-factor  {code}  finish signing in (a code or a recovery code)
//   POST /api/v1/session/totp                   start enrolment: {secret, uri}
//   POST /api/v1/session/totp/confirm  {code}   turn it on: {recovery_codes} (shown once)
//   POST /api/v1/session/totp/disable  {password}
//   POST /api/v1/users/{id}/totp-reset          admins: turn it off for a user who lost it
#include "auth/password.hpp"
#include "auth/second_factor.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json_body.hpp"
#include "store/session_repository.hpp"
#include "store/user_repository.hpp"

namespace steward::http {
namespace {

constexpr int kMaxSecondFactorFailures = 5;

std::optional<std::string> read_field(const Request& request, const std::string& name,
                                      std::optional<Response>& bad) {
  nlohmann::json body;
  bad = parse_json_body(request, body);
  if (bad) return std::nullopt;
  JsonReader in(body);
  auto value = in.text(name, true);
  if (Status s = in.finish(); !s) {
    bad = Response::from_status(s);
    return std::nullopt;
  }
  return value;
}

long long recent_failures(store::Unit& u, const std::string& key, domain::Instant now) {
  const std::string since = domain::format_instant(now - std::chrono::minutes(15));
  long long n = 0;
  u.sql() << "SELECT COUNT(*) FROM sign_in_attempts WHERE username = :k AND succeeded = 0 "
             "AND created_at >= :s",
      soci::use(key), soci::use(since), soci::into(n);
  return n;
}

Response second_factor(Api& api, Call& call) {
  std::optional<Response> bad;
  auto code = read_field(call.request, "code", bad);
  if (bad) return *bad;
  const domain::User& user = call.identity->user;
  const std::string key = "totp:" + user.username;
  const domain::Instant now = domain::now_instant();
  enum class Outcome { kOk, kWrong, kThrottled };
  auto outcome = call.db.write(call.actor, [&](store::Unit& u) -> Result<Outcome> {
    if (recent_failures(u, key, now) >= kMaxSecondFactorFailures) {
      (void)store::sessions::revoke(u, call.request.cookie(kSessionCookie).value_or(""));
      return Outcome::kThrottled;
    }
    auto ok = auth::verify_second_factor(u, *api.options().secrets, user.id, *code,
                                         std::chrono::system_clock::to_time_t(now));
    if (!ok) return ok.status();
    const std::string stamp = domain::format_instant(now);
    const int succeeded = ok.value() ? 1 : 0;
    u.sql() << "INSERT INTO sign_in_attempts (username, remote_addr, succeeded, created_at, "
               "updated_at) VALUES (:k, :r, :s, :c, :u)",
        soci::use(key), soci::use(call.request.remote_addr), soci::use(succeeded), soci::use(stamp),
        soci::use(stamp);
    if (!ok.value()) return Outcome::kWrong;
    if (Status s = store::sessions::mark_second_factor_done(u, call.identity->session_id); !s) {
      return s;
    }
    return Outcome::kOk;
  });
  if (!outcome) return Response::from_status(outcome.status());
  if (outcome.value() == Outcome::kThrottled) {
    return Response::problem(429, "sign-in-throttled", "too many wrong codes",
                             "sign in again in 15 minutes");
  }
  if (outcome.value() == Outcome::kWrong) {
    return Response::from_status(Status::invalid_field("code", "is not a valid code"));
  }
  return Response::json(200, {{"user", user_json(user)},
                              {"csrf_token", call.identity->csrf_token},
                              {"second_factor_required", false}});
}

Response begin(Api& api, Call& call) {
  auto e = call.db.write(call.actor, [&](store::Unit& u) {
    return auth::begin_enrollment(u, *api.options().secrets, call.identity->user.id,
                                  api.options().issuer);
  });
  if (!e) return Response::from_status(e.status());
  return Response::json(201, {{"secret", e.value().secret}, {"uri", e.value().uri}});
}

Response confirm(Api& api, Call& call) {
  std::optional<Response> bad;
  auto code = read_field(call.request, "code", bad);
  if (bad) return *bad;
  auto codes = call.db.write(call.actor, [&](store::Unit& u) {
    return auth::confirm_enrollment(u, *api.options().secrets, call.identity->user.id, *code,
                                    std::time(nullptr));
  });
  if (!codes) return Response::from_status(codes.status());
  return Response::json(200, {{"recovery_codes", codes.value()}});
}

Response disable(Call& call) {
  std::optional<Response> bad;
  auto password = read_field(call.request, "password", bad);
  if (bad) return *bad;
  Status s = call.db.write(call.actor, [&](store::Unit& u) -> Status {
    auto creds = store::users::credentials(u, call.identity->user.username);
    if (!creds) return creds.status();
    if (!auth::verify_password(*password, creds.value().password_hash)) {
      return Status::invalid_field("password", "is not your password");
    }
    return auth::disable_second_factor(u, call.identity->user.id);
  });
  return s ? Response::no_content() : Response::from_status(s);
}

Response admin_reset(Call& call) {
  auto id = path_id(call.request);
  if (!id) return Response::problem(404, "not-found", "no such user");
  Status s = call.db.write(call.actor, [&](store::Unit& u) -> Status {
    auto user = store::users::get(u, *id);
    if (!user) return user.status();
    return auth::disable_second_factor(u, *id);
  });
  return s ? Response::no_content() : Response::from_status(s);
}

}  // namespace

void add_second_factor_routes(Api& api) {
  Router& r = api.router();
  using auth::Permission;
  r.add({"POST",
         "/api/v1/session/second-factor",
         Access::kPartial,
         Permission::kReadDonors,
         "Finish signing in with a TOTP code or a recovery code",
         [&api](Call& c) { return second_factor(api, c); },
         {}});
  r.add({"POST",
         "/api/v1/session/totp",
         Access::kSignedIn,
         Permission::kReadDonors,
         "Start TOTP enrolment (secret and otpauth URI)",
         [&api](Call& c) { return begin(api, c); },
         {}});
  r.add({"POST",
         "/api/v1/session/totp/confirm",
         Access::kSignedIn,
         Permission::kReadDonors,
         "Turn TOTP on with a first code; returns recovery codes once",
         [&api](Call& c) { return confirm(api, c); },
         {}});
  r.add({"POST",
         "/api/v1/session/totp/disable",
         Access::kSignedIn,
         Permission::kReadDonors,
         "Turn TOTP off (password required)",
         disable,
         {}});
  r.add({"POST",
         "/api/v1/users/{id}/totp-reset",
         Access::kPermission,
         Permission::kManageUsers,
         "Turn a user's TOTP off (lost phone)",
         admin_reset,
         {}});
}

}  // namespace steward::http
