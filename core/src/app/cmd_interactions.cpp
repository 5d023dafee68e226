// steward interactions add|list
#include <iostream>
#include <memory>

#include "app/aggregate_args.hpp"
#include "app/cli.hpp"
#include "store/interaction_repository.hpp"

namespace steward::app {

void add_interactions_command(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("interactions", "calls, meetings, visits and notes");
  group->require_subcommand(1);

  auto in = std::make_shared<domain::InteractionInput>();
  auto staff = std::make_shared<std::string>();
  auto details = std::make_shared<std::string>();
  auto* add = group->add_subcommand("add", "record an interaction");
  add->add_option("--constituent", in->constituent_id, "constituent id")->required();
  add->add_option("--kind", in->kind, "call, meeting, email, letter, visit, note");
  add->add_option("--at", in->occurred_at, "YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ")->required();
  add->add_option("--summary", in->summary, "one line")->required();
  add->add_option("--staff", *staff, "who met the constituent");
  add->add_option("--details", *details, "details");
  add->add_flag("--restricted", in->restricted, "confidential: hidden from ordinary lists");
  add->callback([&ctx, in, staff, details] {
    domain::InteractionInput input = *in;
    if (!staff->empty()) input.staff = *staff;
    if (!details->empty()) input.details = *details;
    auto made = args::value_or_exit(args::database(ctx).write(
        ctx.actor(), [&](store::Unit& u) { return store::interactions::create(u, input); }));
    std::cout << "recorded interaction " << made.id << "\n";
  });

  auto constituent = std::make_shared<long long>(0);
  auto options = std::make_shared<store::interactions::ListOptions>();
  auto* list = group->add_subcommand("list", "a constituent's interactions in date order");
  list->add_option("--constituent", *constituent, "constituent id")->required();
  list->add_flag("--restricted", options->include_restricted, "include restricted ones");
  list->add_flag("--newest-first", options->newest_first, "newest first");
  list->callback([&ctx, constituent, options] {
    auto rows = args::value_or_exit(args::database(ctx).read(
        [&](store::Unit& u) { return store::interactions::list_for(u, *constituent, *options); }));
    for (const auto& i : rows) {
      std::cout << i.id << "  " << i.occurred_at << "  " << i.kind << "  " << i.summary
                << (i.restricted ? "  [restricted]" : "") << "\n";
    }
  });
}

}  // namespace steward::app
