// report-recurring: recurring giving in one currency (the base currency unless `currency` says
// otherwise), shown one of three ways (`show`):
// - months (default): per month for the `months` months ending with as_of's month, the plans
//   committed at the month's end, their monthly recurring revenue (MRR), new and churned plans
//   and MRR, and churn % (recurring_months.hpp has the definitions);
// - status: plans and their monthly value per status (active, failing, paused, lapsed,
//   cancelled, completed), with donor counts;
// - plans: every plan with donor, status, amount, frequency, monthly value, start, last payment,
//   failures and the day it stopped.
// Plans come from analytics_recurring_plans; restricted donors' plans are left out for callers
// without the grant (by the report runner). Plans in other currencies are never converted.
#pragma once

#include "steward/sdk/manifest.hpp"
#include "steward/sdk/plugin.hpp"

namespace steward::reports {

class RecurringReport : public sdk::ReportPlugin {
 public:
  std::vector<sdk::ParameterSpec> parameters() const override;
  Result<sdk::Table> run(const sdk::QueryCapability& db,
                         const std::map<std::string, sdk::Value>& params) override;
};

sdk::Manifest recurring_manifest();

}  // namespace steward::reports
