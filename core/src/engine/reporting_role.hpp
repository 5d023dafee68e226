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

// The reporting roles of Steward's schema, by name: LOGIN roles, not superusers, whose sessions
// are read-only and that may read the report_* views (what create_reporting_role makes).
// kPreconditionFailed on SQLite.
Result<std::vector<std::string>> list_reporting_roles(store::Database& db);

struct DroppedReportingRole {
  std::string name;
  std::string schema;
  int sessions_ended = 0;  // open sessions of the role that were ended
  int sessions_left = 0;   // open sessions Steward's user may not end (they can read no more)
};

// Revokes the role's grants on the views and the schema and drops it, in one transaction.
// Only a reporting role of this schema (list_reporting_roles) is dropped; any other role is
// kPreconditionFailed, never touched. Open sessions of the role are ended when Steward's user
// may signal them. Errors: kInvalid naming "name"; kNotFound; kPreconditionFailed on SQLite
// or for a role that is not a reporting role here; kPermissionDenied without CREATEROLE.
// Audited (action "delete", entity "reporting_role").
Result<DroppedReportingRole> drop_reporting_role(store::Database& db, const store::Actor& actor,
                                                 const std::string& name);

}  // namespace steward::engine
