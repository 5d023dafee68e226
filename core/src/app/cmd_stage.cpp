// steward stage set|show
#include <iostream>
#include <memory>

#include "app/aggregate_args.hpp"
#include "app/cli.hpp"
#include "store/stage_repository.hpp"

namespace steward::app {

void add_stage_command(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("stage", "moves-management stage of a constituent");
  group->require_subcommand(1);

  auto id = std::make_shared<long long>(0);
  auto stage = std::make_shared<std::string>();
  auto note = std::make_shared<std::string>();
  auto* set = group->add_subcommand("set",
                                    "set the stage (identify, qualify, cultivate, "
                                    "solicit, steward)");
  set->add_option("constituent", *id, "constituent id")->required();
  set->add_option("stage", *stage, "the new stage")->required();
  set->add_option("--note", *note, "why");
  set->callback([&ctx, id, stage, note] {
    std::optional<std::string> why;
    if (!note->empty()) why = *note;
    auto change = args::value_or_exit(args::database(ctx).write(ctx.actor(), [&](store::Unit& u) {
      return store::stages::set_stage(u, *id, *stage, why);
    }));
    std::cout << (change ? "stage set to " : "stage is already ") << *stage << "\n";
  });

  auto show_id = std::make_shared<long long>(0);
  auto* show = group->add_subcommand("show", "current stage and history");
  show->add_option("constituent", *show_id, "constituent id")->required();
  show->callback([&ctx, show_id] {
    store::Database& db = args::database(ctx);
    auto now = args::value_or_exit(
        db.read([&](store::Unit& u) { return store::stages::current_stage(u, *show_id); }));
    auto history = args::value_or_exit(
        db.read([&](store::Unit& u) { return store::stages::history(u, *show_id); }));
    std::cout << "stage: " << now.value_or("(none)") << "\n";
    for (const auto& h : history) {
      std::cout << "  " << h.created_at << "  " << h.from_stage.value_or("(none)") << " -> "
                << h.to_stage.value_or("(none)") << "  " << h.changed_by.value_or("")
                << (h.note ? "  " + *h.note : std::string()) << "\n";
    }
  });
}

}  // namespace steward::app
