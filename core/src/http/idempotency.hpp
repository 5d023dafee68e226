// Idempotency-Key for every POST of a resource route, in one place (decision 0110), so routes
// added later get it without code of their own.
//
// A signed-in caller (session or API token) may send `Idempotency-Key: <1..255 visible ASCII>`
// with a POST to a route with a permission (Access::kPermission). The key is scoped to the
// user. The first request runs; a 2xx answer (status, body, Content-Type, Location, ETag) is
// kept for 24 hours keyed by user + key together with the method, the target and the SHA-256 of
// the body. Then:
//   - the same key and the same request: the stored answer again, with
//     `Idempotent-Replayed: true`; the handler does not run, nothing is written;
//   - the same key with another body, path or method: 422 naming Idempotency-Key;
//   - the same key while the first request still runs: 409 naming Idempotency-Key;
//   - a failed first request (4xx/5xx) is not kept: a retry with the key runs again.
// Routes listed in idempotency.cpp opt out: POST /api/v1/gifts keeps its own (global, older)
// behaviour, and routes whose answer carries a secret shown once (one-time passwords, API
// tokens) never store it and ignore the header.
#pragma once

#include <functional>
#include <optional>

#include "domain/date.hpp"
#include "http/router.hpp"

namespace steward::http {

inline constexpr const char* kIdempotencyHeader = "idempotency-key";
inline constexpr const char* kReplayedHeader = "Idempotent-Replayed";
inline constexpr std::chrono::hours kIdempotencyTtl{24};

enum class IdempotencyMode {
  kStored,   // the generic behaviour above
  kHandler,  // the handler reads Idempotency-Key itself (gifts)
  kIgnored,  // not offered: the header is ignored (answers with one-time secrets, sign-in)
};

IdempotencyMode idempotency_mode(const Route& route);

// Runs `run` (the route's handler) under the request's Idempotency-Key when there is one and
// the route takes it; otherwise simply runs it.
Response with_idempotency(store::Database& db, const Route& route, const Request& request,
                          const std::optional<Identity>& identity, domain::Instant now,
                          const std::function<Response()>& run);

}  // namespace steward::http
