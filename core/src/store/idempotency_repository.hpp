// Idempotency keys of the API (store::idempotency): per user, the fingerprint of the first
// request sent with a key and, once it succeeded, its answer, kept until `expires_at`.
//
// A key is claimed before the request runs (a row without a status), completed with the answer
// when the request succeeded, and released (deleted) when it failed, so a failed request can be
// retried with the same key. These rows are a cache of answers, not donor data: the change the
// first request made is audited by its own repository; claiming, completing and releasing are
// not audited (decision 0110).
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "domain/date.hpp"
#include "store/database.hpp"

namespace steward::store::idempotency {

struct Fingerprint {
  std::string method;
  std::string target;       // path and query as sent
  std::string body_sha256;  // hex
};

struct StoredAnswer {
  Fingerprint request;
  std::optional<int> status;  // nullopt while the first request is still running
  std::string content_type;
  std::string headers_json;  // {"Location": "...", "ETag": "..."}
  std::string body;
};

// Deletes expired keys, then either claims (user_id, key) for `request` (nullopt) or returns
// the live row already holding it. A concurrent claim of the same key fails with kConflict.
Result<std::optional<StoredAnswer>> claim(Unit& unit, long long user_id, const std::string& key,
                                          const Fingerprint& request, domain::Instant now,
                                          std::chrono::seconds ttl);
// Stores the answer of a claimed key.
Status complete(Unit& unit, long long user_id, const std::string& key, int status,
                const std::string& content_type, const std::string& headers_json,
                const std::string& body);
// Forgets a claimed key whose request did not succeed.
Status release(Unit& unit, long long user_id, const std::string& key);

}  // namespace steward::store::idempotency
