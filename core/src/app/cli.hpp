// The `steward` command line: global options, and one file per command group (cmd_*.cpp) that
// registers its subcommands on the CLI11 app. Each command returns a process exit code:
// 0 success, 1 the operation failed (the message says why), 2 bad usage.
#pragma once

#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "app/config.hpp"
#include "store/database.hpp"

namespace steward::app {

// What every command shares: the merged configuration and the database it opens on demand.
class Context {
 public:
  Config config;
  std::string config_path = "steward.toml";
  bool config_required = false;
  std::string database_flag;    // --database, applied last
  std::string plugin_dir_flag;  // --plugin-dir, applied last

  // Loads config (file, environment, flags). Prints the error and returns false on failure.
  bool load();
  // Opens the database (once). Prints the error and returns nullptr on failure.
  store::Database* database();
  // The actor recorded in the audit trail for command-line changes: "cli:<unix user>".
  const store::Actor& actor();

 private:
  std::unique_ptr<store::Database> db_;
  store::Actor actor_;
};

// Prints a non-ok status to stderr as "steward: <message>" and returns exit code 1.
int fail(const Status& status);

void add_migrate_command(CLI::App& app, Context& ctx);
void add_serve_command(CLI::App& app, Context& ctx);
void add_jobs_command(CLI::App& app, Context& ctx);
void add_demo_command(CLI::App& app, Context& ctx);
void add_rollups_command(CLI::App& app, Context& ctx);
void add_users_command(CLI::App& app, Context& ctx);
void add_segments_command(CLI::App& app, Context& ctx);
void add_constituents_command(CLI::App& app, Context& ctx);
void add_households_command(CLI::App& app, Context& ctx);
void add_gifts_command(CLI::App& app, Context& ctx);
void add_batches_command(CLI::App& app, Context& ctx);
void add_recurring_command(CLI::App& app, Context& ctx);
void add_pledges_command(CLI::App& app, Context& ctx);
void add_tasks_command(CLI::App& app, Context& ctx);
void add_campaigns_command(CLI::App& app, Context& ctx);
void add_interactions_command(CLI::App& app, Context& ctx);
void add_stage_command(CLI::App& app, Context& ctx);
void add_needs_command(CLI::App& app, Context& ctx);
void add_duplicates_command(CLI::App& app, Context& ctx);
void add_plugins_command(CLI::App& app, Context& ctx);
void add_plugin_host_command(CLI::App& app, Context& ctx);
void add_backup_commands(CLI::App& app, Context& ctx);
void add_reports_command(CLI::App& app, Context& ctx);
void add_analytics_command(CLI::App& app, Context& ctx);
void add_reporting_role_command(CLI::App& app, Context& ctx);
void add_mail_command(CLI::App& app, Context& ctx);
void add_privacy_command(CLI::App& app, Context& ctx);

int run_cli(int argc, char** argv);

}  // namespace steward::app
