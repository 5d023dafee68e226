// Running report plugins (issue 8): find an installed, enabled report, resolve its parameters
// (domain/report_parameters.hpp: defaults, types, choices, required; errors name the
// parameter), run it on a read-only session limited to the analytics views and to what the
// caller may see (engine/report_sandbox.hpp), check the table it returns, and record who ran
// what in the audit trail (action "run", entity "report").
//
// Errors: kNotFound for an unknown report id or a plugin that is not a report; kPrecondition-
// Failed for a disabled/missing/changed one (plugin_service's message); kInvalid naming the
// parameter; kPermissionDenied when the report tried to read or change what it may not;
// kUnavailable when the plugin failed (it is marked failing after repeated failures).
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "domain/report_parameters.hpp"
#include "plugins/isolated_plugin.hpp"
#include "steward/sdk/report.hpp"
#include "store/database.hpp"
#include "store/plugin_repository.hpp"

namespace steward::engine {

struct ReportCaller {
  store::Actor actor;            // recorded in the audit trail
  bool sees_restricted = false;  // the user's restricted grant
};

struct ReportSource {
  std::filesystem::path plugin_dir;
  plugins::IsolationOptions isolation;
};

struct ReportResult {
  std::string report_id;
  std::string name;
  std::map<std::string, sdk::Value> parameters;  // as resolved (defaults filled in)
  sdk::Table table;
};

// Installed report plugins (any state; `enabled`/`state` say which can run), by id.
Result<std::vector<store::plugin_records::PluginRecord>> list_reports(store::Unit& unit);

// The host's defaults: today (UTC), fiscal_year_start_month and base_currency settings.
Result<domain::HostDefaults> report_host_defaults(store::Unit& unit);

// The declared parameters of an enabled report.
Result<std::vector<sdk::ParameterSpec>> report_parameters(store::Database& db,
                                                          const ReportSource& source,
                                                          const std::string& report_id);

Result<ReportResult> run_report(store::Database& db, const ReportSource& source,
                                const std::string& report_id,
                                const std::map<std::string, sdk::Value>& supplied,
                                const ReportCaller& caller);

// The part of run_report after the plugin is open, for any implementation of a report (tests
// pass an in-memory one): resolve parameters, sandbox, run, check the table.
using ReportFunction = std::function<Result<sdk::Table>(const sdk::QueryCapability&,
                                                        const std::map<std::string, sdk::Value>&)>;
Result<ReportResult> run_report_function(store::Database& db,
                                         const std::vector<sdk::ParameterSpec>& specs,
                                         const std::map<std::string, sdk::Value>& supplied,
                                         const ReportCaller& caller, const ReportFunction& fn);

// Every row has one value per column and each value is NULL or of its column's type (an
// integer is accepted in a number column). kInternal naming the row and column otherwise.
Status check_table(const sdk::Table& table);

}  // namespace steward::engine
