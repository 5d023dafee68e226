// Roles and what each may do (docs/security.md has the table). The server checks a permission
// for every endpoint; the restricted grant is separate from the role: without it, restricted
// constituents and interactions do not exist for that user anywhere.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace steward::auth {

enum class Role { kAdmin, kFundraiser, kAnalyst, kViewer };

enum class Permission {
  kReadDonors,      // constituents, gifts, plans, pledges, interactions, tasks (read)
  kWriteDonors,     // create/update/delete donor data, gifts, tasks, merges
  kSendMail,        // mail appeals, acknowledgments
  kRunReports,      // reports and analytics
  kExport,          // CSV/XLSX exports
  kManageUsers,     // users, roles, API tokens of others
  kManagePlugins,   // install, enable, configure plugins
  kManageSettings,  // organisation settings
  kReadAudit,       // the audit trail
};

std::optional<Role> parse_role(std::string_view text);
std::string to_string(Role role);
bool allows(Role role, Permission permission);

}  // namespace steward::auth
