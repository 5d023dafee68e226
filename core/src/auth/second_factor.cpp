#include "auth/second_factor.hpp"

#include "auth/tokens.hpp"
#include "auth/totp.hpp"
#include "domain/date.hpp"
#include "store/audit.hpp"
#include "store/row_reader.hpp"
#include "store/soci_optional.hpp"
#include "store/user_repository.hpp"

namespace steward::auth {
namespace {

struct TotpState {
  std::optional<std::string> sealed;
  bool enabled = false;
  long long last_step = 0;
};

Result<TotpState> state(store::Unit& unit, long long user_id) {
  soci::row row;
  unit.sql() << "SELECT totp_secret, totp_enabled, totp_last_step FROM users WHERE id = :id",
      soci::use(user_id), soci::into(row);
  if (!unit.sql().got_data()) return Status::not_found("user does not exist");
  store::RowReader r(row);
  return TotpState{r.opt_text(), r.flag(), r.integer()};
}

void set_step(store::Unit& unit, long long user_id, long long step) {
  const std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE users SET totp_last_step = :s, updated_at = :u WHERE id = :id",
      soci::use(step), soci::use(now), soci::use(user_id);
}

bool use_recovery_code(store::Unit& unit, long long user_id, const std::string& code) {
  const std::string hash = hash_token(code);
  const std::string now = domain::utc_now_iso();
  soci::statement st =
      (unit.sql().prepare << "UPDATE recovery_codes SET used_at = :n, updated_at = :u "
                             "WHERE user_id = :id AND code_hash = :h AND used_at IS NULL",
       soci::use(now), soci::use(now), soci::use(user_id), soci::use(hash));
  st.execute(true);
  return st.get_affected_rows() > 0;
}

}  // namespace

Result<Enrollment> begin_enrollment(store::Unit& unit, const SecretBox& box, long long user_id,
                                    const std::string& issuer) {
  auto user = store::users::get(unit, user_id);
  if (!user) return user.status();
  if (user.value().totp_enabled) {
    return Status::precondition_failed("the second factor is already on; turn it off first");
  }
  Enrollment e;
  e.secret = new_totp_secret();
  e.uri = totp_uri(issuer, user.value().username, e.secret);
  const std::string sealed = box.seal(e.secret);
  const std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE users SET totp_secret = :s, totp_enabled = 0, totp_last_step = 0, "
                "updated_at = :u WHERE id = :id",
      soci::use(sealed), soci::use(now), soci::use(user_id);
  store::record_audit(unit, "totp_enrol", "user", user_id, nullptr, nullptr);
  return e;
}

Result<std::vector<std::string>> confirm_enrollment(store::Unit& unit, const SecretBox& box,
                                                    long long user_id, const std::string& code,
                                                    std::time_t now) {
  auto s = state(unit, user_id);
  if (!s) return s.status();
  if (!s.value().sealed || s.value().enabled) {
    return Status::precondition_failed("start enrolment first (POST /api/v1/session/totp)");
  }
  auto secret = box.open(*s.value().sealed);
  if (!secret) return secret.status();
  auto step = verify_totp(secret.value(), code, now, 0);
  if (!step) return Status::invalid_field("code", "is not the code your app shows now");
  set_step(unit, user_id, *step);
  const std::string stamp = domain::utc_now_iso();
  unit.sql() << "UPDATE users SET totp_enabled = 1, updated_at = :u WHERE id = :id",
      soci::use(stamp), soci::use(user_id);
  unit.sql() << "DELETE FROM recovery_codes WHERE user_id = :id", soci::use(user_id);
  std::vector<std::string> codes = new_recovery_codes();
  for (const std::string& c : codes) {
    const std::string hash = hash_token(c);
    unit.sql() << "INSERT INTO recovery_codes (user_id, code_hash, created_at, updated_at) "
                  "VALUES (:id, :h, :c, :u)",
        soci::use(user_id), soci::use(hash), soci::use(stamp), soci::use(stamp);
  }
  store::record_audit(unit, "totp_enable", "user", user_id, nullptr, nullptr);
  return codes;
}

Result<bool> verify_second_factor(store::Unit& unit, const SecretBox& box, long long user_id,
                                  const std::string& code, std::time_t now) {
  auto s = state(unit, user_id);
  if (!s) return s.status();
  if (!s.value().enabled || !s.value().sealed) return true;
  auto secret = box.open(*s.value().sealed);
  if (!secret) return secret.status();
  if (auto step = verify_totp(secret.value(), code, now, s.value().last_step)) {
    set_step(unit, user_id, *step);
    store::record_audit(unit, "second_factor", "user", user_id, nullptr, {{"method", "totp"}});
    return true;
  }
  if (code.size() == 9 && use_recovery_code(unit, user_id, code)) {
    store::record_audit(unit, "second_factor", "user", user_id, nullptr,
                        {{"method", "recovery_code"}});
    return true;
  }
  store::record_audit(unit, "second_factor_failed", "user", user_id, nullptr, nullptr);
  return false;
}

Status disable_second_factor(store::Unit& unit, long long user_id) {
  const std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE users SET totp_secret = NULL, totp_enabled = 0, totp_last_step = 0, "
                "updated_at = :u WHERE id = :id",
      soci::use(now), soci::use(user_id);
  unit.sql() << "DELETE FROM recovery_codes WHERE user_id = :id", soci::use(user_id);
  store::record_audit(unit, "totp_disable", "user", user_id, nullptr, nullptr);
  return Status::ok();
}

}  // namespace steward::auth
