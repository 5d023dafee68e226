// Signing in and out, the caller's own session, and changing one's password.
//   POST   /api/v1/session           {username, password} -> session cookie + csrf_token
//   GET    /api/v1/session           who am I, and the CSRF token
//   DELETE /api/v1/session           sign out
//   POST   /api/v1/session/password  {current_password, new_password}
#include "auth/password.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json_body.hpp"
#include "store/audit.hpp"
#include "store/session_repository.hpp"
#include "store/user_repository.hpp"

namespace steward::http {
namespace {

// Secure when the server speaks TLS (secure_cookies) or the request came over https through a
// trusted proxy (request.secure).
std::string session_cookie(const std::string& token, const ApiOptions& options,
                           const Request& request, bool clear) {
  std::string c = std::string(kSessionCookie) + "=" + (clear ? "" : token) +
                  "; Path=/; HttpOnly; SameSite=Strict";
  if (options.secure_cookies || request.secure) c += "; Secure";
  c += clear ? "; Max-Age=0"
             : "; Max-Age=" + std::to_string(options.sign_in.timeouts.absolute.count());
  return c;
}

nlohmann::json session_json(const domain::User& user, const std::string& csrf,
                            bool second_factor_pending) {
  return {{"user", user_json(user)},
          {"csrf_token", csrf},
          {"must_change_password", user.must_change_password},
          {"second_factor_required", second_factor_pending}};
}

Response sign_in(Api& api, Call& call) {
  nlohmann::json body;
  if (auto bad = parse_json_body(call.request, body)) return *bad;
  JsonReader in(body);
  auto username = in.text("username", true);
  auto password = in.text("password", true);
  if (Status s = in.finish(); !s) return Response::from_status(s);
  auth::SignInRequest req{*username, *password, call.request.remote_addr,
                          call.request.header("user-agent").value_or("")};
  auto outcome = call.db.write(call.actor, [&](store::Unit& u) {
    return auth::sign_in(u, req, api.options().sign_in, api.options().now());
  });
  if (!outcome) return Response::from_status(outcome.status());
  const auth::SignInOutcome& o = outcome.value();
  switch (o.result) {
    case auth::SignInResult::kSignedIn:
      break;
    case auth::SignInResult::kWrongCredentials:
      return Response::problem(401, "sign-in-failed", "sign-in failed", o.message);
    case auth::SignInResult::kAccountLocked:
    case auth::SignInResult::kAddressThrottled:
      return Response::problem(429, "sign-in-throttled", "too many failed sign-ins", o.message)
          .set("Retry-After", std::to_string(api.options().sign_in.lockout.count()));
  }
  Response r =
      Response::json(201, session_json(o.user, o.session.csrf_token, o.needs_second_factor));
  r.set("Set-Cookie", session_cookie(o.session.token, api.options(), call.request, false));
  return r;
}

Response whoami(Call& call) {
  return Response::json(200, session_json(call.identity->user, call.identity->csrf_token,
                                          call.identity->second_factor_pending));
}

Response sign_out(Api& api, Call& call) {
  if (call.identity->via_token) {
    return Response::problem(400, "not-a-session", "API tokens are revoked, not signed out");
  }
  auto token = call.request.cookie(kSessionCookie).value_or("");
  Status s = call.db.write(call.actor, [&](store::Unit& u) {
    Status revoked = store::sessions::revoke(u, token);
    if (revoked) {
      store::record_audit(u, "sign_out", "user", call.identity->user.id, nullptr, nullptr);
    }
    return revoked;
  });
  if (!s) return Response::from_status(s);
  Response r = Response::no_content();
  r.set("Set-Cookie", session_cookie("", api.options(), call.request, true));
  return r;
}

Response change_password(Api& api, Call& call) {
  if (call.identity->via_token) {
    return Response::problem(403, "forbidden", "API tokens cannot change passwords");
  }
  nlohmann::json body;
  if (auto bad = parse_json_body(call.request, body)) return *bad;
  JsonReader in(body);
  auto current = in.text("current_password", true);
  auto next = in.text("new_password", true);
  if (Status s = in.finish(); !s) return Response::from_status(s);
  const domain::User& user = call.identity->user;
  auto session =
      call.db.write(call.actor, [&](store::Unit& u) -> Result<store::sessions::NewSession> {
        auto creds = store::users::credentials(u, user.username);
        if (!creds) return creds.status();
        if (!auth::verify_password(*current, creds.value().password_hash)) {
          return Status::invalid_field("current_password", "is not your current password");
        }
        if (*current == *next) {
          return Status::invalid_field("new_password", "must differ from the current password");
        }
        if (Status s = store::users::set_password(u, user.id, *next, false); !s) return s;
        // Every session ended with the change; this one continues under a fresh token.
        return store::sessions::create(u, user.id, call.request.remote_addr,
                                       call.request.header("user-agent").value_or(""), true,
                                       api.options().now(), api.options().sign_in.timeouts);
      });
  if (!session) return Response::from_status(session.status());
  domain::User updated = user;
  updated.must_change_password = false;
  Response r = Response::json(200, session_json(updated, session.value().csrf_token, false));
  r.set("Set-Cookie", session_cookie(session.value().token, api.options(), call.request, false));
  return r;
}

}  // namespace

void add_session_routes(Api& api) {
  Router& r = api.router();
  r.add({"POST",
         "/api/v1/session",
         Access::kPublic,
         auth::Permission::kReadDonors,
         "Sign in with username and password",
         [&api](Call& c) { return sign_in(api, c); },
         {{"requestBody", {{"username", "string"}, {"password", "string"}}}}});
  r.add({"GET",
         "/api/v1/session",
         Access::kPartial,
         auth::Permission::kReadDonors,
         "The signed-in user and the session's CSRF token",
         [](Call& c) { return whoami(c); },
         {}});
  r.add({"DELETE",
         "/api/v1/session",
         Access::kPartial,
         auth::Permission::kReadDonors,
         "Sign out (ends this session)",
         [&api](Call& c) { return sign_out(api, c); },
         {}});
  r.add({"POST",
         "/api/v1/session/password",
         Access::kSignedIn,
         auth::Permission::kReadDonors,
         "Change your password (ends your other sessions)",
         [&api](Call& c) { return change_password(api, c); },
         {{"requestBody", {{"current_password", "string"}, {"new_password", "string"}}}}});
}

}  // namespace steward::http
