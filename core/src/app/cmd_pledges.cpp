// steward pledges add|show|list|overdue|write-off|refresh
#include <cstdio>
#include <iostream>
#include <memory>

#include "app/aggregate_args.hpp"
#include "app/cli.hpp"
#include "store/pledge_repository.hpp"

namespace steward::app {
namespace {

using domain::Date;

struct PledgeAddOptions {
  long long donor = 0;
  std::string amount;
  std::string currency = "USD";
  int installments = 1;
  std::string frequency = "monthly";
  std::string start;
  std::string pledged_on;
  long long fund = 0;
  std::string notes;
};

void print_line(const domain::Pledge& p) {
  std::printf("%-6lld donor %-6lld %14s  paid %14s  balance %14s  %s\n", p.id, p.constituent_id,
              args::money_text(p.amount.minor, p.amount.currency).c_str(),
              args::money_text(p.paid_minor, p.amount.currency).c_str(),
              args::money_text(p.balance_minor, p.amount.currency).c_str(),
              domain::to_string(p.status).c_str());
}

void pledge_add_add(CLI::App* group, Context& ctx) {
  auto o = std::make_shared<PledgeAddOptions>();
  auto* cmd = group->add_subcommand("add", "record a pledge and its installment schedule");
  cmd->add_option("--donor", o->donor, "constituent id")->required();
  cmd->add_option("--amount", o->amount, "total pledged, e.g. 1200.00")->required();
  cmd->add_option("--currency", o->currency, "ISO 4217 code (default USD)");
  cmd->add_option("--installments", o->installments, "number of installments (default 1)");
  cmd->add_option("--frequency", o->frequency, "weekly, monthly, quarterly or yearly");
  cmd->add_option("--start", o->start, "first installment due, YYYY-MM-DD")->required();
  cmd->add_option("--pledged-on", o->pledged_on, "day of the commitment (default today)");
  cmd->add_option("--fund", o->fund, "fund id");
  cmd->add_option("--notes", o->notes, "notes");
  cmd->callback([&ctx, o] {
    domain::PledgeInput in;
    in.constituent_id = o->donor;
    in.amount = args::money(o->amount, o->currency, "--amount");
    in.installments = o->installments;
    in.frequency = args::value_or_exit(domain::parse_frequency(o->frequency, "--frequency"));
    in.first_due_on = args::date(o->start, "--start");
    in.pledged_on = o->pledged_on.empty() ? std::min(Date::today(), in.first_due_on)
                                          : args::date(o->pledged_on, "--pledged-on");
    if (o->fund) in.fund_id = o->fund;
    if (!o->notes.empty()) in.notes = o->notes;
    auto p = args::value_or_exit(args::database(ctx).write(
        ctx.actor(), [&](store::Unit& u) { return store::pledges::create(u, in); }));
    std::cout << "created pledge " << p.id << " with " << p.installments.size()
              << " installment(s)\n";
  });
}

void pledge_add_show(CLI::App* group, Context& ctx) {
  auto id = std::make_shared<long long>(0);
  auto as_of = std::make_shared<std::string>();
  auto* cmd = group->add_subcommand("show", "a pledge with its installments");
  cmd->add_option("id", *id, "pledge id")->required();
  cmd->add_option("--as-of", *as_of, "mark installments overdue as of this day");
  cmd->callback([&ctx, id, as_of] {
    Date day = as_of->empty() ? Date::today() : args::date(*as_of, "--as-of");
    auto p = args::value_or_exit(
        args::database(ctx).read([&](store::Unit& u) { return store::pledges::get(u, *id); }));
    print_line(p);
    if (p.written_off_minor > 0)
      std::cout << "written off " << args::money_text(p.written_off_minor, p.amount.currency)
                << " on " << (p.written_off_on ? p.written_off_on->to_string() : "-") << ": "
                << p.write_off_reason.value_or("") << "\n";
    for (const auto& in : p.installments) {
      bool late =
          p.status == domain::PledgeStatus::kOpen && in.due_on < day && in.remaining_minor() > 0;
      std::printf("  #%-3d due %s  %14s  paid %14s%s\n", in.seq, in.due_on.to_string().c_str(),
                  args::money_text(in.amount_minor, p.amount.currency).c_str(),
                  args::money_text(in.paid_minor, p.amount.currency).c_str(),
                  late ? "  OVERDUE" : "");
    }
  });
}

void pledge_add_list(CLI::App* group, Context& ctx) {
  auto status = std::make_shared<std::string>();
  auto donor = std::make_shared<long long>(0);
  auto* cmd = group->add_subcommand("list", "list pledges");
  cmd->add_option("--status", *status, "open, fulfilled, written_off, cancelled");
  cmd->add_option("--donor", *donor, "only this constituent's pledges");
  cmd->callback([&ctx, status, donor] {
    store::pledges::ListFilter f;
    if (!status->empty())
      f.status = args::value_or_exit(domain::parse_pledge_status(*status, "--status"));
    if (*donor) f.constituent_id = *donor;
    f.page.limit = store::kMaxPageSize;
    store::Database& db = args::database(ctx);
    for (;;) {
      auto page =
          args::value_or_exit(db.read([&](store::Unit& u) { return store::pledges::list(u, f); }));
      for (const auto& p : page.items) print_line(p);
      if (!page.next_after_id) break;
      f.page.after_id = *page.next_after_id;
    }
  });
}

void pledge_add_overdue(CLI::App* group, Context& ctx) {
  auto as_of = std::make_shared<std::string>();
  auto* cmd = group->add_subcommand("overdue", "open pledges with installments past due");
  cmd->add_option("--as-of", *as_of, "YYYY-MM-DD (default today UTC)");
  cmd->callback([&ctx, as_of] {
    Date day = as_of->empty() ? Date::today() : args::date(*as_of, "--as-of");
    auto list = args::value_or_exit(
        args::database(ctx).read([&](store::Unit& u) { return store::pledges::overdue(u, day); }));
    for (const auto& p : list) print_line(p);
  });
}

void add_write_off(CLI::App* group, Context& ctx) {
  auto id = std::make_shared<long long>(0);
  auto reason = std::make_shared<std::string>();
  auto on = std::make_shared<std::string>();
  auto* cmd = group->add_subcommand("write-off", "write off a pledge's remaining balance");
  cmd->add_option("id", *id, "pledge id")->required();
  cmd->add_option("--reason", *reason, "why")->required();
  cmd->add_option("--on", *on, "YYYY-MM-DD (default today UTC)");
  cmd->callback([&ctx, id, reason, on] {
    Date day = on->empty() ? Date::today() : args::date(*on, "--on");
    auto p = args::value_or_exit(args::database(ctx).write(ctx.actor(), [&](store::Unit& u) {
      return store::pledges::write_off(u, *id, *reason, day);
    }));
    std::cout << "pledge " << p.id
              << " written off: " << args::money_text(p.written_off_minor, p.amount.currency)
              << "\n";
  });
}

void add_refresh(CLI::App* group, Context& ctx) {
  auto id = std::make_shared<long long>(0);
  auto* cmd = group->add_subcommand("refresh", "mark a pledge fulfilled when paid in full");
  cmd->add_option("id", *id, "pledge id")->required();
  cmd->callback([&ctx, id] {
    auto p = args::value_or_exit(args::database(ctx).write(
        ctx.actor(), [&](store::Unit& u) { return store::pledges::refresh_status(u, *id); }));
    std::cout << "pledge " << p.id << " is " << domain::to_string(p.status) << "\n";
  });
}

}  // namespace

void add_pledges_command(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("pledges", "pledges and their installments");
  group->require_subcommand(1);
  pledge_add_add(group, ctx);
  pledge_add_show(group, ctx);
  pledge_add_list(group, ctx);
  pledge_add_overdue(group, ctx);
  add_write_off(group, ctx);
  add_refresh(group, ctx);
}

}  // namespace steward::app
