#include "store/user_repository.hpp"

#include <nlohmann/json.hpp>

#include "auth/password.hpp"
#include "auth/password_policy.hpp"
#include "domain/date.hpp"
#include "store/audit.hpp"
#include "store/row_reader.hpp"
#include "store/session_repository.hpp"
#include "store/soci_optional.hpp"

namespace steward::store::users {
namespace {

const char* kUserColumns =
    "id, username, display_name, email, role, restricted_access, must_change_password, "
    "totp_enabled, disabled_at, last_sign_in_at, created_at, updated_at";

domain::User user_from_row(const soci::row& row) {
  RowReader r(row);
  domain::User u;
  u.id = r.integer();
  u.username = r.text();
  u.display_name = r.text();
  u.email = r.opt_text();
  u.role = auth::parse_role(r.text()).value_or(auth::Role::kViewer);
  u.restricted_access = r.flag();
  u.must_change_password = r.flag();
  u.totp_enabled = r.flag();
  u.disabled = r.opt_timestamp().has_value();
  u.last_sign_in_at = r.opt_timestamp();
  u.created_at = r.timestamp();
  u.updated_at = r.timestamp();
  return u;
}

nlohmann::json user_to_json(const domain::User& u) {
  nlohmann::json j = {{"id", u.id},
                      {"username", u.username},
                      {"display_name", u.display_name},
                      {"role", auth::to_string(u.role)},
                      {"restricted_access", u.restricted_access},
                      {"must_change_password", u.must_change_password},
                      {"totp_enabled", u.totp_enabled},
                      {"disabled", u.disabled}};
  if (u.email) j["email"] = *u.email;
  return j;
}

}  // namespace

Result<domain::User> get(Unit& unit, long long id) {
  soci::row row;
  unit.sql() << "SELECT " + std::string(kUserColumns) + " FROM users WHERE id = :id", soci::use(id),
      soci::into(row);
  if (!unit.sql().got_data())
    return Status::not_found("user " + std::to_string(id) + " does not exist");
  return user_from_row(row);
}

Result<domain::User> get_by_username(Unit& unit, const std::string& username) {
  soci::row row;
  unit.sql() << "SELECT " + std::string(kUserColumns) + " FROM users WHERE username = :u",
      soci::use(username), soci::into(row);
  if (!unit.sql().got_data()) return Status::not_found("user '" + username + "' does not exist");
  return user_from_row(row);
}

Result<std::vector<domain::User>> list(Unit& unit) {
  std::vector<domain::User> out;
  soci::rowset<soci::row> rows = (unit.sql().prepare << "SELECT " + std::string(kUserColumns) +
                                                            " FROM users ORDER BY username");
  for (const soci::row& row : rows) out.push_back(user_from_row(row));
  return out;
}

Result<long long> count(Unit& unit) {
  long long n = 0;
  unit.sql() << "SELECT COUNT(*) FROM users", soci::into(n);
  return n;
}

Result<domain::User> create(Unit& unit, const domain::NewUser& input) {
  if (Status s = domain::validate(input); !s) return s;
  if (Status s = auth::check_password_policy(input.password, input.username); !s) return s;
  auto existing = get_by_username(unit, input.username);
  if (existing) return Status::conflict("username '" + input.username + "' is taken");
  auto hash = auth::hash_password(input.password);
  if (!hash) return hash.status();
  const std::string now = domain::utc_now_iso();
  const std::string role = auth::to_string(input.role);
  const int restricted = input.restricted_access ? 1 : 0;
  const int must_change = input.must_change_password ? 1 : 0;
  long long id = 0;
  unit.sql() << "INSERT INTO users (username, display_name, email, role, restricted_access, "
                "password_hash, must_change_password, password_changed_at, created_at, updated_at) "
                "VALUES (:u, :d, :e, :r, :x, :h, :m, :p, :c, :up) RETURNING id",
      soci::use(input.username), soci::use(input.display_name), soci::use(input.email),
      soci::use(role), soci::use(restricted), soci::use(hash.value()), soci::use(must_change),
      soci::use(now), soci::use(now), soci::use(now), soci::into(id);
  auto created = get(unit, id);
  if (created) record_audit(unit, "create", "user", id, nullptr, user_to_json(created.value()));
  return created;
}

Status set_password(Unit& unit, long long id, const std::string& password,
                    bool must_change_password) {
  auto user = get(unit, id);
  if (!user) return user.status();
  if (Status s = auth::check_password_policy(password, user.value().username); !s) return s;
  auto hash = auth::hash_password(password);
  if (!hash) return hash.status();
  const std::string now = domain::utc_now_iso();
  const int must_change = must_change_password ? 1 : 0;
  unit.sql() << "UPDATE users SET password_hash = :h, must_change_password = :m, "
                "password_changed_at = :p, failed_sign_ins = 0, locked_until = NULL, "
                "updated_at = :u WHERE id = :id",
      soci::use(hash.value()), soci::use(must_change), soci::use(now), soci::use(now),
      soci::use(id);
  if (Status s = sessions::revoke_all(unit, id); !s) return s;
  record_audit(unit, "change_password", "user", id, nullptr,
               {{"must_change_password", must_change_password}});
  return Status::ok();
}

Status set_role(Unit& unit, long long id, auth::Role role, bool restricted_access) {
  auto before = get(unit, id);
  if (!before) return before.status();
  const std::string r = auth::to_string(role);
  const int restricted = restricted_access ? 1 : 0;
  const std::string now = domain::utc_now_iso();
  unit.sql()
      << "UPDATE users SET role = :r, restricted_access = :x, updated_at = :u WHERE id = :id",
      soci::use(r), soci::use(restricted), soci::use(now), soci::use(id);
  auto after = get(unit, id);
  if (!after) return after.status();
  record_audit(unit, "update", "user", id, user_to_json(before.value()),
               user_to_json(after.value()));
  return Status::ok();
}

Status set_disabled(Unit& unit, long long id, bool disabled) {
  auto before = get(unit, id);
  if (!before) return before.status();
  const std::string now = domain::utc_now_iso();
  std::optional<std::string> disabled_at;
  if (disabled) disabled_at = now;
  unit.sql() << "UPDATE users SET disabled_at = :d, updated_at = :u WHERE id = :id",
      soci::use(disabled_at), soci::use(now), soci::use(id);
  if (disabled) {
    if (Status s = sessions::revoke_all(unit, id); !s) return s;
  }
  auto after = get(unit, id);
  if (!after) return after.status();
  record_audit(unit, disabled ? "disable" : "enable", "user", id, user_to_json(before.value()),
               user_to_json(after.value()));
  return Status::ok();
}

Result<Credentials> credentials(Unit& unit, const std::string& username) {
  soci::row row;
  unit.sql() << "SELECT " + std::string(kUserColumns) +
                    ", password_hash, failed_sign_ins, locked_until FROM users WHERE username = :u",
      soci::use(username), soci::into(row);
  if (!unit.sql().got_data()) return Status::not_found("user '" + username + "' does not exist");
  Credentials c;
  c.user = user_from_row(row);
  RowReader r(row);
  c.password_hash = r.text(12);
  c.failed_sign_ins = r.integer(13);
  c.locked_until = r.opt_timestamp(14);
  return c;
}

Status record_failure(Unit& unit, long long id, long long failures,
                      const std::optional<std::string>& locked_until) {
  const std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE users SET failed_sign_ins = :f, locked_until = :l, updated_at = :u "
                "WHERE id = :id",
      soci::use(failures), soci::use(locked_until), soci::use(now), soci::use(id);
  return Status::ok();
}

Status record_success(Unit& unit, long long id, const std::string& now) {
  unit.sql() << "UPDATE users SET failed_sign_ins = 0, locked_until = NULL, last_sign_in_at = :n, "
                "updated_at = :u WHERE id = :id",
      soci::use(now), soci::use(now), soci::use(id);
  return Status::ok();
}

Status replace_hash(Unit& unit, long long id, const std::string& hash) {
  const std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE users SET password_hash = :h, updated_at = :u WHERE id = :id",
      soci::use(hash), soci::use(now), soci::use(id);
  return Status::ok();
}

}  // namespace steward::store::users
