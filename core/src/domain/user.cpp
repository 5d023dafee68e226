#include "domain/user.hpp"

#include "domain/validation.hpp"

namespace steward::domain {

Status validate_username(const std::string& username) {
  if (username.size() < 3 || username.size() > 64) {
    return Status::invalid_field("username", "must be 3 to 64 characters long");
  }
  for (char c : username) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) {
      return Status::invalid_field("username",
                                   "may contain only lowercase letters, digits, '.', '_' and '-'");
    }
  }
  return Status::ok();
}

Status validate(const NewUser& user) {
  if (Status s = validate_username(user.username); !s) return s;
  if (Status s = require_text("display_name", user.display_name, 200); !s) return s;
  if (user.email) {
    if (Status s = check_text("email", user.email, 254); !s) return s;
    if (user.email->find('@') == std::string::npos) {
      return Status::invalid_field("email", "is not an email address");
    }
  }
  return Status::ok();
}

}  // namespace steward::domain
