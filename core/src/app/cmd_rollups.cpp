// steward rollups rebuild
#include <iostream>

#include "app/cli.hpp"
#include "store/giving_summary_repository.hpp"

namespace steward::app {

void add_rollups_command(CLI::App& app, Context& ctx) {
  auto* rollups = app.add_subcommand("rollups", "giving summaries");
  rollups->require_subcommand(1);
  auto* rebuild = rollups->add_subcommand("rebuild", "recompute every giving summary from gifts");
  rebuild->callback([&ctx] {
    store::Database* db = ctx.database();
    if (!db) throw CLI::RuntimeError(1);
    Status s = db->write(ctx.actor(), [](store::Unit& u) { return store::giving::rebuild_all(u); });
    if (!s) throw CLI::RuntimeError(fail(s));
    std::cout << "giving summaries rebuilt\n";
  });
}

}  // namespace steward::app
