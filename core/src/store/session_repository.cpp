#include "store/session_repository.hpp"

#include <nlohmann/json.hpp>

#include "auth/tokens.hpp"
#include "domain/validation.hpp"
#include "store/audit.hpp"
#include "store/row_reader.hpp"
#include "store/soci_optional.hpp"
#include "store/user_repository.hpp"

namespace steward::store::sessions {
namespace {

Status denied() { return Status::permission_denied("not signed in, or the session has ended"); }

// The user a live session or token belongs to. A user that no longer exists or is disabled
// ends the session (kPermissionDenied); a lookup that failed in the database is kUnavailable,
// so the API answers 503 with Retry-After instead of signing a user out (decision 0111).
Result<domain::User> session_user(Unit& unit, long long user_id) {
  Result<domain::User> user = Status::internal("not looked up");
  try {
    user = users::get(unit, user_id);
  } catch (const std::exception& e) {
    return Status::unavailable(std::string("cannot look up the signed-in user: ") + e.what());
  }
  if (!user) {
    if (user.status().code() == StatusCode::kNotFound) return denied();
    return Status::unavailable("cannot look up the signed-in user: " + user.status().message());
  }
  if (user.value().disabled) return denied();
  return user;
}

}  // namespace

Result<NewSession> create(Unit& unit, long long user_id, const std::string& remote_addr,
                          const std::string& user_agent, bool second_factor_done,
                          domain::Instant now, const SessionTimeouts& timeouts) {
  NewSession s;
  s.token = auth::random_token();
  s.csrf_token = auth::random_token();
  s.expires_at = domain::format_instant(now + timeouts.absolute);
  const std::string hash = auth::hash_token(s.token);
  const std::string now_text = domain::format_instant(now);
  const std::string agent = user_agent.substr(0, 300);
  const int factor = second_factor_done ? 1 : 0;
  unit.sql() << "INSERT INTO sessions (user_id, token_hash, csrf_token, remote_addr, user_agent, "
                "second_factor_done, last_seen_at, expires_at, created_at, updated_at) "
                "VALUES (:u, :h, :c, :r, :a, :f, :l, :e, :cr, :up) RETURNING id",
      soci::use(user_id), soci::use(hash), soci::use(s.csrf_token), soci::use(remote_addr),
      soci::use(agent), soci::use(factor), soci::use(now_text), soci::use(s.expires_at),
      soci::use(now_text), soci::use(now_text), soci::into(s.id);
  return s;
}

Result<ActiveSession> authenticate(Unit& unit, const std::string& token, domain::Instant now,
                                   const SessionTimeouts& timeouts) {
  if (token.empty() || token.size() > 200) return denied();
  const std::string hash = auth::hash_token(token);
  soci::row row;
  unit.sql() << "SELECT id, user_id, csrf_token, second_factor_done, last_seen_at, expires_at, "
                "revoked_at FROM sessions WHERE token_hash = :h",
      soci::use(hash), soci::into(row);
  if (!unit.sql().got_data()) return denied();
  RowReader r(row);
  ActiveSession out;
  out.id = r.integer();
  const long long user_id = r.integer();
  out.csrf_token = r.text();
  out.second_factor_done = r.flag();
  auto last_seen = domain::parse_instant(r.timestamp());
  auto expires = domain::parse_instant(r.timestamp());
  if (r.opt_timestamp() || !last_seen || !expires) return denied();
  if (now >= *expires || now - *last_seen >= timeouts.idle) return denied();
  auto user = session_user(unit, user_id);
  if (!user) return user.status();
  out.user = user.value();
  // last_seen_at is written at most every idle/30 (a minute at the default 30 minutes), so a
  // busy session does not turn every read into a write; the idle timeout stays exact to that.
  if (now - *last_seen >= timeouts.idle / 30) {
    const std::string now_text = domain::format_instant(now);
    unit.sql() << "UPDATE sessions SET last_seen_at = :n, updated_at = :u WHERE id = :id",
        soci::use(now_text), soci::use(now_text), soci::use(out.id);
  }
  return out;
}

Status mark_second_factor_done(Unit& unit, long long session_id) {
  const std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE sessions SET second_factor_done = 1, updated_at = :u WHERE id = :id",
      soci::use(now), soci::use(session_id);
  return Status::ok();
}

Status revoke(Unit& unit, const std::string& token) {
  const std::string hash = auth::hash_token(token);
  const std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE sessions SET revoked_at = :r, updated_at = :u "
                "WHERE token_hash = :h AND revoked_at IS NULL",
      soci::use(now), soci::use(now), soci::use(hash);
  return Status::ok();
}

Status revoke_all(Unit& unit, long long user_id) {
  const std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE sessions SET revoked_at = :r, updated_at = :u "
                "WHERE user_id = :id AND revoked_at IS NULL",
      soci::use(now), soci::use(now), soci::use(user_id);
  return Status::ok();
}

Result<NewApiToken> create_api_token(Unit& unit, long long user_id, const std::string& name,
                                     const std::string& scope) {
  if (Status s = domain::require_text("name", name, 100); !s) return s;
  if (Status s = domain::require_one_of("scope", scope, {"read", "read_write"}); !s) return s;
  auto user = users::get(unit, user_id);
  if (!user) return user.status();
  NewApiToken t;
  t.token = auth::random_api_token();
  const std::string hash = auth::hash_token(t.token);
  const std::string now = domain::utc_now_iso();
  unit.sql() << "INSERT INTO api_tokens (user_id, name, token_hash, scope, created_at, updated_at) "
                "VALUES (:u, :n, :h, :s, :c, :up) RETURNING id",
      soci::use(user_id), soci::use(name), soci::use(hash), soci::use(scope), soci::use(now),
      soci::use(now), soci::into(t.id);
  record_audit(unit, "create", "api_token", t.id, nullptr,
               {{"user_id", user_id}, {"name", name}, {"scope", scope}});
  return t;
}

Result<std::vector<ApiToken>> list_api_tokens(Unit& unit, long long user_id) {
  std::vector<ApiToken> out;
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT id, user_id, name, scope, last_used_at, revoked_at, "
                             "created_at FROM api_tokens WHERE user_id = :u ORDER BY id",
       soci::use(user_id));
  for (const soci::row& row : rows) {
    RowReader r(row);
    ApiToken t;
    t.id = r.integer();
    t.user_id = r.integer();
    t.name = r.text();
    t.scope = r.text();
    t.last_used_at = r.opt_timestamp();
    t.revoked = r.opt_timestamp().has_value();
    t.created_at = r.timestamp();
    out.push_back(std::move(t));
  }
  return out;
}

Status revoke_api_token(Unit& unit, long long user_id, long long token_id) {
  const std::string now = domain::utc_now_iso();
  soci::statement st =
      (unit.sql().prepare << "UPDATE api_tokens SET revoked_at = :r, updated_at = :u "
                             "WHERE id = :id AND user_id = :user AND revoked_at IS NULL",
       soci::use(now), soci::use(now), soci::use(token_id), soci::use(user_id));
  st.execute(true);
  if (st.get_affected_rows() == 0) {
    return Status::not_found("API token " + std::to_string(token_id) + " is not an active token");
  }
  record_audit(unit, "revoke", "api_token", token_id, nullptr, nullptr);
  return Status::ok();
}

Result<TokenIdentity> authenticate_api_token(Unit& unit, const std::string& token,
                                             domain::Instant now) {
  if (token.size() < 10 || token.size() > 200) return denied();
  const std::string hash = auth::hash_token(token);
  soci::row row;
  unit.sql() << "SELECT id, user_id, scope, revoked_at, last_used_at FROM api_tokens "
                "WHERE token_hash = :h",
      soci::use(hash), soci::into(row);
  if (!unit.sql().got_data()) return denied();
  RowReader r(row);
  const long long id = r.integer();
  const long long user_id = r.integer();
  TokenIdentity out;
  out.scope = r.text();
  if (r.opt_timestamp()) return denied();
  auto last_used_text = r.opt_timestamp();
  auto user = session_user(unit, user_id);
  if (!user) return user.status();
  out.user = user.value();
  // last_used_at is kept to the minute: a script's thousand reads a minute are not a thousand
  // writes (each would take SQLite's write lock).
  auto last_used = last_used_text ? domain::parse_instant(*last_used_text) : std::nullopt;
  if (!last_used || now - *last_used >= std::chrono::minutes(1)) {
    const std::string now_text = domain::format_instant(now);
    unit.sql() << "UPDATE api_tokens SET last_used_at = :n, updated_at = :u WHERE id = :id",
        soci::use(now_text), soci::use(now_text), soci::use(id);
  }
  return out;
}

}  // namespace steward::store::sessions
