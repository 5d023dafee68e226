#include "top_donors_report.hpp"

#include "report_common.hpp"

namespace steward::reports {
namespace {

using sdk::ValueType;

std::string top_sql(const std::string& counting, bool soft) {
  std::string sql = "WITH g AS (SELECT " + std::string(unit_expression(counting)) +
                    " AS unit_id, received_on, base_net_minor AS amount, base_currency"
                    " FROM analytics_gifts WHERE received_on >= ? AND received_on <= ?";
  if (soft)
    sql +=
        " UNION ALL SELECT constituent_id, received_on, base_net_minor, base_currency"
        " FROM analytics_soft_credits WHERE received_on >= ? AND received_on <= ?";
  sql +=
      ") SELECT g.unit_id, c.display_name, SUM(g.amount) AS total, COUNT(*) AS gifts,"
      " MAX(g.amount) AS largest, MAX(g.received_on) AS last_on, MAX(g.base_currency) AS currency"
      " FROM g JOIN analytics_constituents c ON c.constituent_id = g.unit_id"
      " GROUP BY g.unit_id, c.display_name ORDER BY total DESC, g.unit_id LIMIT ?";
  return sql;
}

}  // namespace

std::vector<sdk::ParameterSpec> TopDonorsReport::parameters() const {
  sdk::ParameterSpec from;
  from.name = "from";
  from.label = "From (default: start of this fiscal year)";
  from.type = ValueType::kDate;
  sdk::ParameterSpec to;
  to.name = "to";
  to.label = "To (default: as_of)";
  to.type = ValueType::kDate;
  sdk::ParameterSpec limit;
  limit.name = "limit";
  limit.label = "How many donors (1..1000)";
  limit.type = ValueType::kInteger;
  limit.default_value = std::int64_t{25};
  return {from,
          to,
          limit,
          counting_parameter(),
          flag_parameter("include_soft_credits", "Count soft credits as giving", false),
          as_of_parameter(),
          fiscal_start_parameter()};
}

Result<sdk::Table> TopDonorsReport::run(const sdk::QueryCapability& db,
                                        const std::map<std::string, sdk::Value>& params) {
  const std::int64_t start_month = int_param(params, "fiscal_year_start_month");
  if (Status s = check_start_month(start_month); !s) return s;
  const std::int64_t limit = int_param(params, "limit");
  if (limit < 1 || limit > 1000) return Status::invalid_field("limit", "must be 1..1000");
  const Date as_of = date_param(params, "as_of");
  Date to = as_of;
  if (params.count("to") && !is_null(params.at("to"))) to = date_param(params, "to");
  Date from = fiscal_year_start(fiscal_year_of(as_of, static_cast<int>(start_month)),
                                static_cast<int>(start_month));
  if (params.count("from") && !is_null(params.at("from"))) from = date_param(params, "from");
  if (from > to) return Status::invalid_field("from", "must not be after to (" + to.iso() + ")");
  const std::string counting = text_param(params, "counting");
  const bool soft = flag_param(params, "include_soft_credits") && counting != "household";
  std::vector<sdk::Value> binds{from.iso(), to.iso()};
  if (soft) binds.insert(binds.end(), {from.iso(), to.iso()});
  binds.emplace_back(limit);
  auto rows = db.query(top_sql(counting, soft), binds);
  if (!rows) return rows.status();

  sdk::Table t;
  t.columns = {{"rank", "Rank", ValueType::kInteger},
               {"constituent_id", "ID", ValueType::kInteger},
               {"name", "Name", ValueType::kText},
               {"total", "Total", ValueType::kMoney},
               {"gifts", "Gifts", ValueType::kInteger},
               {"largest_gift", "Largest gift", ValueType::kMoney},
               {"last_gift_on", "Last gift", ValueType::kDate}};
  std::int64_t rank = 0;
  std::int64_t previous = -1;
  for (std::size_t i = 0; i < rows->rows.size(); ++i) {
    const auto& r = rows->rows[i];
    const std::string currency = as_text(r.at(6));
    const std::int64_t total = as_int(r.at(2));
    if (total != previous) rank = static_cast<std::int64_t>(i) + 1;
    previous = total;
    t.rows.push_back({rank, as_int(r.at(0)), as_text(r.at(1)), sdk::Money{total, currency},
                      as_int(r.at(3)), sdk::Money{as_int(r.at(4)), currency}, as_date(r.at(5))});
  }
  t.chart = sdk::ChartHint{sdk::ChartKind::kBar, "name", {"total"}};
  return t;
}

sdk::Manifest top_donors_manifest() {
  sdk::Manifest m;
  m.id = "org.steward.report.top-donors";
  m.kind = sdk::PluginKind::kReport;
  m.version = "1.0.0";
  m.name = "Top donors";
  m.description = "The donors or households who gave the most in a period.";
  m.license = "LicenseRef-Steward";  // ships with Steward, under its licence
  return m;
}

}  // namespace steward::reports
