// steward needs [--as-of DATE] [--json]
// steward recurring mrr [--as-of DATE] [--json]
// steward recurring upcoming [--from DATE] [--days N] [--json]
//
// The `recurring` group may also be created by add_recurring_command (cmd_recurring.cpp); this
// file adds its subcommands to the existing group, or creates the group when it is missing.
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/cli.hpp"
#include "domain/date.hpp"
#include "domain/money.hpp"
#include "engine/needs_service.hpp"
#include "engine/recurring_revenue.hpp"

namespace steward::app {
namespace {

using nlohmann::json;

std::string needs_money(long long minor, const std::string& currency) {
  return domain::format_decimal(sdk::Money{minor, currency}) + " " + currency;
}

// Code points, not bytes, so that Hangul names line up no worse than Latin ones.
std::size_t width(const std::string& text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

// Prints rows as left-aligned columns separated by two spaces.
void print_table(const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> widths;
  for (const auto& row : rows) {
    widths.resize(std::max(widths.size(), row.size()), 0);
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], width(row[i]));
  }
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line += std::string(widths[i] - width(row[i]) + 2, ' ');
    }
    std::cout << line << "\n";
  }
}

// The --as-of / --from value, or today (UTC) when empty.
domain::Date day_or_today(const std::string& text, const std::string& field) {
  if (text.empty()) return domain::Date::today();
  auto parsed = domain::Date::parse(text, field);
  if (!parsed) throw CLI::RuntimeError(fail(parsed.status()));
  return *parsed;
}

store::Database& database(Context& ctx) {
  store::Database* db = ctx.database();
  if (!db) throw CLI::RuntimeError(1);
  return *db;
}

json cli_fund_need_json(const engine::FundNeed& f) {
  json j = {{"fund_id", f.fund_id},
            {"fund_code", f.fund_code},
            {"fund_name", f.fund_name},
            {"currency", f.currency},
            {"need_per_unit_minor", f.need_per_unit_minor},
            {"people_served", nullptr},
            {"need_minor", f.need_minor},
            {"committed_minor", f.committed_minor},
            {"received_this_month_minor", f.received_minor},
            {"committed_bp", f.committed_bp},
            {"committed_percent", engine::format_basis_points(f.committed_bp)},
            {"received_bp", f.received_bp},
            {"received_percent", engine::format_basis_points(f.received_bp)},
            {"gap_minor", f.gap_minor},
            {"months_ahead", f.months_ahead},
            {"received_12_months_minor", f.received_12_months_minor}};
  if (f.people_served) j["people_served"] = *f.people_served;
  return j;
}

void print_needs(const engine::NeedsReport& r) {
  std::cout << "Needs as of " << r.as_of << " (received since " << r.month_start << ")\n";
  if (r.funds.empty()) {
    std::cout << "no active fund has a monthly need\n";
    return;
  }
  std::vector<std::vector<std::string>> rows = {{"Fund", "Need/month", "Committed", "Received",
                                                 "Committed %", "Received %", "Gap", "Months ahead",
                                                 "People served"}};
  for (const engine::FundNeed& f : r.funds) {
    rows.push_back(
        {f.fund_name, needs_money(f.need_minor, f.currency),
         needs_money(f.committed_minor, f.currency), needs_money(f.received_minor, f.currency),
         engine::format_basis_points(f.committed_bp), engine::format_basis_points(f.received_bp),
         needs_money(f.gap_minor, f.currency), std::to_string(f.months_ahead),
         f.people_served ? std::to_string(*f.people_served) : "-"});
  }
  print_table(rows);
}

json cli_mrr_total_json(const engine::MrrTotal& t) {
  json funds = json::array();
  for (const engine::MrrLine& l : t.by_fund) {
    funds.push_back({{"fund_id", l.fund_id ? json(*l.fund_id) : json(nullptr)},
                     {"fund_code", l.fund_code},
                     {"fund_name", l.fund_name},
                     {"monthly_minor", l.monthly_minor},
                     {"plan_count", l.plan_count}});
  }
  return {{"currency", t.currency},
          {"monthly_minor", t.monthly_minor},
          {"plan_count", t.plan_count},
          {"by_fund", funds}};
}

void print_mrr_total(const engine::MrrTotal& t) {
  std::cout << "Monthly recurring revenue: " << needs_money(t.monthly_minor, t.currency) << " from "
            << t.plan_count << " plan(s)\n";
  std::vector<std::vector<std::string>> rows;
  for (const engine::MrrLine& l : t.by_fund) {
    rows.push_back({"  " + l.fund_name, needs_money(l.monthly_minor, t.currency),
                    std::to_string(l.plan_count) + " plan(s)"});
  }
  print_table(rows);
}

void add_mrr(CLI::App& rec, Context& ctx) {
  auto* cmd = rec.add_subcommand("mrr", "monthly recurring revenue, overall and by fund");
  auto as_of = std::make_shared<std::string>();
  auto as_json = std::make_shared<bool>(false);
  cmd->add_option("--as-of", *as_of, "day to count committed plans on (YYYY-MM-DD, default today)");
  cmd->add_flag("--json", *as_json, "print JSON");
  cmd->callback([&ctx, as_of, as_json] {
    domain::Date day = day_or_today(*as_of, "as_of");
    auto r = database(ctx).read(
        [&](store::Unit& u) { return engine::monthly_recurring_revenue(u, day); });
    if (!r) throw CLI::RuntimeError(fail(r.status()));
    if (*as_json) {
      json others = json::array();
      for (const auto& t : r->other_currencies) others.push_back(cli_mrr_total_json(t));
      json j = cli_mrr_total_json(r->base);
      j["as_of"] = r->as_of;
      j["other_currencies"] = others;
      std::cout << j.dump(2) << "\n";
      return;
    }
    print_mrr_total(r->base);
    for (const auto& t : r->other_currencies) {
      std::cout << "In " << t.currency << " (not converted):\n";
      print_mrr_total(t);
    }
  });
}

void add_upcoming(CLI::App& rec, Context& ctx) {
  auto* cmd = rec.add_subcommand("upcoming", "expected installments of active plans");
  auto from = std::make_shared<std::string>();
  auto days = std::make_shared<int>(30);
  auto as_json = std::make_shared<bool>(false);
  cmd->add_option("--from", *from, "first day (YYYY-MM-DD, default today)");
  cmd->add_option("--days", *days, "how many days to list, from the first day (default 30)");
  cmd->add_flag("--json", *as_json, "print JSON");
  cmd->callback([&ctx, from, days, as_json] {
    if (*days < 1 || *days > 366) {
      throw CLI::RuntimeError(fail(Status::invalid_field("days", "must be between 1 and 366")));
    }
    domain::Date first = day_or_today(*from, "from");
    domain::Date last = first.add_days(*days - 1);
    auto r = database(ctx).read(
        [&](store::Unit& u) { return engine::upcoming_expected_gifts(u, first, last); });
    if (!r) throw CLI::RuntimeError(fail(r.status()));
    if (*as_json) {
      json items = json::array();
      for (const auto& g : *r) {
        items.push_back({{"expected_on", g.expected_on},
                         {"plan_id", g.plan_id},
                         {"constituent_id", g.constituent_id},
                         {"display_name", g.display_name},
                         {"amount_minor", g.amount_minor},
                         {"currency", g.currency},
                         {"frequency", g.frequency},
                         {"fund_id", g.fund_id ? json(*g.fund_id) : json(nullptr)},
                         {"fund_name", g.fund_name}});
      }
      json j = {{"from", first.to_string()}, {"to", last.to_string()}, {"gifts", items}};
      std::cout << j.dump(2) << "\n";
      return;
    }
    std::cout << "Expected gifts " << first.to_string() << " to " << last.to_string() << ": "
              << r->size() << "\n";
    std::vector<std::vector<std::string>> rows;
    for (const auto& g : *r) {
      rows.push_back({g.expected_on, g.display_name, needs_money(g.amount_minor, g.currency),
                      g.frequency, g.fund_name, "plan " + std::to_string(g.plan_id)});
    }
    print_table(rows);
  });
}

CLI::App* recurring_group(CLI::App& app) {
  try {
    return app.get_subcommand("recurring");
  } catch (const CLI::OptionNotFound&) {
    auto* rec = app.add_subcommand("recurring", "recurring plans");
    rec->require_subcommand(1);
    return rec;
  }
}

}  // namespace

void add_needs_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("needs", "how far each fund's monthly need is covered");
  auto as_of = std::make_shared<std::string>();
  auto as_json = std::make_shared<bool>(false);
  cmd->add_option("--as-of", *as_of, "day to report on (YYYY-MM-DD, default today)");
  cmd->add_flag("--json", *as_json, "print JSON");
  cmd->callback([&ctx, as_of, as_json] {
    domain::Date day = day_or_today(*as_of, "as_of");
    auto r = database(ctx).read([&](store::Unit& u) { return engine::needs_coverage(u, day); });
    if (!r) throw CLI::RuntimeError(fail(r.status()));
    if (!*as_json) return print_needs(*r);
    json funds = json::array();
    for (const auto& f : r->funds) funds.push_back(cli_fund_need_json(f));
    json j = {{"as_of", r->as_of},
              {"month_start", r->month_start},
              {"year_start", r->year_start},
              {"funds", funds}};
    std::cout << j.dump(2) << "\n";
  });

  CLI::App* rec = recurring_group(app);
  add_mrr(*rec, ctx);
  add_upcoming(*rec, ctx);
}

}  // namespace steward::app
