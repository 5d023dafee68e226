#include "giving_trends_report.hpp"

#include <algorithm>

#include "report_common.hpp"
#include "trend_buckets.hpp"

namespace steward::reports {
namespace {

using sdk::ValueType;

// Where a grouping's facts come from and what it groups by (on the fact row g).
struct Facts {
  const char* from;
  const char* key;
  const char* label;
  bool per_allocation;  // several rows of one gift may fall in one group (two parts, one fund)
};

Facts facts_for(const std::string& group_by) {
  if (group_by == "fund")
    return {"analytics_allocations g LEFT JOIN analytics_funds f ON f.fund_id = g.fund_id",
            "CAST(g.fund_id AS TEXT)", "COALESCE(f.name, '')", true};
  if (group_by == "campaign")
    return {"analytics_gifts g LEFT JOIN analytics_campaigns k ON k.campaign_id = g.campaign_id",
            "COALESCE(CAST(g.campaign_id AS TEXT), '')", "COALESCE(k.name, '(no campaign)')",
            false};
  if (group_by == "appeal")
    return {"analytics_gifts g LEFT JOIN analytics_appeals a ON a.appeal_id = g.appeal_id",
            "COALESCE(CAST(g.appeal_id AS TEXT), '')", "COALESCE(a.name, '(no appeal)')", false};
  if (group_by == "method")
    return {"analytics_gifts g", "g.payment_method", "g.payment_method", false};
  if (group_by == "kind")
    return {"analytics_gifts g", "g.constituent_kind", "g.constituent_kind", false};
  if (group_by == "region")
    return {
        "analytics_gifts g LEFT JOIN analytics_constituents c"
        " ON c.constituent_id = g.constituent_id",
        "COALESCE(c.region, '')", "COALESCE(c.region, '(no region)')", false};
  return {"analytics_gifts g", "''", "'All'", false};
}

// The period number of trend_buckets.hpp from the view's year and month columns.
std::string period_sql(const std::string& grain, int fiscal_start_month,
                       std::vector<sdk::Value>& params) {
  if (grain == "quarter") return "g.received_year * 10 + (g.received_month + 2) / 3";
  if (grain == "year") return "g.received_year";
  if (grain == "fiscal_year") {
    // Calendar fiscal years (start month 1) are never pushed into the next year.
    params.emplace_back(std::int64_t{fiscal_start_month <= 1 ? 13 : fiscal_start_month});
    return "g.received_year + CASE WHEN g.received_month >= ? THEN 1 ELSE 0 END";
  }
  return "g.received_year * 100 + g.received_month";
}

constexpr const char* kInWindow = "(g.received_date >= ? AND g.received_date <= ?)";

// One row per role, period and group: total, gifts, donors and the middle amount(s), all
// computed by the database (decision 0221). The median: PostgreSQL's percentile_disc taken in
// both directions gives the two middle amounts (the same one when the count is odd); SQLite has
// no ordered-set aggregates, so ROW_NUMBER and COUNT windows pick them. Both return their sum
// and count, and the report divides, rounding half away from zero.
// `fact_rows` against `gifts` tells whether a gift had two rows in one group (two allocations to
// one fund): only then must the rows be added up per gift first (`per_gift`), which costs a
// grouping of every fact, so the report asks for it only when a first answer shows the need.
struct TrendQuery {
  std::string sql;
  std::vector<sdk::Value> params;
};

TrendQuery trend_query(const std::string& group_by, const std::string& grain, int start_month,
                       const Date& from, const Date& to, const Window* last_year, bool split_roles,
                       bool postgresql, bool per_gift) {
  const Facts facts = facts_for(group_by);
  per_gift = per_gift && facts.per_allocation;
  TrendQuery q;
  auto& p = q.params;
  std::string role = "1";
  std::string join;
  if (last_year != nullptr && !split_roles) {
    role = std::string("CASE WHEN ") + kInWindow + " THEN 1 ELSE 0 END + CASE WHEN " + kInWindow +
           " THEN 2 ELSE 0 END";
    p.insert(p.end(), {from.iso(), to.iso(), last_year->from.iso(), last_year->to.iso()});
  }
  const std::string period = period_sql(grain, start_month, p);
  if (last_year != nullptr && split_roles) {
    // Gifts in both windows are counted twice, once per role.
    role = "w.role";
    join =
        std::string(" JOIN (SELECT 1 AS role UNION ALL SELECT 2 AS role) w ON (w.role = 1 AND ") +
        kInWindow + ") OR (w.role = 2 AND " + kInWindow + ")";
  }
  std::string& sql = q.sql;
  sql = "WITH f AS (SELECT " + role + " AS role, " + period + " AS period, " + facts.key +
        " AS group_key, " + facts.label +
        " AS group_label, g.gift_id, g.constituent_id AS donor, " +
        (per_gift ? "SUM(g.base_net_minor) AS amount, MAX(g.base_currency)"
                  : "g.base_net_minor AS amount, g.base_currency") +
        " AS currency FROM " + facts.from + join;
  if (!join.empty())
    p.insert(p.end(), {from.iso(), to.iso(), last_year->from.iso(), last_year->to.iso()});
  sql += std::string(" WHERE ") + kInWindow;
  p.insert(p.end(), {(last_year != nullptr ? last_year->from : from).iso(), to.iso()});
  if (per_gift) sql += " GROUP BY 1, 2, 3, 4, 5, 6";
  sql += ")";
  const std::string groups = " GROUP BY role, period, group_key, group_label";
  const std::string figures =
      "SELECT role, period, group_key, group_label, SUM(amount) AS total,"
      " COUNT(DISTINCT gift_id) AS gifts, COUNT(DISTINCT donor) AS donors, COUNT(*) AS fact_rows, ";
  if (postgresql) {
    sql += " " + figures +
           "percentile_disc(0.5) WITHIN GROUP (ORDER BY amount)"
           " + percentile_disc(0.5) WITHIN GROUP (ORDER BY amount DESC) AS median_sum,"
           " 2 AS median_count, MAX(currency) AS currency FROM f" +
           groups;
  } else {
    sql +=
        ", r AS (SELECT f.*, ROW_NUMBER() OVER (PARTITION BY role, period, group_key,"
        " group_label ORDER BY amount, gift_id) AS rn, COUNT(*) OVER (PARTITION BY role,"
        " period, group_key, group_label) AS n FROM f) " +
        figures +
        "SUM(CASE WHEN rn = (n + 1) / 2 OR rn = (n + 2) / 2 THEN amount ELSE 0 END)"
        " AS median_sum,"
        " SUM(CASE WHEN rn = (n + 1) / 2 OR rn = (n + 2) / 2 THEN 1 ELSE 0 END)"
        " AS median_count, MAX(currency) AS currency FROM r" +
        groups;
  }
  return q;
}

}  // namespace

std::vector<sdk::ParameterSpec> GivingTrendsReport::parameters() const {
  sdk::ParameterSpec from;
  from.name = "from";
  from.label = "From (default: start of the fiscal year two years before as_of)";
  from.type = ValueType::kDate;
  sdk::ParameterSpec to;
  to.name = "to";
  to.label = "To (default: as_of)";
  to.type = ValueType::kDate;
  sdk::ParameterSpec grain;
  grain.name = "grain";
  grain.label = "Period";
  grain.type = ValueType::kText;
  grain.default_value = std::string("month");
  grain.choices = {"month", "quarter", "year", "fiscal_year"};
  sdk::ParameterSpec group;
  group.name = "group_by";
  group.label = "Group by";
  group.type = ValueType::kText;
  group.default_value = std::string("none");
  group.choices = {"none", "fund", "campaign", "appeal", "method", "kind", "region"};
  return {from,
          to,
          grain,
          group,
          flag_parameter("compare_last_year", "Show the same period last year", true),
          as_of_parameter(),
          fiscal_start_parameter()};
}

Result<sdk::Table> GivingTrendsReport::run(const sdk::QueryCapability& db,
                                           const std::map<std::string, sdk::Value>& params) {
  const std::int64_t start_month = int_param(params, "fiscal_year_start_month");
  if (Status s = check_start_month(start_month); !s) return s;
  const int month = static_cast<int>(start_month);
  const Date as_of = date_param(params, "as_of");
  Date to = as_of;
  if (params.count("to") && !is_null(params.at("to"))) to = date_param(params, "to");
  Date from = fiscal_year_start(fiscal_year_of(as_of, month) - 2, month);
  if (params.count("from") && !is_null(params.at("from"))) from = date_param(params, "from");
  if (from > to) return Status::invalid_field("from", "must not be after to (" + to.iso() + ")");
  const bool compare = flag_param(params, "compare_last_year");
  const std::string grain = text_param(params, "grain");
  const std::string group_by = text_param(params, "group_by");

  const Window last_year = last_year_window(from, to);
  const bool split = compare && roles_share_a_period(from, to, last_year, grain, month);
  const bool postgresql = is_postgresql(db);
  sdk::QueryRows rows;
  for (bool per_gift : {false, true}) {
    const auto q = trend_query(group_by, grain, month, from, to, compare ? &last_year : nullptr,
                               split, postgresql, per_gift);
    auto answer = db.query(q.sql, q.params);
    if (!answer) return answer.status();
    rows = std::move(*answer);
    const bool gift_in_two_rows =
        std::any_of(rows.rows.begin(), rows.rows.end(), [](const std::vector<sdk::Value>& r) {
          return as_int(r.at(7)) != as_int(r.at(5));  // fact_rows != gifts
        });
    if (!gift_in_two_rows) break;
  }
  std::vector<TrendGroup> groups;
  std::string currency;
  for (const auto& r : rows.rows) {
    groups.push_back({static_cast<int>(as_int(r.at(0))), as_int(r.at(1)), as_text(r.at(2)),
                      as_text(r.at(3)), as_int(r.at(4)), as_int(r.at(5)), as_int(r.at(6)),
                      as_int(r.at(8)), as_int(r.at(9))});
    if (currency.empty()) currency = as_text(r.at(10));
  }
  if (currency.empty()) currency = "USD";
  const auto buckets = trend_rows(groups, grain);

  sdk::Table t;
  t.columns = {{"period", "Period", ValueType::kText}};
  if (group_by != "none") t.columns.push_back({"group", group_by, ValueType::kText});
  t.columns.insert(t.columns.end(), {{"total", "Total", ValueType::kMoney},
                                     {"gifts", "Gifts", ValueType::kInteger},
                                     {"donors", "Donors", ValueType::kInteger},
                                     {"average", "Average gift", ValueType::kMoney},
                                     {"median", "Median gift", ValueType::kMoney}});
  if (compare)
    t.columns.insert(t.columns.end(),
                     {{"last_year_total", "Total last year", ValueType::kMoney},
                      {"last_year_gifts", "Gifts last year", ValueType::kInteger},
                      {"last_year_donors", "Donors last year", ValueType::kInteger},
                      {"change_percent", "Change %", ValueType::kNumber}});
  auto money = [&](std::int64_t minor) { return sdk::Value{sdk::Money{minor, currency}}; };
  for (const auto& b : buckets) {
    if (b.current.gifts == 0 && !compare) continue;
    std::vector<sdk::Value> row{b.period};
    if (group_by != "none") row.emplace_back(b.group_label);
    row.insert(row.end(), {money(b.current.total), b.current.gifts, b.current.donors,
                           money(b.current.average), money(b.current.median)});
    if (compare) {
      row.insert(row.end(), {money(b.last_year.total), b.last_year.gifts, b.last_year.donors});
      if (b.last_year.total == 0)
        row.emplace_back(std::monostate{});
      else
        row.emplace_back(percent(b.current.total - b.last_year.total, b.last_year.total));
    }
    t.rows.push_back(std::move(row));
  }
  t.chart = sdk::ChartHint{sdk::ChartKind::kLine, "period", {"total"}};
  if (compare) t.chart->y_columns.push_back("last_year_total");
  return t;
}

sdk::Manifest giving_trends_manifest() {
  sdk::Manifest m;
  m.id = "org.steward.report.giving-trends";
  m.kind = sdk::PluginKind::kReport;
  m.version = "1.0.0";
  m.name = "Giving trends";
  m.description =
      "Totals, gift and donor counts, average and median gift by month, quarter or year, by "
      "fund, campaign, appeal, method, kind or region, with the same period last year.";
  m.license = "LicenseRef-Steward";  // ships with Steward, under its licence
  return m;
}

}  // namespace steward::reports
