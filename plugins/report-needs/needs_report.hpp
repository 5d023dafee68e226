// report-needs: coverage of each monthly need over time. One row per month (the `months` months
// ending with as_of's month) and active fund with a monthly need (or only `fund`), ordered by
// month, then fund name. The rules follow `steward needs` (docs/needs.md), month by month:
// - need = monthly_need × max(people_served, 1), in the need's currency (today's need: Steward
//   keeps no history of needs, so earlier months use it too);
// - committed = the MRR of the fund's plans in the need's currency committed at the month's end
//   (recurring_months.hpp: started, not ended, not stopped; the last month ends on as_of);
// - received = net allocations to the fund of counted gifts received in the month (through
//   as_of in the last month), from analytics_allocations: in the need's currency, or at the base
//   amount when the need is in the base currency and the gift is not; others are left out;
// - committed % and received % = floor(x × 10000 ÷ need) / 100 (never overstated);
// - gap = need − committed, never below 0.
// Restricted donors' plans and gifts are left out for callers without the grant (runner).
#pragma once

#include "steward/sdk/manifest.hpp"
#include "steward/sdk/plugin.hpp"

namespace steward::reports {

class NeedsReport : public sdk::ReportPlugin {
 public:
  std::vector<sdk::ParameterSpec> parameters() const override;
  Result<sdk::Table> run(const sdk::QueryCapability& db,
                         const std::map<std::string, sdk::Value>& params) override;
};

sdk::Manifest needs_manifest();

}  // namespace steward::reports
