// The JSON API under /api/v1: routes, who is calling, and whether they may.
//
// For every request Api::handle() (on a worker thread, never an I/O thread):
//   1. finds the route (404, or 405 with Allow);
//   2. identifies the caller: `Authorization: Bearer stw_...` (API token) or the
//      `steward_session` cookie (session; idle and absolute timeouts);
//   3. checks access: 401 without an identity, 403 when the role lacks the route's permission
//      (recorded in the audit trail), when a read-only token tries a change, or while the
//      password must be changed / the second factor is pending;
//   4. for session callers, requires `X-CSRF-Token` on every state-changing method (403);
//   5. runs the handler, under the request's Idempotency-Key for a POST that sent one
//      (http/idempotency.hpp); an exception becomes a logged 500 that shows no internals.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "auth/secret_box.hpp"
#include "auth/sign_in.hpp"
#include "http/router.hpp"

namespace steward::http {

inline constexpr const char* kSessionCookie = "steward_session";
inline constexpr const char* kCsrfHeader = "x-csrf-token";

struct ApiOptions {
  auth::SignInPolicy sign_in;   // includes the session timeouts
  bool secure_cookies = false;  // Secure flag (TLS or an https trusted proxy)
  // Seals TOTP secrets; ephemeral when not set (tests). `serve` loads secret_key_file.
  std::shared_ptr<auth::SecretBox> secrets;
  std::string issuer = "Steward";  // shown in authenticator apps
  // The time sessions are created and checked against; domain::now_instant() when not set
  // (tests set it to move time forward without sleeping).
  std::function<domain::Instant()> clock;
  domain::Instant now() const { return clock ? clock() : domain::now_instant(); }
  std::string plugin_dir = "var/plugins";  // /api/v1/plugins manages this directory
};

class Api {
 public:
  Api(store::Database& db, ApiOptions options);
  Router& router() { return router_; }
  const Router& router() const { return router_; }
  const ApiOptions& options() const { return options_; }
  store::Database& db() { return db_; }

  Response handle(Request& request);

 private:
  std::optional<Identity> identify(const Request& request);
  std::optional<Response> check_access(const Route& route, const Request& request,
                                       const std::optional<Identity>& identity);

  store::Database& db_;
  ApiOptions options_;
  Router router_;
};

// Registers every resource's routes (one file per resource in http/handlers/).
void register_routes(Api& api);

}  // namespace steward::http
