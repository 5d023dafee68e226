// Users who sign in (store::users). Every change is audited without the password hash.
// Changing a password revokes every session of the user.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/user.hpp"
#include "store/database.hpp"

namespace steward::store::users {

// Errors: kInvalid (names the field, including the password policy), kConflict when the
// username is taken.
Result<domain::User> create(Unit& unit, const domain::NewUser& input);
Result<domain::User> get(Unit& unit, long long id);
Result<domain::User> get_by_username(Unit& unit, const std::string& username);
Result<std::vector<domain::User>> list(Unit& unit);
Result<long long> count(Unit& unit);

// Sets a new password (policy checked) and revokes the user's sessions.
Status set_password(Unit& unit, long long id, const std::string& password,
                    bool must_change_password);
Status set_role(Unit& unit, long long id, auth::Role role, bool restricted_access);
Status set_disabled(Unit& unit, long long id, bool disabled);

// What sign-in needs: the hash and the lockout state, by username. kNotFound when unknown.
struct Credentials {
  domain::User user;
  std::string password_hash;
  long long failed_sign_ins = 0;
  std::optional<std::string> locked_until;
};
Result<Credentials> credentials(Unit& unit, const std::string& username);
// Sign-in bookkeeping (not audited here; auth::sign_in audits the attempt itself).
Status record_failure(Unit& unit, long long id, long long failures,
                      const std::optional<std::string>& locked_until);
Status record_success(Unit& unit, long long id, const std::string& now);
// Replaces the hash without a policy check (rehash after verifying the same password).
Status replace_hash(Unit& unit, long long id, const std::string& hash);

}  // namespace steward::store::users
