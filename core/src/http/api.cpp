#include "http/api.hpp"

#include <spdlog/spdlog.h>

#include "auth/tokens.hpp"
#include "http/idempotency.hpp"
#include "store/audit.hpp"
#include "store/session_repository.hpp"

namespace steward::http {
namespace {

bool changes_state(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

std::string api_join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ", ") + s;
  return out;
}

// A failed session or token check: "not signed in" (the check said no) or a database failure
// (the check could not run). Only the first is an anonymous caller; a database failure must
// not look like a sign-out to a user whose session is fine (decision 0111).
bool check_refused(const Status& s) {
  return s.code() == StatusCode::kPermissionDenied || s.code() == StatusCode::kNotFound ||
         s.code() == StatusCode::kInvalid;
}

Response unavailable() {
  Response r = Response::problem(503, "unavailable", "the database is busy; try again",
                                 "the session could not be checked");
  r.set("Retry-After", "1");
  return r;
}

}  // namespace

Api::Api(store::Database& db, ApiOptions options) : db_(db), options_(std::move(options)) {
  if (!options_.secrets) options_.secrets = auth::SecretBox::ephemeral();
}

namespace {

// Who sent the request: nothing when no valid session cookie or API token came; an
// unavailable Status when the database failed while checking (handle() answers 503).
Result<std::optional<Identity>> identify_caller(store::Database& db, const ApiOptions& options,
                                                const Request& request) {
  const std::optional<Identity> nobody;
  const domain::Instant now = options.now();
  if (auto auth = request.header("authorization")) {
    const std::string prefix = "Bearer ";
    if (auth->rfind(prefix, 0) != 0) return nobody;
    const std::string token = auth->substr(prefix.size());
    // Outside a transaction: the lookup is a read, and the rare last_used_at refresh is one
    // atomic UPDATE. A read-then-write transaction here made concurrent requests on SQLite fail
    // with SQLITE_BUSY (its snapshot was stale by the time it wrote).
    auto who = db.read(
        [&](store::Unit& u) { return store::sessions::authenticate_api_token(u, token, now); });
    if (!who) {
      if (check_refused(who.status())) return nobody;
      return Status::unavailable(who.status().message());
    }
    Identity id;
    id.user = who.value().user;
    id.via_token = true;
    id.token_scope = who.value().scope;
    return std::optional<Identity>(id);
  }
  auto cookie = request.cookie(kSessionCookie);
  if (!cookie) return nobody;
  auto session = db.read([&](store::Unit& u) {  // outside a transaction, as for tokens above
    return store::sessions::authenticate(u, *cookie, now, options.sign_in.timeouts);
  });
  if (!session) {
    if (check_refused(session.status())) return nobody;
    return Status::unavailable(session.status().message());
  }
  Identity id;
  id.user = session.value().user;
  id.session_id = session.value().id;
  id.csrf_token = session.value().csrf_token;
  id.second_factor_pending = !session.value().second_factor_done;
  return std::optional<Identity>(id);
}

}  // namespace

// Kept for api.hpp; handle() calls identify_caller to tell a database failure from a sign-out.
std::optional<Identity> Api::identify(const Request& request) {
  auto who = identify_caller(db_, options_, request);
  if (!who) return std::nullopt;
  return who.value();
}

std::optional<Response> Api::check_access(const Route& route, const Request& request,
                                          const std::optional<Identity>& identity) {
  if (route.access == Access::kPublic) return std::nullopt;
  if (!identity) {
    return Response::problem(401, "unauthenticated", "sign in first",
                             "no valid session cookie or API token was sent");
  }
  if (!identity->via_token && changes_state(request.method)) {
    auto sent = request.header(kCsrfHeader);
    if (!sent || !auth::equal_constant_time(*sent, identity->csrf_token)) {
      return Response::problem(403, "csrf", "missing or wrong CSRF token",
                               "send the session's csrf_token in the X-CSRF-Token header");
    }
  }
  if (route.access == Access::kPartial) return std::nullopt;
  if (identity->second_factor_pending) {
    return Response::problem(401, "second-factor", "enter your second factor first",
                             "POST /api/v1/session/second-factor");
  }
  if (route.access == Access::kSignedIn) return std::nullopt;
  if (identity->user.must_change_password) {
    return Response::problem(403, "password-change-required", "change your one-time password first",
                             "POST /api/v1/session/password");
  }
  if (identity->via_token && identity->token_scope == "read" && changes_state(request.method)) {
    return Response::problem(403, "forbidden", "this API token is read-only");
  }
  if (!auth::allows(identity->user.role, route.permission)) {
    store::Actor actor{"user:" + identity->user.username, request.remote_addr};
    (void)db_.write(actor, [&](store::Unit& u) {
      store::record_audit(u, "permission_denied", "route", 0, nullptr,
                          {{"method", request.method}, {"path", request.path}});
      return Status::ok();
    });
    return Response::problem(403, "forbidden", "your role may not do this",
                             "role " + auth::to_string(identity->user.role));
  }
  return std::nullopt;
}

Response Api::handle(Request& request) {
  Router::Match match = router_.match(request.method, request.path);
  if (!match.route) {
    if (!match.allowed.empty()) {
      Response r = Response::problem(405, "method-not-allowed", "method not allowed here",
                                     request.method + " " + request.path);
      r.set("Allow", api_join(match.allowed));
      return r;
    }
    return Response::problem(404, "not-found", "no such resource", request.path);
  }
  request.path_params = match.params;
  auto identified = identify_caller(db_, options_, request);
  if (!identified) {
    spdlog::warn("request {} {} {}: cannot check the session: {}", request.request_id,
                 request.method, request.path, identified.status().message());
    Response busy = unavailable();
    busy.route_label = match.route->pattern;
    return busy;
  }
  std::optional<Identity> identity = identified.value();
  if (auto refused = check_access(*match.route, request, identity)) {
    refused->route_label = match.route->pattern;
    return *refused;
  }
  store::Actor actor{identity ? "user:" + identity->user.username : "anonymous",
                     request.remote_addr};
  Call call{request, identity, db_, actor};
  try {
    // A POST with Idempotency-Key replays its first answer (http/idempotency.hpp).
    Response response = with_idempotency(db_, *match.route, request, identity, options_.now(),
                                         [&] { return match.route->handler(call); });
    if (identity) response.log_user = identity->user.username;
    response.route_label = match.route->pattern;
    return response;
  } catch (const std::exception& e) {
    spdlog::error("request {} {} {} failed: {}", request.request_id, request.method, request.path,
                  e.what());
  } catch (...) {
    spdlog::error("request {} {} {} failed", request.request_id, request.method, request.path);
  }
  Response failed = Response::from_status(Status::internal("handler failed"));
  failed.route_label = match.route->pattern;
  return failed;
}

}  // namespace steward::http
