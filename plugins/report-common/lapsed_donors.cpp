#include "lapsed_donors.hpp"

#include "report_common.hpp"

namespace steward::reports {
namespace {

using sdk::ValueType;

// One pass over the donor's gifts: the window numbers them newest first (the last gift), the
// grouping adds up lifetime, last-year and this-year giving. received_date compares natively
// (a DATE on PostgreSQL, migration 0026); the runner makes PostgreSQL print dates as ISO.
constexpr const char* kSql = R"(
WITH g AS (
  SELECT {unit} AS unit_id, gift_id, received_date, base_net_minor AS amount, base_currency
    FROM analytics_gifts WHERE received_date <= ?
  {soft}
),
r AS (
  SELECT unit_id, gift_id, received_date, amount, base_currency,
         ROW_NUMBER() OVER (PARTITION BY unit_id
                            ORDER BY received_date DESC, gift_id DESC) AS recency
    FROM g
),
a AS (
  SELECT unit_id, MAX(received_date) AS last_on, SUM(amount) AS lifetime, COUNT(*) AS gifts,
         MAX(base_currency) AS currency,
         SUM(CASE WHEN recency = 1 THEN amount ELSE 0 END) AS last_amount,
         SUM(CASE WHEN received_date >= ? AND received_date <= ? THEN amount ELSE 0 END) AS compare_total,
         SUM(CASE WHEN received_date >= ? AND received_date <= ? THEN 1 ELSE 0 END) AS last_year_count,
         SUM(CASE WHEN received_date >= ? THEN 1 ELSE 0 END) AS this_year_count,
         SUM(CASE WHEN received_date < ? THEN 1 ELSE 0 END) AS earlier_count
    FROM r GROUP BY unit_id
)
SELECT a.unit_id, c.display_name, a.last_on, a.last_amount, a.compare_total, a.lifetime,
       a.gifts, a.currency,
       c.do_not_solicit, c.do_not_email, c.do_not_mail, c.do_not_call, c.has_email, c.has_address
  FROM a JOIN analytics_constituents c ON c.constituent_id = a.unit_id
 WHERE {where}
 ORDER BY a.compare_total DESC, a.lifetime DESC, a.unit_id
)";

constexpr const char* kSoftCredits =
    "UNION ALL SELECT constituent_id, gift_id, received_date, base_net_minor, base_currency"
    " FROM analytics_soft_credits WHERE received_date <= ?";

std::string replace(std::string text, const std::string& key, const std::string& value) {
  auto at = text.find(key);
  if (at != std::string::npos) text.replace(at, key.size(), value);
  return text;
}

}  // namespace

std::vector<sdk::ParameterSpec> lapsed_parameters(LapseMode mode) {
  std::vector<sdk::ParameterSpec> out{as_of_parameter(), fiscal_start_parameter()};
  if (mode == LapseMode::kLybunt) {
    sdk::ParameterSpec cmp;
    cmp.name = "comparison";
    cmp.label = "Compare with all of last year, or last year up to the same date";
    cmp.type = ValueType::kText;
    cmp.default_value = std::string("full_year");
    cmp.choices = {"full_year", "year_to_date"};
    out.push_back(cmp);
  }
  out.push_back(counting_parameter());
  out.push_back(flag_parameter("include_soft_credits", "Count soft credits as giving", false));
  return out;
}

Result<sdk::Table> run_lapsed(LapseMode mode, const sdk::QueryCapability& db,
                              const std::map<std::string, sdk::Value>& params) {
  const std::int64_t start_month = int_param(params, "fiscal_year_start_month");
  if (Status s = check_start_month(start_month); !s) return s;
  const Date as_of = date_param(params, "as_of");
  const int month = static_cast<int>(start_month);
  const std::string counting = text_param(params, "counting");
  const bool soft = flag_param(params, "include_soft_credits") && counting != "household";
  const int this_fy = fiscal_year_of(as_of, month);
  const Date this_start = fiscal_year_start(this_fy, month);
  const Date last_start = fiscal_year_start(this_fy - 1, month);
  const Date last_end = fiscal_year_end(this_fy - 1, month);
  Date compare_end = last_end;
  if (mode == LapseMode::kLybunt && text_param(params, "comparison") == "year_to_date")
    compare_end = add_years(as_of, -1);

  std::string sql = replace(kSql, "{unit}", unit_expression(counting));
  sql = replace(sql, "{soft}", soft ? kSoftCredits : "");
  sql = replace(sql, "{where}",
                mode == LapseMode::kLybunt
                    ? "a.compare_total > 0 AND a.this_year_count = 0"
                    : "a.earlier_count > 0 AND a.last_year_count = 0 AND a.this_year_count = 0");
  std::vector<sdk::Value> binds{as_of.iso()};
  if (soft) binds.emplace_back(as_of.iso());
  binds.insert(binds.end(), {last_start.iso(), compare_end.iso(), last_start.iso(), last_end.iso(),
                             this_start.iso(), last_start.iso()});
  auto rows = db.query(sql, binds);
  if (!rows) return rows.status();

  sdk::Table t;
  const bool household = counting == "household";
  t.columns = {{"constituent_id", household ? "Household or donor ID" : "Constituent ID",
                ValueType::kInteger},
               {"name", "Name", ValueType::kText},
               {"last_gift_on", "Last gift", ValueType::kDate},
               {"last_gift_amount", "Last gift amount", ValueType::kMoney}};
  if (mode == LapseMode::kLybunt)
    t.columns.push_back({"last_year_total", "Given last year", ValueType::kMoney});
  else
    t.columns.push_back({"last_fiscal_year", "Last fiscal year given", ValueType::kInteger});
  t.columns.insert(t.columns.end(), {{"lifetime_total", "Lifetime giving", ValueType::kMoney},
                                     {"gift_count", "Gifts", ValueType::kInteger},
                                     {"do_not_solicit", "Do not solicit", ValueType::kBoolean},
                                     {"do_not_email", "Do not email", ValueType::kBoolean},
                                     {"do_not_mail", "Do not mail", ValueType::kBoolean},
                                     {"do_not_call", "Do not call", ValueType::kBoolean},
                                     {"has_email", "Has email", ValueType::kBoolean},
                                     {"has_address", "Has mailing address", ValueType::kBoolean}});
  for (const auto& r : rows->rows) {
    const std::string currency = as_text(r.at(7));
    const Date last_on = as_date(r.at(2));
    std::vector<sdk::Value> row{as_int(r.at(0)), as_text(r.at(1)), last_on,
                                sdk::Money{as_int(r.at(3)), currency}};
    if (mode == LapseMode::kLybunt)
      row.emplace_back(sdk::Money{as_int(r.at(4)), currency});
    else
      row.emplace_back(std::int64_t{fiscal_year_of(last_on, month)});
    row.emplace_back(sdk::Money{as_int(r.at(5)), currency});
    row.emplace_back(as_int(r.at(6)));
    for (std::size_t c = 8; c <= 13; ++c) row.emplace_back(as_int(r.at(c)) != 0);
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace steward::reports
