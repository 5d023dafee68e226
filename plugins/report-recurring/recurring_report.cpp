#include "recurring_report.hpp"

#include <map>

#include "recurring_months.hpp"
#include "report_common.hpp"

namespace steward::reports {
namespace {

using sdk::ValueType;

constexpr const char* kPlansSql =
    "SELECT p.plan_id, p.constituent_id, c.display_name, p.status, p.amount_minor, p.frequency,"
    " p.starts_on, p.ends_on, p.stopped_on, p.last_paid_on, p.consecutive_failures"
    " FROM analytics_recurring_plans p"
    " JOIN analytics_constituents c ON c.constituent_id = p.constituent_id"
    " WHERE p.currency = ? ORDER BY p.plan_id";

const std::vector<std::string>& statuses() {
  static const std::vector<std::string> s{"active", "failing",   "paused",
                                          "lapsed", "cancelled", "completed"};
  return s;
}

std::optional<Date> opt_date(const Value& v) {
  if (is_null(v)) return std::nullopt;
  return as_date(v);
}

sdk::Table months_table(const sdk::QueryRows& rows, const Date& as_of, int months,
                        const std::string& currency) {
  std::vector<PlanSpan> plans;
  for (const auto& r : rows.rows)
    plans.push_back({as_int(r.at(4)), as_text(r.at(5)), as_date(r.at(6)), opt_date(r.at(7)),
                     opt_date(r.at(8))});
  sdk::Table t;
  t.columns = {{"month", "Month", ValueType::kText},
               {"plans", "Plans", ValueType::kInteger},
               {"mrr", "Monthly recurring revenue", ValueType::kMoney},
               {"new_plans", "New plans", ValueType::kInteger},
               {"new_mrr", "New MRR", ValueType::kMoney},
               {"churned_plans", "Churned plans", ValueType::kInteger},
               {"churned_mrr", "Churned MRR", ValueType::kMoney},
               {"net_change", "Net change", ValueType::kMoney},
               {"churn_percent", "Churn %", ValueType::kNumber}};
  for (const MonthLine& m : recurring_months(plans, as_of, months)) {
    t.rows.push_back({m.month, m.plans, sdk::Money{m.mrr_minor, currency}, m.new_plans,
                      sdk::Money{m.new_mrr_minor, currency}, m.churned_plans,
                      sdk::Money{m.churned_mrr_minor, currency},
                      sdk::Money{m.new_mrr_minor - m.churned_mrr_minor, currency},
                      m.churn_percent});
  }
  t.chart = sdk::ChartHint{sdk::ChartKind::kLine, "month", {"mrr", "churned_mrr"}};
  return t;
}

sdk::Table status_table(const sdk::QueryRows& rows, const std::string& currency) {
  struct Acc {
    std::int64_t plans = 0;
    std::int64_t twelfths = 0;
    std::map<std::int64_t, bool> donors;
  };
  std::map<std::string, Acc> by;
  for (const auto& r : rows.rows) {
    Acc& a = by[as_text(r.at(3))];
    ++a.plans;
    a.twelfths += mrr_twelfths(as_int(r.at(4)), as_text(r.at(5)));
    a.donors[as_int(r.at(1))] = true;
  }
  sdk::Table t;
  t.columns = {{"status", "Status", ValueType::kText},
               {"plans", "Plans", ValueType::kInteger},
               {"donors", "Donors", ValueType::kInteger},
               {"monthly_value", "Monthly value", ValueType::kMoney}};
  for (const std::string& s : statuses()) {
    const Acc& a = by[s];
    t.rows.push_back({s, a.plans, static_cast<std::int64_t>(a.donors.size()),
                      sdk::Money{twelfths_to_minor(a.twelfths), currency}});
  }
  t.chart = sdk::ChartHint{sdk::ChartKind::kBar, "status", {"monthly_value"}};
  return t;
}

sdk::Table plans_table(const sdk::QueryRows& rows, const std::string& currency) {
  sdk::Table t;
  t.columns = {{"plan_id", "Plan", ValueType::kInteger},
               {"constituent_id", "Donor ID", ValueType::kInteger},
               {"name", "Donor", ValueType::kText},
               {"status", "Status", ValueType::kText},
               {"amount", "Amount", ValueType::kMoney},
               {"frequency", "Frequency", ValueType::kText},
               {"monthly_value", "Monthly value", ValueType::kMoney},
               {"starts_on", "Starts", ValueType::kDate},
               {"last_paid_on", "Last paid", ValueType::kDate},
               {"failures", "Failures in a row", ValueType::kInteger},
               {"stopped_on", "Stopped", ValueType::kDate}};
  for (const auto& r : rows.rows) {
    const std::int64_t amount = as_int(r.at(4));
    const std::string frequency = as_text(r.at(5));
    auto date_or_null = [](const Value& v) -> Value {
      if (is_null(v)) return std::monostate{};
      return as_date(v);
    };
    t.rows.push_back({as_int(r.at(0)), as_int(r.at(1)), as_text(r.at(2)), as_text(r.at(3)),
                      sdk::Money{amount, currency}, frequency,
                      sdk::Money{twelfths_to_minor(mrr_twelfths(amount, frequency)), currency},
                      as_date(r.at(6)), date_or_null(r.at(9)), as_int(r.at(10)),
                      date_or_null(r.at(8))});
  }
  return t;
}

}  // namespace

std::vector<sdk::ParameterSpec> RecurringReport::parameters() const {
  sdk::ParameterSpec show;
  show.name = "show";
  show.label = "Show";
  show.type = ValueType::kText;
  show.default_value = std::string("months");
  show.choices = {"months", "status", "plans"};
  sdk::ParameterSpec months;
  months.name = "months";
  months.label = "Months of history (1..60)";
  months.type = ValueType::kInteger;
  months.default_value = std::int64_t{12};
  sdk::ParameterSpec currency;
  currency.name = "currency";
  currency.label = "Currency (default: the base currency)";
  currency.type = ValueType::kText;
  return {show, months, currency, as_of_parameter()};
}

Result<sdk::Table> RecurringReport::run(const sdk::QueryCapability& db,
                                        const std::map<std::string, sdk::Value>& params) {
  const std::int64_t months = int_param(params, "months");
  if (months < 1 || months > 60) return Status::invalid_field("months", "must be 1..60");
  const std::string currency = text_param(params, "currency");
  if (currency.size() != 3)
    return Status::invalid_field("currency", "must be a three-letter ISO 4217 code");
  const Date as_of = date_param(params, "as_of");
  auto rows = db.query(kPlansSql, {currency});
  if (!rows) return rows.status();
  const std::string show = text_param(params, "show");
  if (show == "status") return status_table(*rows, currency);
  if (show == "plans") return plans_table(*rows, currency);
  return months_table(*rows, as_of, static_cast<int>(months), currency);
}

sdk::Manifest recurring_manifest() {
  sdk::Manifest m;
  m.id = "org.steward.report.recurring";
  m.kind = sdk::PluginKind::kReport;
  m.version = "1.0.0";
  m.name = "Recurring giving";
  m.description =
      "Recurring plans by status, monthly recurring revenue and its churn per month, and the "
      "list of plans.";
  m.license = "LicenseRef-Steward";  // ships with Steward, under its licence
  return m;
}

}  // namespace steward::reports
