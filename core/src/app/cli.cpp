#include "app/cli.hpp"
#include "app/cmd_import.hpp"

#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include <sodium.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "store/migrations.hpp"

namespace steward::app {

bool Context::load() {
  Status s = load_config_file(config_path, config_required, config);
  if (s) s = apply_environment(config);
  if (!s) {
    fail(s);
    return false;
  }
  if (!database_flag.empty()) config.database = database_flag;
  if (!plugin_dir_flag.empty()) config.plugin_dir = plugin_dir_flag;
  spdlog::set_level(spdlog::level::from_str(config.log_level));
  return true;
}

store::Database* Context::database() {
  if (db_) return db_.get();
  store::Database::Options options;
  options.pool_size = config.pool_size;
  auto opened = store::Database::open(config.database, options);
  if (!opened) {
    fail(opened.status());
    return nullptr;
  }
  db_ = std::move(opened.value());
  return db_.get();
}

const store::Actor& Context::actor() {
  if (actor_.name == "system") {
    const char* user = std::getenv("USER");
    actor_.name = std::string("cli:") + (user && *user ? user : std::to_string(getuid()));
  }
  return actor_;
}

int fail(const Status& status) {
  std::cerr << "steward: " << status.message() << "\n";
  for (const FieldError& f : status.fields()) {
    if (status.message().find(f.field) == std::string::npos) {
      std::cerr << "  " << f.field << ": " << f.message << "\n";
    }
  }
  return 1;
}

int run_cli(int argc, char** argv) {
  if (sodium_init() < 0) {
    std::cerr << "steward: libsodium failed to initialise\n";
    return 1;
  }
  // Logs go to stderr so that a command's own output on stdout stays clean for scripts.
  spdlog::set_default_logger(spdlog::stderr_color_mt("steward"));
  CLI::App app{"Steward: a donor-relationship CRM"};
  app.set_version_flag("--version", std::string("steward ") + STEWARD_VERSION);
  app.require_subcommand(1);
  Context ctx;
  app.add_option("--config", ctx.config_path, "TOML configuration file")
      ->each([&](const std::string&) { ctx.config_required = true; });
  app.add_option("--database", ctx.database_flag,
                 "database URL: sqlite:PATH or postgresql://USER@HOST:PORT/DB");
  app.add_option("--plugin-dir", ctx.plugin_dir_flag, "directory plugins are loaded from");
  app.parse_complete_callback([&] {
    if (!ctx.load()) throw CLI::RuntimeError(1);
  });

  add_migrate_command(app, ctx);
  add_serve_command(app, ctx);
  add_users_command(app, ctx);
  add_demo_command(app, ctx);
  add_constituents_command(app, ctx);
  add_households_command(app, ctx);
  add_gifts_command(app, ctx);
  add_batches_command(app, ctx);
  add_rollups_command(app, ctx);
  add_recurring_command(app, ctx);
  add_needs_command(app, ctx);  // after add_recurring_command: it joins the `recurring` group
  add_pledges_command(app, ctx);
  add_campaigns_command(app, ctx);
  add_interactions_command(app, ctx);
  add_tasks_command(app, ctx);
  add_stage_command(app, ctx);
  add_segments_command(app, ctx);
  add_jobs_command(app, ctx);
  add_duplicates_command(app, ctx);
  add_plugins_command(app, ctx);
  add_plugin_host_command(app, ctx);
  add_backup_commands(app, ctx);
  add_reports_command(app, ctx);
  add_analytics_command(app, ctx);
  add_reporting_role_command(app, ctx);
  add_mail_command(app, ctx);
  add_privacy_command(app, ctx);
  add_import_command(app, ctx);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return 0;
}

}  // namespace steward::app
