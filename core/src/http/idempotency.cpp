#include "http/idempotency.hpp"

#include <sodium.h>

#include <set>
#include <utility>

#include <nlohmann/json.hpp>

#include "store/idempotency_repository.hpp"

namespace steward::http {
namespace {

// method + " " + pattern of the routes that do not take the generic behaviour.
const std::set<std::string>& handled_by_route() {
  static const std::set<std::string> routes = {"POST /api/v1/gifts"};
  return routes;
}
const std::set<std::string>& never_stored() {
  static const std::set<std::string> routes = {
      "POST /api/v1/users",                      // answers a one-time password
      "POST /api/v1/users/{id}/password-reset",  // answers a one-time password
      "POST /api/v1/session/tokens",             // answers a new API token
  };
  return routes;
}

std::string sha256_hex(const std::string& data) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(data.data()), data.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return hex;
}

bool valid_key(const std::string& key) {
  if (key.empty() || key.size() > 255) return false;
  for (char c : key) {
    if (c < 0x21 || c > 0x7e) return false;
  }
  return true;
}

Response idempotency_bad_key(int status, const std::string& why) {
  const std::vector<FieldError> fields{{"Idempotency-Key", why}};
  return status == 409 ? Response::problem(409, "conflict", "the request conflicts",
                                           "Idempotency-Key: " + why, fields)
                       : Response::problem(422, "validation", "the request has invalid fields",
                                           "Idempotency-Key: " + why, fields);
}

Response idempotency_replay(const store::idempotency::StoredAnswer& stored) {
  Response r;
  r.status = *stored.status;
  r.content_type = stored.content_type;
  r.body = stored.body;
  auto headers = nlohmann::json::parse(stored.headers_json, nullptr, false);
  if (headers.is_object()) {
    for (const auto& [name, value] : headers.items()) {
      if (value.is_string()) r.set(name, value.get<std::string>());
    }
  }
  r.set(kReplayedHeader, "true");
  return r;
}

std::string kept_headers(const Response& r) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [name, value] : r.headers) {
    if (name == "Location" || name == "ETag") out[name] = value;
  }
  return out.dump();
}

}  // namespace

IdempotencyMode idempotency_mode(const Route& route) {
  if (route.method != "POST" || route.access != Access::kPermission) {
    return IdempotencyMode::kIgnored;
  }
  const std::string id = route.method + " " + route.pattern;
  if (handled_by_route().count(id)) return IdempotencyMode::kHandler;
  if (never_stored().count(id)) return IdempotencyMode::kIgnored;
  return IdempotencyMode::kStored;
}

Response with_idempotency(store::Database& db, const Route& route, const Request& request,
                          const std::optional<Identity>& identity, domain::Instant now,
                          const std::function<Response()>& run) {
  auto key = request.header(kIdempotencyHeader);
  if (!key || !identity || idempotency_mode(route) != IdempotencyMode::kStored) return run();
  if (!valid_key(*key))
    return idempotency_bad_key(422, "must be 1 to 255 visible ASCII characters");
  const long long user = identity->user.id;
  const store::Actor actor{"user:" + identity->user.username, request.remote_addr};
  const store::idempotency::Fingerprint fingerprint{request.method, request.target,
                                                    sha256_hex(request.body)};
  auto claimed = db.write(actor, [&](store::Unit& u) {
    return store::idempotency::claim(u, user, *key, fingerprint, now, kIdempotencyTtl);
  });
  if (!claimed) {
    if (claimed.status().code() == StatusCode::kConflict) {
      return idempotency_bad_key(409,
                                 "a request with this key is still being processed; retry later");
    }
    return Response::from_status(claimed.status());
  }
  if (const auto& stored = claimed.value()) {
    const auto& first = stored->request;
    if (first.method != fingerprint.method || first.target != fingerprint.target ||
        first.body_sha256 != fingerprint.body_sha256) {
      return idempotency_bad_key(422, "was already used for another request (" + first.method +
                                          " " + first.target +
                                          " with another body); send a new key");
    }
    if (!stored->status) {
      return idempotency_bad_key(409,
                                 "a request with this key is still being processed; retry later");
    }
    return idempotency_replay(*stored);
  }
  auto forget = [&] {
    (void)db.write(actor,
                   [&](store::Unit& u) { return store::idempotency::release(u, user, *key); });
  };
  Response response;
  try {
    response = run();
  } catch (...) {
    forget();
    throw;
  }
  if (response.status >= 200 && response.status < 300) {
    Status kept = db.write(actor, [&](store::Unit& u) {
      return store::idempotency::complete(u, user, *key, response.status, response.content_type,
                                          kept_headers(response), response.body);
    });
    if (!kept) forget();
  } else {
    forget();
  }
  return response;
}

}  // namespace steward::http
