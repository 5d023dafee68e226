// A person who signs in to Steward (not a donor). Passwords never leave the store layer: a
// User carries no hash; store::users::credentials() is the only reader of it.
#pragma once

#include <optional>
#include <string>

#include "auth/roles.hpp"
#include "steward/sdk/result.hpp"

namespace steward::domain {

struct User {
  long long id = 0;
  std::string username;
  std::string display_name;
  std::optional<std::string> email;
  auth::Role role = auth::Role::kViewer;
  bool restricted_access = false;  // may see restricted constituents and interactions
  bool must_change_password = false;
  bool totp_enabled = false;
  bool disabled = false;
  std::optional<std::string> last_sign_in_at;
  std::string created_at;
  std::string updated_at;
};

struct NewUser {
  std::string username;
  std::string display_name;
  std::optional<std::string> email;
  auth::Role role = auth::Role::kViewer;
  bool restricted_access = false;
  std::string password;
  bool must_change_password = false;
};

// Usernames: 3..64 characters of a-z, 0-9, '.', '_', '-' (stored lowercase). Errors name
// "username".
Status validate_username(const std::string& username);
// Username, display name and email; the password is checked by auth::check_password_policy.
Status validate(const NewUser& user);

}  // namespace steward::domain
