#include "needs_report.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <tuple>

#include "recurring_months.hpp"
#include "report_common.hpp"

namespace steward::reports {
namespace {

using sdk::ValueType;

constexpr const char* kFundsSql =
    "SELECT fund_id, name, monthly_need_minor, monthly_need_currency, people_served"
    " FROM analytics_funds WHERE active = 1 AND monthly_need_minor IS NOT NULL"
    " ORDER BY name, fund_id";
constexpr const char* kPlansSql =
    "SELECT fund_id, currency, amount_minor, frequency, starts_on, ends_on, stopped_on"
    " FROM analytics_recurring_plans WHERE fund_id IS NOT NULL ORDER BY plan_id";
constexpr const char* kReceivedSql =
    "SELECT fund_id, substr(received_on, 1, 7) AS month, currency, base_currency,"
    " SUM(net_minor) AS net, SUM(base_net_minor) AS base_net FROM analytics_allocations"
    " WHERE received_on >= ? AND received_on <= ?"
    " GROUP BY fund_id, substr(received_on, 1, 7), currency, base_currency";

struct Fund {
  std::int64_t id = 0;
  std::string name;
  std::int64_t need = 0;
  std::string currency;
};

struct Plan {
  std::int64_t fund_id = 0;
  std::string currency;
  PlanSpan span;
};

std::string month_key(int year, int month) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  return buf;
}

std::optional<Date> opt_date(const Value& v) {
  if (is_null(v)) return std::nullopt;
  return as_date(v);
}

double floor_percent(std::int64_t part, std::int64_t whole) {
  if (whole <= 0 || part <= 0) return 0;
  // Whole hundredths of a percent first (floored on purpose), then the two decimals.
  const std::int64_t hundredths = part * 10000 / whole;
  return static_cast<double>(hundredths) / 100.0;
}

}  // namespace

std::vector<sdk::ParameterSpec> NeedsReport::parameters() const {
  sdk::ParameterSpec months;
  months.name = "months";
  months.label = "Months (1..60)";
  months.type = ValueType::kInteger;
  months.default_value = std::int64_t{12};
  sdk::ParameterSpec fund;
  fund.name = "fund";
  fund.label = "Fund ID (default: every fund with a monthly need)";
  fund.type = ValueType::kInteger;
  sdk::ParameterSpec currency;  // the base currency, filled in by the host
  currency.name = "currency";
  currency.label = "Base currency";
  currency.type = ValueType::kText;
  return {months, fund, currency, as_of_parameter()};
}

Result<sdk::Table> NeedsReport::run(const sdk::QueryCapability& db,
                                    const std::map<std::string, sdk::Value>& params) {
  const std::int64_t months = int_param(params, "months");
  if (months < 1 || months > 60) return Status::invalid_field("months", "must be 1..60");
  const Date as_of = date_param(params, "as_of");
  const std::string base = text_param(params, "currency");
  const bool one_fund = params.count("fund") && !is_null(params.at("fund"));
  const std::int64_t only = one_fund ? int_param(params, "fund") : 0;

  auto fund_rows = db.query(kFundsSql, {});
  if (!fund_rows) return fund_rows.status();
  std::vector<Fund> funds;
  for (const auto& r : fund_rows->rows) {
    if (one_fund && as_int(r.at(0)) != only) continue;
    const std::int64_t people = is_null(r.at(4)) ? 1 : std::max<std::int64_t>(as_int(r.at(4)), 1);
    funds.push_back(
        {as_int(r.at(0)), as_text(r.at(1)), as_int(r.at(2)) * people, as_text(r.at(3))});
  }
  if (one_fund && funds.empty())
    return Status::invalid_field("fund",
                                 "no active fund " + std::to_string(only) + " with a monthly need");

  auto plan_rows = db.query(kPlansSql, {});
  if (!plan_rows) return plan_rows.status();
  std::vector<Plan> plans;
  for (const auto& r : plan_rows->rows)
    plans.push_back({as_int(r.at(0)), as_text(r.at(1)),
                     PlanSpan{as_int(r.at(2)), as_text(r.at(3)), as_date(r.at(4)),
                              opt_date(r.at(5)), opt_date(r.at(6))}});

  int year = as_of.year;
  int month = as_of.month - static_cast<int>(months - 1);
  while (month < 1) {
    month += 12;
    --year;
  }
  const Date from{year, month, 1};
  auto received_rows = db.query(kReceivedSql, {from.iso(), as_of.iso()});
  if (!received_rows) return received_rows.status();
  std::map<std::tuple<std::int64_t, std::string, std::string>, std::int64_t> received;
  for (const Fund& f : funds) {
    for (const auto& r : received_rows->rows) {
      if (as_int(r.at(0)) != f.id) continue;
      const std::string currency = as_text(r.at(2));
      std::int64_t amount = 0;
      if (currency == f.currency)
        amount = as_int(r.at(4));
      else if (f.currency == base && as_text(r.at(3)) == base)
        amount = as_int(r.at(5));
      received[{f.id, f.currency, as_text(r.at(1))}] += amount;
    }
  }

  sdk::Table t;
  t.columns = {{"month", "Month", ValueType::kText},
               {"fund_id", "Fund ID", ValueType::kInteger},
               {"fund", "Fund", ValueType::kText},
               {"need", "Need", ValueType::kMoney},
               {"committed", "Committed", ValueType::kMoney},
               {"received", "Received", ValueType::kMoney},
               {"committed_percent", "Committed %", ValueType::kNumber},
               {"received_percent", "Received %", ValueType::kNumber},
               {"gap", "Gap", ValueType::kMoney}};
  for (std::int64_t n = 0; n < months; ++n) {
    const bool last = n == months - 1;
    const Date end =
        last ? as_of : add_days(month == 12 ? Date{year + 1, 1, 1} : Date{year, month + 1, 1}, -1);
    const std::string key = month_key(year, month);
    for (const Fund& f : funds) {
      std::int64_t twelfths = 0;
      for (const Plan& p : plans)
        if (p.fund_id == f.id && p.currency == f.currency && committed_at(p.span, end, last))
          twelfths += mrr_twelfths(p.span.amount_minor, p.span.frequency);
      const std::int64_t committed = twelfths_to_minor(twelfths);
      auto it = received.find({f.id, f.currency, key});
      const std::int64_t got = it == received.end() ? 0 : it->second;
      t.rows.push_back({key, f.id, f.name, sdk::Money{f.need, f.currency},
                        sdk::Money{committed, f.currency}, sdk::Money{got, f.currency},
                        floor_percent(committed, f.need), floor_percent(got, f.need),
                        sdk::Money{std::max<std::int64_t>(f.need - committed, 0), f.currency}});
    }
    if (++month > 12) {
      month = 1;
      ++year;
    }
  }
  t.chart =
      sdk::ChartHint{sdk::ChartKind::kLine, "month", {"committed_percent", "received_percent"}};
  return t;
}

sdk::Manifest needs_manifest() {
  sdk::Manifest m;
  m.id = "org.steward.report.needs";
  m.kind = sdk::PluginKind::kReport;
  m.version = "1.0.0";
  m.name = "Needs coverage over time";
  m.description =
      "For each fund with a monthly need, month by month: the need, recurring commitments, "
      "gifts received, coverage and the gap.";
  m.license = "LicenseRef-Steward";  // ships with Steward, under its licence
  return m;
}

}  // namespace steward::reports
