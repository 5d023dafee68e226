#include "store/idempotency_repository.hpp"

#include "store/row_reader.hpp"
#include "store/soci_optional.hpp"

namespace steward::store::idempotency {

Result<std::optional<StoredAnswer>> claim(Unit& unit, long long user_id, const std::string& key,
                                          const Fingerprint& request, domain::Instant now,
                                          std::chrono::seconds ttl) {
  const std::string now_text = domain::format_instant(now);
  unit.sql() << "DELETE FROM idempotency_keys WHERE expires_at <= :n", soci::use(now_text);
  soci::row row;
  unit.sql() << "SELECT method, target, body_sha256, status, content_type, response_headers, "
                "response_body FROM idempotency_keys WHERE user_id = :u AND idem_key = :k",
      soci::use(user_id), soci::use(key), soci::into(row);
  if (unit.sql().got_data()) {
    RowReader r(row);
    StoredAnswer a;
    a.request.method = r.text();
    a.request.target = r.text();
    a.request.body_sha256 = r.text();
    auto status = r.opt_integer();
    if (status) a.status = static_cast<int>(*status);
    a.content_type = r.opt_text().value_or("");
    a.headers_json = r.opt_text().value_or("{}");
    a.body = r.opt_text().value_or("");
    return std::optional<StoredAnswer>(std::move(a));
  }
  const std::string expires = domain::format_instant(now + ttl);
  unit.sql() << "INSERT INTO idempotency_keys (user_id, idem_key, method, target, body_sha256, "
                "expires_at, created_at, updated_at) VALUES (:u, :k, :m, :t, :h, :e, :c, :up)",
      soci::use(user_id), soci::use(key), soci::use(request.method), soci::use(request.target),
      soci::use(request.body_sha256), soci::use(expires), soci::use(now_text), soci::use(now_text);
  return std::optional<StoredAnswer>();
}

Status complete(Unit& unit, long long user_id, const std::string& key, int status,
                const std::string& content_type, const std::string& headers_json,
                const std::string& body) {
  const std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE idempotency_keys SET status = :s, content_type = :c, "
                "response_headers = :h, response_body = :b, updated_at = :up "
                "WHERE user_id = :u AND idem_key = :k",
      soci::use(status), soci::use(content_type), soci::use(headers_json), soci::use(body),
      soci::use(now), soci::use(user_id), soci::use(key);
  return Status::ok();
}

Status release(Unit& unit, long long user_id, const std::string& key) {
  unit.sql() << "DELETE FROM idempotency_keys WHERE user_id = :u AND idem_key = :k "
                "AND status IS NULL",
      soci::use(user_id), soci::use(key);
  return Status::ok();
}

}  // namespace steward::store::idempotency
