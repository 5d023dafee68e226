#include "auth/roles.hpp"

namespace steward::auth {

std::optional<Role> parse_role(std::string_view text) {
  if (text == "admin") return Role::kAdmin;
  if (text == "fundraiser") return Role::kFundraiser;
  if (text == "analyst") return Role::kAnalyst;
  if (text == "viewer") return Role::kViewer;
  return std::nullopt;
}

std::string to_string(Role role) {
  switch (role) {
    case Role::kAdmin:
      return "admin";
    case Role::kFundraiser:
      return "fundraiser";
    case Role::kAnalyst:
      return "analyst";
    case Role::kViewer:
      return "viewer";
  }
  return "viewer";
}

bool allows(Role role, Permission permission) {
  switch (role) {
    case Role::kAdmin:
      return true;
    case Role::kFundraiser:
      return permission == Permission::kReadDonors || permission == Permission::kWriteDonors ||
             permission == Permission::kSendMail || permission == Permission::kRunReports ||
             permission == Permission::kExport;
    case Role::kAnalyst:
      return permission == Permission::kReadDonors || permission == Permission::kRunReports ||
             permission == Permission::kExport;
    case Role::kViewer:
      return permission == Permission::kReadDonors;
  }
  return false;
}

}  // namespace steward::auth
