#include "retention_report.hpp"

#include "report_common.hpp"
#include "retention_figures.hpp"

namespace steward::reports {
namespace {

using sdk::ValueType;

// One grouped pass per donor (or household), then the donors counted per FEP cell, so the
// database returns a dozen rows, not one per donor. received_date compares natively (a DATE on
// PostgreSQL; migration 0026). Portable: both dialects run it unchanged.
constexpr const char* kSql =
    "WITH d AS ("
    " SELECT {unit} AS unit_id, MIN(received_date) AS first_on,"
    " SUM(CASE WHEN received_date >= ? AND received_date <= ? THEN base_net_minor ELSE 0 END)"
    " AS p1,"
    " SUM(CASE WHEN received_date >= ? AND received_date <= ? THEN base_net_minor ELSE 0 END)"
    " AS p2,"
    " MAX(base_currency) AS currency"
    " FROM analytics_gifts WHERE received_date <= ?"
    " GROUP BY {unit}"
    " HAVING SUM(CASE WHEN received_date >= ? THEN 1 ELSE 0 END) > 0)"
    " SELECT CASE WHEN p1 > 0 THEN 1 ELSE 0 END AS in_p1,"
    " CASE WHEN p2 > 0 THEN 1 ELSE 0 END AS in_p2,"
    " CASE WHEN first_on >= ? THEN 1 ELSE 0 END AS first_in_p1,"
    " CASE WHEN first_on >= ? THEN 1 ELSE 0 END AS first_in_p2,"
    " CASE WHEN p2 > p1 THEN 1 WHEN p2 = p1 THEN 0 ELSE -1 END AS change,"
    " COUNT(*) AS donors, SUM(p1) AS p1, SUM(p2) AS p2, MAX(currency) AS currency"
    " FROM d GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5";

std::string with_unit(std::string sql, const std::string& unit) {
  for (auto at = sql.find("{unit}"); at != std::string::npos; at = sql.find("{unit}"))
    sql.replace(at, 6, unit);
  return sql;
}

}  // namespace

std::vector<sdk::ParameterSpec> RetentionReport::parameters() const {
  sdk::ParameterSpec fy;
  fy.name = "fiscal_year";
  fy.label = "P2 fiscal year (default: the last complete one)";
  fy.type = ValueType::kInteger;
  sdk::ParameterSpec start;
  start.name = "p2_start";
  start.label = "Or: P2 starts on (12 months from this date)";
  start.type = ValueType::kDate;
  return {fy, start, as_of_parameter(), fiscal_start_parameter(), counting_parameter()};
}

Result<sdk::Table> RetentionReport::run(const sdk::QueryCapability& db,
                                        const std::map<std::string, sdk::Value>& params) {
  const std::int64_t start_month = int_param(params, "fiscal_year_start_month");
  if (Status s = check_start_month(start_month); !s) return s;
  const int month = static_cast<int>(start_month);
  Date p2_start;
  if (params.count("p2_start") && !is_null(params.at("p2_start"))) {
    p2_start = date_param(params, "p2_start");
  } else {
    std::int64_t fy = fiscal_year_of(date_param(params, "as_of"), month) - 1;
    if (params.count("fiscal_year") && !is_null(params.at("fiscal_year")))
      fy = int_param(params, "fiscal_year");
    if (fy < 1901 || fy > 9998) return Status::invalid_field("fiscal_year", "must be 1901..9998");
    p2_start = fiscal_year_start(static_cast<int>(fy), month);
  }
  const Date p2_end = add_days(add_years(p2_start, 1), -1);
  const Date p1_start = add_years(p2_start, -1);
  const Date p1_end = add_days(p2_start, -1);
  const std::string unit = unit_expression(text_param(params, "counting"));
  auto rows = db.query(with_unit(kSql, unit),
                       {p1_start.iso(), p1_end.iso(), p2_start.iso(), p2_end.iso(), p2_end.iso(),
                        p1_start.iso(), p1_start.iso(), p2_start.iso()});
  if (!rows) return rows.status();
  std::vector<RetentionCell> cells;
  std::string currency;
  for (const auto& r : rows->rows) {
    cells.push_back({as_int(r.at(0)) != 0, as_int(r.at(1)) != 0, as_int(r.at(2)) != 0,
                     as_int(r.at(3)) != 0, static_cast<int>(as_int(r.at(4))), as_int(r.at(5)),
                     as_int(r.at(6)), as_int(r.at(7))});
    if (currency.empty()) currency = as_text(r.at(8));
  }
  if (currency.empty()) {
    auto base = db.query("SELECT MAX(base_currency) FROM analytics_gifts", {});
    if (base && !base->rows.empty()) currency = as_text(base->rows[0].at(0));
    if (currency.empty()) currency = "USD";
  }
  const RetentionFigures f = compute_retention(cells);

  sdk::Table t;
  t.columns = {{"metric", "Metric", ValueType::kText},
               {"label", "", ValueType::kText},
               {"donors", "Donors", ValueType::kInteger},
               {"p1_amount", "P1 " + p1_start.iso() + ".." + p1_end.iso(), ValueType::kMoney},
               {"p2_amount", "P2 " + p2_start.iso() + ".." + p2_end.iso(), ValueType::kMoney},
               {"change", "Change", ValueType::kMoney},
               {"rate", "Rate %", ValueType::kNumber}};
  auto money = [&](std::int64_t minor) { return sdk::Value{sdk::Money{minor, currency}}; };
  const sdk::Value none;
  auto add = [&](const char* key, const char* label, std::int64_t donors_count, sdk::Value p1,
                 sdk::Value p2, sdk::Value change, sdk::Value rate) {
    t.rows.push_back({std::string(key), std::string(label), donors_count, std::move(p1),
                      std::move(p2), std::move(change), std::move(rate)});
  };
  add("p1_donors", "Donors in P1", f.p1_donors.donors, money(f.p1_donors.p1), none, none, none);
  add("p2_donors", "Donors in P2", f.p2_donors.donors, none, money(f.p2_donors.p2), none, none);
  add("new", "New", f.new_donors.donors, none, money(f.new_donors.p2), money(f.new_donors.p2),
      none);
  add("recaptured", "Recaptured", f.recaptured.donors, none, money(f.recaptured.p2),
      money(f.recaptured.p2), none);
  auto retained_row = [&](const char* key, const char* label, const Bucket& b) {
    add(key, label, b.donors, money(b.p1), money(b.p2), money(b.p2 - b.p1), none);
  };
  retained_row("retained", "Retained", f.retained);
  retained_row("upgraded", "Upgraded", f.upgraded);
  retained_row("same", "Same", f.same);
  retained_row("downgraded", "Downgraded", f.downgraded);
  add("lapsed_new", "Lapsed new", f.lapsed_new.donors, money(f.lapsed_new.p1), none,
      money(-f.lapsed_new.p1), none);
  add("lapsed_repeat", "Lapsed repeat", f.lapsed_repeat.donors, money(f.lapsed_repeat.p1), none,
      money(-f.lapsed_repeat.p1), none);
  const std::int64_t gains = f.new_donors.p2 + f.recaptured.p2 + (f.upgraded.p2 - f.upgraded.p1);
  const std::int64_t losses =
      -(f.lapsed_new.p1 + f.lapsed_repeat.p1) + (f.downgraded.p2 - f.downgraded.p1);
  add("gains", "Gains", f.new_donors.donors + f.recaptured.donors, none, none, money(gains), none);
  add("losses", "Losses", f.lapsed_new.donors + f.lapsed_repeat.donors, none, none, money(losses),
      none);
  add("net", "Net", f.p2_donors.donors - f.p1_donors.donors, money(f.p1_donors.p1),
      money(f.p2_donors.p2), money(gains + losses), none);
  add("donor_retention", "Donor retention", f.retained.donors, none, none, none,
      percent(f.retained.donors, f.p1_donors.donors));
  add("new_donor_retention", "New-donor retention", f.p1_new_retained.donors, none, none, none,
      percent(f.p1_new_retained.donors, f.p1_new.donors));
  add("repeat_donor_retention", "Repeat-donor retention", f.p1_repeat_retained.donors, none, none,
      none, percent(f.p1_repeat_retained.donors, f.p1_repeat.donors));
  add("dollar_retention", "Dollar retention", f.retained.donors, money(f.p1_donors.p1),
      money(f.retained.p2), none, percent(f.retained.p2, f.p1_donors.p1));
  t.chart = sdk::ChartHint{sdk::ChartKind::kBar, "label", {"donors"}};
  return t;
}

sdk::Manifest retention_manifest() {
  sdk::Manifest m;
  m.id = "org.steward.report.retention";
  m.kind = sdk::PluginKind::kReport;
  m.version = "1.0.0";
  m.name = "Donor retention (FEP)";
  m.description =
      "Fundraising Effectiveness Project metrics for two 12-month periods: new, retained, "
      "recaptured, upgraded, downgraded and lapsed donors, gains and losses, donor and dollar "
      "retention.";
  m.license = "LicenseRef-Steward";  // ships with Steward, under its licence
  return m;
}

}  // namespace steward::reports
