#include "campaign_results_report.hpp"

#include <algorithm>
#include <tuple>

#include "report_common.hpp"

namespace steward::reports {
namespace {

using sdk::ValueType;

// One row per campaign (appeal_id NULL) and per appeal, with their gifts in [from, to].
constexpr const char* kSql = R"(
SELECT k.campaign_id, NULL AS appeal_id, k.code, k.name, k.goal_minor, k.currency,
       COUNT(g.gift_id), COALESCE(SUM(g.base_net_minor), 0), COUNT(DISTINCT g.constituent_id),
       MAX(g.base_currency)
  FROM analytics_campaigns k
  LEFT JOIN analytics_gifts g
    ON g.campaign_id = k.campaign_id AND g.received_on >= ? AND g.received_on <= ?
 GROUP BY k.campaign_id, k.code, k.name, k.goal_minor, k.currency
UNION ALL
SELECT a.campaign_id, a.appeal_id, a.code, a.name, a.goal_minor, a.currency,
       COUNT(g.gift_id), COALESCE(SUM(g.base_net_minor), 0), COUNT(DISTINCT g.constituent_id),
       MAX(g.base_currency)
  FROM analytics_appeals a
  LEFT JOIN analytics_gifts g
    ON g.appeal_id = a.appeal_id AND g.received_on >= ? AND g.received_on <= ?
 GROUP BY a.campaign_id, a.appeal_id, a.code, a.name, a.goal_minor, a.currency
)";

}  // namespace

std::vector<sdk::ParameterSpec> CampaignResultsReport::parameters() const {
  sdk::ParameterSpec from;
  from.name = "from";
  from.label = "Gifts from (default: all)";
  from.type = ValueType::kDate;
  from.default_value = sdk::Date{1900, 1, 1};
  sdk::ParameterSpec to;
  to.name = "to";
  to.label = "Gifts to (default: as_of)";
  to.type = ValueType::kDate;
  sdk::ParameterSpec currency;
  currency.name = "currency";
  currency.label = "Base currency (default: the organisation's)";
  currency.type = ValueType::kText;
  return {from, to, as_of_parameter(), currency};
}

Result<sdk::Table> CampaignResultsReport::run(const sdk::QueryCapability& db,
                                              const std::map<std::string, sdk::Value>& params) {
  const Date from = date_param(params, "from");
  Date to = date_param(params, "as_of");
  if (params.count("to") && !is_null(params.at("to"))) to = date_param(params, "to");
  if (from > to) return Status::invalid_field("from", "must not be after to (" + to.iso() + ")");
  const std::string base =
      text_param(params, "currency").empty() ? std::string("USD") : text_param(params, "currency");
  auto rows = db.query(kSql, {from.iso(), to.iso(), from.iso(), to.iso()});
  if (!rows) return rows.status();
  sdk::Table t;
  t.columns = {{"level", "Level", ValueType::kText},
               {"code", "Code", ValueType::kText},
               {"name", "Name", ValueType::kText},
               {"goal", "Goal", ValueType::kMoney},
               {"raised", "Raised", ValueType::kMoney},
               {"percent_of_goal", "% of goal", ValueType::kNumber},
               {"gifts", "Gifts", ValueType::kInteger},
               {"donors", "Donors", ValueType::kInteger},
               {"average_gift", "Average gift", ValueType::kMoney}};
  // Each campaign, then its appeals (NULL sorts differently on the two backends: sort here).
  std::vector<const std::vector<sdk::Value>*> ordered;
  for (const auto& r : rows->rows) ordered.push_back(&r);
  std::sort(ordered.begin(), ordered.end(), [](const auto* a, const auto* b) {
    auto key = [](const std::vector<sdk::Value>& r) {
      return std::make_tuple(as_int(r.at(0)), is_null(r.at(1)) ? 0 : 1, as_int(r.at(1)));
    };
    return key(*a) < key(*b);
  });
  for (const auto* row : ordered) {
    const auto& r = *row;
    const bool appeal = !is_null(r.at(1));
    const std::string goal_currency = as_text(r.at(5));
    const std::string currency = is_null(r.at(9)) ? base : as_text(r.at(9));
    const std::int64_t gifts = as_int(r.at(6));
    const std::int64_t raised = as_int(r.at(7));
    sdk::Value goal;
    sdk::Value pct;
    if (!is_null(r.at(4))) {
      goal = sdk::Money{as_int(r.at(4)), goal_currency};
      if (goal_currency == currency && as_int(r.at(4)) > 0) pct = percent(raised, as_int(r.at(4)));
    }
    t.rows.push_back({std::string(appeal ? "appeal" : "campaign"), as_text(r.at(2)),
                      as_text(r.at(3)), goal, sdk::Money{raised, currency}, pct, gifts,
                      as_int(r.at(8)), sdk::Money{divide_rounded(raised, gifts), currency}});
  }
  t.chart = sdk::ChartHint{sdk::ChartKind::kBar, "name", {"raised", "goal"}};
  return t;
}

sdk::Manifest campaign_results_manifest() {
  sdk::Manifest m;
  m.id = "org.steward.report.campaign-results";
  m.kind = sdk::PluginKind::kReport;
  m.version = "1.0.0";
  m.name = "Campaign results";
  m.description = "Goal, raised, gifts, donors and average gift of each campaign and appeal.";
  m.license = "LicenseRef-Steward";  // ships with Steward, under its licence
  return m;
}

}  // namespace steward::reports
