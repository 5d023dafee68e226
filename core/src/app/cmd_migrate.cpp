// steward migrate [--status]
#include <cstdio>
#include <iostream>
#include <memory>

#include "app/cli.hpp"
#include "store/migrations.hpp"

namespace steward::app {

void add_migrate_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("migrate", "apply pending database migrations");
  auto status_flag = std::make_shared<bool>(false);
  cmd->add_flag("--status", *status_flag, "list migrations and whether each is applied");
  cmd->callback([&ctx, status_flag] {
    store::Database* db = ctx.database();
    if (!db) throw CLI::RuntimeError(1);
    store::MigrationRunner runner(*db);
    if (*status_flag) {
      auto states = runner.status();
      if (!states) throw CLI::RuntimeError(fail(states.status()));
      for (const auto& s : *states) {
        std::printf("%04d  %-40s %s\n", s.version, s.name.c_str(),
                    s.applied ? ("applied " + s.applied_at).c_str() : "pending");
      }
      Status current = runner.check_current();
      if (!current) throw CLI::RuntimeError(fail(current));
      return;
    }
    auto applied = runner.migrate();
    if (!applied) throw CLI::RuntimeError(fail(applied.status()));
    std::cout << (*applied == 0 ? "database is up to date\n"
                                : "applied " + std::to_string(*applied) + " migration(s)\n");
  });
}

}  // namespace steward::app
