// steward recurring add|list|show|pause|resume|cancel|process|attach
// (the group is registered as "recurring"; other files add subcommands to it with
// app.get_subcommand("recurring")).
#include <cstdio>
#include <iostream>
#include <memory>

#include "app/aggregate_args.hpp"
#include "app/cli.hpp"
#include "engine/recurring_matcher.hpp"
#include "engine/recurring_processor.hpp"
#include "store/recurring_plan_repository.hpp"

namespace steward::app {
namespace {

namespace plans = store::recurring_plans;
using domain::Date;

struct RecurringAddOptions {
  long long donor = 0;
  std::string amount;
  std::string currency = "USD";
  std::string frequency = "monthly";
  unsigned anchor_day = 0;
  std::string start;
  std::string end;
  long long fund = 0;
  std::string processor;
  std::string reference;
  std::string notes;
};

void print_plan_line(const domain::RecurringPlan& p) {
  std::printf("%-6lld donor %-6lld %14s  %-9s %-9s next %s\n", p.id, p.constituent_id,
              args::money_text(p.amount.minor, p.amount.currency).c_str(),
              domain::to_string(p.frequency).c_str(), domain::to_string(p.status).c_str(),
              p.next_expected_on ? p.next_expected_on->to_string().c_str() : "-");
}

void recurring_add_add(CLI::App* group, Context& ctx) {
  auto o = std::make_shared<RecurringAddOptions>();
  auto* cmd = group->add_subcommand("add", "start a recurring plan");
  cmd->add_option("--donor", o->donor, "constituent id")->required();
  cmd->add_option("--amount", o->amount, "amount per installment, e.g. 50.00")->required();
  cmd->add_option("--currency", o->currency, "ISO 4217 code (default USD)");
  cmd->add_option("--frequency", o->frequency, "weekly, monthly, quarterly or yearly");
  cmd->add_option("--anchor-day", o->anchor_day, "day of the month (default: the start day)");
  cmd->add_option("--start", o->start, "first day of the plan, YYYY-MM-DD")->required();
  cmd->add_option("--end", o->end, "last day of the plan, YYYY-MM-DD");
  cmd->add_option("--fund", o->fund, "fund id");
  cmd->add_option("--processor", o->processor, "payment processor, e.g. stripe");
  cmd->add_option("--reference", o->reference, "the processor's subscription id");
  cmd->add_option("--notes", o->notes, "notes");
  cmd->callback([&ctx, o] {
    domain::PlanInput in;
    in.constituent_id = o->donor;
    in.amount = args::money(o->amount, o->currency, "--amount");
    in.frequency = args::value_or_exit(domain::parse_frequency(o->frequency, "--frequency"));
    in.starts_on = args::date(o->start, "--start");
    in.ends_on = args::opt_date(o->end, "--end");
    in.anchor_day = o->anchor_day ? o->anchor_day : in.starts_on.day();
    if (o->fund) in.fund_id = o->fund;
    if (!o->processor.empty()) in.processor = o->processor;
    if (!o->reference.empty()) in.processor_reference = o->reference;
    if (!o->notes.empty()) in.notes = o->notes;
    auto plan = args::value_or_exit(args::database(ctx).write(
        ctx.actor(), [&](store::Unit& u) { return plans::create(u, in); }));
    std::cout << "created recurring plan " << plan.id << ", first installment "
              << (plan.next_expected_on ? plan.next_expected_on->to_string() : "-") << "\n";
  });
}

void recurring_add_list(CLI::App* group, Context& ctx) {
  auto status = std::make_shared<std::string>();
  auto donor = std::make_shared<long long>(0);
  auto* cmd = group->add_subcommand("list", "list recurring plans");
  cmd->add_option("--status", *status, "active, paused, failing, lapsed, cancelled, completed");
  cmd->add_option("--donor", *donor, "only this constituent's plans");
  cmd->callback([&ctx, status, donor] {
    plans::ListFilter filter;
    if (!status->empty())
      filter.status = args::value_or_exit(domain::parse_plan_status(*status, "--status"));
    if (*donor) filter.constituent_id = *donor;
    filter.page.limit = store::kMaxPageSize;
    store::Database& db = args::database(ctx);
    for (;;) {
      auto page =
          args::value_or_exit(db.read([&](store::Unit& u) { return plans::list(u, filter); }));
      for (const auto& p : page.items) print_plan_line(p);
      if (!page.next_after_id) break;
      filter.page.after_id = *page.next_after_id;
    }
  });
}

void recurring_add_show(CLI::App* group, Context& ctx) {
  auto id = std::make_shared<long long>(0);
  auto* cmd = group->add_subcommand("show", "a plan with its transitions and next installments");
  cmd->add_option("id", *id, "plan id")->required();
  cmd->callback([&ctx, id] {
    store::Database& db = args::database(ctx);
    auto plan = args::value_or_exit(db.read([&](store::Unit& u) { return plans::get(u, *id); }));
    auto history =
        args::value_or_exit(db.read([&](store::Unit& u) { return plans::transitions(u, *id); }));
    std::cout << "plan " << plan.id << " for donor " << plan.constituent_id << ": "
              << args::money_text(plan.amount.minor, plan.amount.currency) << " "
              << domain::to_string(plan.frequency) << " on day " << plan.anchor_day << "\n"
              << "status: " << domain::to_string(plan.status) << "\n"
              << "starts: " << plan.starts_on.to_string()
              << (plan.ends_on ? ", ends: " + plan.ends_on->to_string() : std::string()) << "\n"
              << "last paid: " << (plan.last_paid_on ? plan.last_paid_on->to_string() : "-")
              << "\nconsecutive failures: " << plan.consecutive_failures << "\n";
    if (plan.processor)
      std::cout << "processor: " << *plan.processor << " " << plan.processor_reference.value_or("")
                << "\n";
    std::cout << "next expected:";
    if (plan.next_expected_on && !domain::is_final(plan.status)) {
      for (const Date& d : domain::occurrences_between(plan.schedule(), *plan.next_expected_on,
                                                       plan.next_expected_on->add_days(92))) {
        std::cout << " " << d.to_string();
      }
    } else {
      std::cout << " -";
    }
    std::cout << "\ntransitions:\n";
    for (const auto& t : history) {
      std::cout << "  " << t.created_at << "  " << t.from_status.value_or("(new)") << " -> "
                << t.to_status << "  " << t.reason << "\n";
    }
  });
}

void add_status_change(CLI::App* group, Context& ctx, const std::string& name,
                       const std::string& help) {
  auto id = std::make_shared<long long>(0);
  auto reason = std::make_shared<std::string>();
  auto today = std::make_shared<std::string>();
  auto* cmd = group->add_subcommand(name, help);
  cmd->add_option("id", *id, "plan id")->required();
  cmd->add_option("--reason", *reason, "why (recorded with the transition)");
  if (name == "resume") cmd->add_option("--today", *today, "resume as of this day (YYYY-MM-DD)");
  cmd->callback([&ctx, id, reason, today, name] {
    std::string why = reason->empty() ? name + "d from the command line" : *reason;
    if (name == "cancel" && reason->empty()) why = "cancelled from the command line";
    Date day = today->empty() ? Date::today() : args::date(*today, "--today");
    auto plan = args::value_or_exit(args::database(ctx).write(ctx.actor(), [&](store::Unit& u) {
      if (name == "pause") return plans::pause(u, *id, why);
      if (name == "resume") return plans::resume(u, *id, day, why);
      return plans::cancel(u, *id, why);
    }));
    std::cout << "plan " << plan.id << " is " << domain::to_string(plan.status) << "\n";
  });
}

void add_process(CLI::App* group, Context& ctx) {
  auto today = std::make_shared<std::string>();
  auto* cmd = group->add_subcommand("process", "run the daily lifecycle job on every plan");
  cmd->add_option("--today", *today, "process as of this day (YYYY-MM-DD, default today UTC)");
  cmd->callback([&ctx, today] {
    Date day = today->empty() ? Date::today() : args::date(*today, "--today");
    auto report = args::value_or_exit(args::database(ctx).write(
        ctx.actor(), [&](store::Unit& u) { return engine::process(u, day); }));
    for (const auto& t : report.transitions) {
      std::cout << "plan " << t.plan_id << ": " << domain::to_string(t.from) << " -> "
                << domain::to_string(t.to) << " (" << t.reason << ")\n";
    }
    std::cout << report.plans_examined << " plan(s) examined, " << report.transitions.size()
              << " transition(s) as of " << day.to_string() << "\n";
  });
}

void add_attach(CLI::App* group, Context& ctx) {
  auto gift = std::make_shared<long long>(0);
  auto reference = std::make_shared<std::string>();
  auto* cmd = group->add_subcommand("attach", "attach a gift to the plan it pays");
  cmd->add_option("gift", *gift, "gift id")->required();
  cmd->add_option("--reference", *reference, "the processor's subscription id");
  cmd->callback([&ctx, gift, reference] {
    std::optional<std::string> ref;
    if (!reference->empty()) ref = *reference;
    auto out = args::value_or_exit(args::database(ctx).write(
        ctx.actor(), [&](store::Unit& u) { return engine::attach_gift(u, *gift, ref); }));
    std::cout << engine::to_string(out.result) << ": " << out.message << "\n";
  });
}

}  // namespace

void add_recurring_command(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("recurring", "recurring giving plans");
  group->require_subcommand(1);
  recurring_add_add(group, ctx);
  recurring_add_list(group, ctx);
  recurring_add_show(group, ctx);
  add_status_change(group, ctx, "pause", "pause a plan (installments are not expected)");
  add_status_change(group, ctx, "resume", "resume a paused plan");
  add_status_change(group, ctx, "cancel", "cancel a plan (final)");
  add_process(group, ctx);
  add_attach(group, ctx);
}

}  // namespace steward::app
