// steward campaigns add|list|appeal-add|appeals
#include <cstdio>
#include <iostream>
#include <memory>

#include "app/aggregate_args.hpp"
#include "app/cli.hpp"
#include "store/campaign_repository.hpp"

namespace steward::app {
namespace {

struct Options {
  std::string code, name, description, goal, currency = "USD", start, end, channel = "mail";
  long long campaign = 0;
};

void campaign_add_add(CLI::App* group, Context& ctx) {
  auto o = std::make_shared<Options>();
  auto* cmd = group->add_subcommand("add", "add a campaign");
  cmd->add_option("--code", o->code, "unique code, e.g. CAP2026")->required();
  cmd->add_option("--name", o->name, "name")->required();
  cmd->add_option("--goal", o->goal, "goal amount, e.g. 500000.00");
  cmd->add_option("--currency", o->currency, "ISO 4217 code (default USD)");
  cmd->add_option("--start", o->start, "YYYY-MM-DD");
  cmd->add_option("--end", o->end, "YYYY-MM-DD");
  cmd->add_option("--description", o->description, "description");
  cmd->callback([&ctx, o] {
    domain::CampaignInput in;
    in.code = o->code;
    in.name = o->name;
    in.currency = o->currency;
    if (!o->goal.empty()) in.goal = args::money(o->goal, o->currency, "--goal");
    in.starts_on = args::opt_date(o->start, "--start");
    in.ends_on = args::opt_date(o->end, "--end");
    if (!o->description.empty()) in.description = o->description;
    auto c = args::value_or_exit(args::database(ctx).write(
        ctx.actor(), [&](store::Unit& u) { return store::campaigns::create(u, in); }));
    std::cout << "created campaign " << c.id << " (" << c.code << ")\n";
  });
}

void campaign_add_list(CLI::App* group, Context& ctx) {
  auto* cmd = group->add_subcommand("list", "list campaigns");
  cmd->callback([&ctx] {
    auto list = args::value_or_exit(
        args::database(ctx).read([&](store::Unit& u) { return store::campaigns::list(u); }));
    for (const auto& c : list) {
      std::printf("%-6lld %-12s %-8s goal %16s  %s\n", c.id, c.code.c_str(),
                  c.active ? "active" : "inactive",
                  c.goal ? args::money_text(c.goal->minor, c.currency).c_str() : "-",
                  c.name.c_str());
    }
  });
}

void add_appeal(CLI::App* group, Context& ctx) {
  auto o = std::make_shared<Options>();
  auto* cmd = group->add_subcommand("appeal-add", "add an appeal to a campaign");
  cmd->add_option("--campaign", o->campaign, "campaign id")->required();
  cmd->add_option("--code", o->code, "unique code")->required();
  cmd->add_option("--name", o->name, "name")->required();
  cmd->add_option("--channel", o->channel, "mail, email, event, online, phone, other");
  cmd->add_option("--goal", o->goal, "goal amount");
  cmd->add_option("--currency", o->currency, "ISO 4217 code (default USD)");
  cmd->callback([&ctx, o] {
    domain::AppealInput in;
    in.campaign_id = o->campaign;
    in.code = o->code;
    in.name = o->name;
    in.channel = o->channel;
    in.currency = o->currency;
    if (!o->goal.empty()) in.goal = args::money(o->goal, o->currency, "--goal");
    auto a = args::value_or_exit(args::database(ctx).write(
        ctx.actor(), [&](store::Unit& u) { return store::campaigns::create_appeal(u, in); }));
    std::cout << "created appeal " << a.id << " (" << a.code << ")\n";
  });
}

void add_appeals(CLI::App* group, Context& ctx) {
  auto id = std::make_shared<long long>(0);
  auto* cmd = group->add_subcommand("appeals", "list a campaign's appeals");
  cmd->add_option("campaign", *id, "campaign id")->required();
  cmd->callback([&ctx, id] {
    auto list = args::value_or_exit(args::database(ctx).read(
        [&](store::Unit& u) { return store::campaigns::appeals_of(u, *id); }));
    for (const auto& a : list)
      std::printf("%-6lld %-14s %-7s %s\n", a.id, a.code.c_str(), a.channel.c_str(),
                  a.name.c_str());
  });
}

}  // namespace

void add_campaigns_command(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("campaigns", "campaigns and appeals");
  group->require_subcommand(1);
  campaign_add_add(group, ctx);
  campaign_add_list(group, ctx);
  add_appeal(group, ctx);
  add_appeals(group, ctx);
}

}  // namespace steward::app
