// `steward import cancel ID [--json]` (engine/import_cancel.hpp).
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/cmd_helpers.hpp"
#include "app/cmd_import.hpp"
#include "engine/import_cancel.hpp"

namespace steward::app {

void add_import_cancel(CLI::App* import, Context& ctx) {
  auto* sub = import->add_subcommand(
      "cancel", "Cancel a staged or previewed import, or stop one being committed");
  auto id = std::make_shared<long long>(0);
  auto json = std::make_shared<bool>(false);
  sub->add_option("id", *id, "import id")->required();
  sub->add_flag("--json", *json, "print JSON");
  sub->callback([&ctx, id, json] {
    auto& db = open_database(ctx);
    auto done = engine::imports::cancel_import(db, ctx.actor(), *id);
    if (!done) stop(done.status());
    if (*json) {
      std::cout << nlohmann::json{{"import_id", done->import_id},
                                  {"status", done->status},
                                  {"stopping", done->stopping},
                                  {"rows_committed", done->rows_committed},
                                  {"message", done->message}}
                       .dump(2)
                << "\n";
      return;
    }
    std::cout << done->message << "\n";
  });
}

}  // namespace steward::app
