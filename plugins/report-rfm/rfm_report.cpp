#include "rfm_report.hpp"

#include <algorithm>

#include "report_common.hpp"

namespace steward::reports {
namespace {

using sdk::ValueType;

}  // namespace

std::vector<std::int64_t> quintile_scores(const std::vector<std::int64_t>& values) {
  std::vector<std::int64_t> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  const auto n = static_cast<std::int64_t>(values.size());
  std::vector<std::int64_t> out;
  out.reserve(values.size());
  for (auto v : values) {
    const auto worse = static_cast<std::int64_t>(std::lower_bound(sorted.begin(), sorted.end(), v) -
                                                 sorted.begin());
    out.push_back(1 + (5 * worse) / n);
  }
  return out;
}

std::vector<sdk::ParameterSpec> RfmReport::parameters() const {
  sdk::ParameterSpec years;
  years.name = "years";
  years.label = "Years of giving to score (1..20)";
  years.type = ValueType::kInteger;
  years.default_value = std::int64_t{3};
  return {years, as_of_parameter(), counting_parameter()};
}

Result<sdk::Table> RfmReport::run(const sdk::QueryCapability& db,
                                  const std::map<std::string, sdk::Value>& params) {
  const std::int64_t years = int_param(params, "years");
  if (years < 1 || years > 20) return Status::invalid_field("years", "must be 1..20");
  const Date as_of = date_param(params, "as_of");
  const Date from = add_days(add_years(as_of, -static_cast<int>(years)), 1);
  const std::string unit = unit_expression(text_param(params, "counting"));
  auto rows =
      db.query("SELECT " + unit +
                   " AS unit_id, MAX(received_on) AS last_on, COUNT(*) AS gifts,"
                   " SUM(base_net_minor) AS total, MAX(base_currency) AS currency"
                   " FROM analytics_gifts WHERE received_on >= ? AND received_on <= ? GROUP BY " +
                   unit,
               {from.iso(), as_of.iso()});
  if (!rows) return rows.status();
  auto names = db.query(
      "SELECT c.constituent_id, c.display_name FROM analytics_constituents c"
      " WHERE c.constituent_id IN (SELECT " +
          unit + " FROM analytics_gifts WHERE received_on >= ? AND received_on <= ?)",
      {from.iso(), as_of.iso()});
  if (!names) return names.status();
  std::map<std::int64_t, std::string> name_of;
  for (const auto& r : names->rows) name_of[as_int(r.at(0))] = as_text(r.at(1));

  struct Donor {
    std::int64_t id;
    Date last_on;
    std::int64_t days;
    std::int64_t gifts;
    std::int64_t total;
    std::string currency;
  };
  std::vector<Donor> donors;
  for (const auto& r : rows->rows) {
    const std::int64_t id = as_int(r.at(0));
    if (!name_of.count(id)) continue;  // deleted or merged
    const Date last_on = as_date(r.at(1));
    donors.push_back({id, last_on, days_from_civil(as_of) - days_from_civil(last_on),
                      as_int(r.at(2)), as_int(r.at(3)), as_text(r.at(4))});
  }
  std::vector<std::int64_t> recency, frequency, monetary;
  for (const auto& d : donors) {
    recency.push_back(-d.days);
    frequency.push_back(d.gifts);
    monetary.push_back(d.total);
  }
  const auto r_scores = quintile_scores(recency);
  const auto f_scores = quintile_scores(frequency);
  const auto m_scores = quintile_scores(monetary);

  sdk::Table t;
  t.columns = {{"constituent_id", "ID", ValueType::kInteger},
               {"name", "Name", ValueType::kText},
               {"last_gift_on", "Last gift", ValueType::kDate},
               {"days_since_last_gift", "Days since last gift", ValueType::kInteger},
               {"gifts", "Gifts", ValueType::kInteger},
               {"total", "Total", ValueType::kMoney},
               {"recency", "R", ValueType::kInteger},
               {"frequency", "F", ValueType::kInteger},
               {"monetary", "M", ValueType::kInteger},
               {"rfm", "RFM", ValueType::kText}};
  std::vector<std::size_t> order(donors.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    auto ka = r_scores[a] + f_scores[a] + m_scores[a];
    auto kb = r_scores[b] + f_scores[b] + m_scores[b];
    if (ka != kb) return ka > kb;
    if (donors[a].total != donors[b].total) return donors[a].total > donors[b].total;
    return donors[a].id < donors[b].id;
  });
  for (auto i : order) {
    const auto& d = donors[i];
    t.rows.push_back(
        {d.id, name_of[d.id], d.last_on, d.days, d.gifts, sdk::Money{d.total, d.currency},
         r_scores[i], f_scores[i], m_scores[i],
         std::to_string(r_scores[i]) + std::to_string(f_scores[i]) + std::to_string(m_scores[i])});
  }
  return t;
}

sdk::Manifest rfm_manifest() {
  sdk::Manifest m;
  m.id = "org.steward.report.rfm";
  m.kind = sdk::PluginKind::kReport;
  m.version = "1.0.0";
  m.name = "RFM scores";
  m.description =
      "Recency, frequency and monetary quintile scores (1..5) per donor, for segmentation.";
  m.license = "LicenseRef-Steward";  // ships with Steward, under its licence
  return m;
}

}  // namespace steward::reports
