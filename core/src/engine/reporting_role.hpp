// Reporting login roles for BI tools (issue 8, decision 0171, docs/reporting.md): on PostgreSQL,
// a LOGIN role that may read the report_* views of Steward's schema (migration 0016) and nothing
// else: no table, no analytics view, no other schema's objects; its sessions are read-only
// (default_transaction_read_only) and find the views without a schema prefix (search_path).
// SQLite has no roles: create_reporting_role refuses with kPreconditionFailed saying what to do
// instead.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace steward::engine {

// The views a reporting role may read, in the order docs/reporting.md lists them.
const std::vector<std::string>& reporting_view_names();

struct ReportingRole {
  std::string name;
  std::string schema;
  std::string password;  // as given, or generated (24 characters) when none was
  bool password_generated = false;
};

// Errors: kInvalid naming "name" (lowercase letters, digits, _; starting with a letter or _;
// at most 63) or "password" (at least 12 characters, one line); kConflict when a role of that
// name exists; kPreconditionFailed on SQLite; kPermissionDenied when the database user may not
// create roles. Audited (action "create", entity "reporting_role"; never the password).
Result<ReportingRole> create_reporting_role(store::Database& db, const store::Actor& actor,
                                            const std::string& name,
                                            const std::optional<std::string>& password);

}  // namespace steward::engine
