#include "giving_trends_report.hpp"

#include "report_common.hpp"
#include "trend_buckets.hpp"

namespace steward::reports {
namespace {

using sdk::ValueType;

// Each query returns: gift_id, donor, received_on, amount, currency, group key, group label.
std::string trend_sql(const std::string& group_by) {
  const std::string where = " WHERE g.received_on >= ? AND g.received_on <= ?";
  const std::string gift_cols =
      "SELECT g.gift_id, g.constituent_id, g.received_on, g.base_net_minor, g.base_currency, ";
  if (group_by == "fund")
    return gift_cols +
           "CAST(g.fund_id AS TEXT), COALESCE(f.name, '')"
           " FROM analytics_allocations g LEFT JOIN analytics_funds f ON f.fund_id = g.fund_id" +
           where;
  if (group_by == "campaign")
    return gift_cols +
           "COALESCE(CAST(g.campaign_id AS TEXT), ''), COALESCE(k.name, '(no campaign)')"
           " FROM analytics_gifts g LEFT JOIN analytics_campaigns k"
           " ON k.campaign_id = g.campaign_id" +
           where;
  if (group_by == "appeal")
    return gift_cols +
           "COALESCE(CAST(g.appeal_id AS TEXT), ''), COALESCE(a.name, '(no appeal)')"
           " FROM analytics_gifts g LEFT JOIN analytics_appeals a ON a.appeal_id = g.appeal_id" +
           where;
  if (group_by == "method")
    return gift_cols + "g.payment_method, g.payment_method FROM analytics_gifts g" + where;
  if (group_by == "kind")
    return gift_cols + "g.constituent_kind, g.constituent_kind FROM analytics_gifts g" + where;
  if (group_by == "region")
    return gift_cols +
           "COALESCE(c.region, ''), COALESCE(c.region, '(no region)')"
           " FROM analytics_gifts g LEFT JOIN analytics_constituents c"
           " ON c.constituent_id = g.constituent_id" +
           where;
  return gift_cols + "'', 'All' FROM analytics_gifts g" + where;
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

  auto rows =
      db.query(trend_sql(group_by), {(compare ? add_years(from, -1) : from).iso(), to.iso()});
  if (!rows) return rows.status();
  std::vector<TrendGift> gifts;
  std::string currency;
  for (const auto& r : rows->rows) {
    gifts.push_back({as_int(r.at(0)), as_int(r.at(1)), as_date(r.at(2)), as_int(r.at(3)),
                     as_text(r.at(5)), as_text(r.at(6))});
    if (currency.empty()) currency = as_text(r.at(4));
  }
  if (currency.empty()) currency = "USD";
  const auto buckets = bucket_trends(gifts, from, to, grain, month);

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
