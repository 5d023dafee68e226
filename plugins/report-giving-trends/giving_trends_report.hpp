// report-giving-trends: giving totals, gift counts, donor counts, average and median gift by
// month, quarter, calendar or fiscal year, optionally by fund, campaign, appeal, payment method,
// constituent kind or region, beside the same period one year earlier (trend_buckets.hpp).
// By fund, each gift's allocations count in their own fund (net of the allocation's refunds,
// its share of the base amount); otherwise whole gifts. Base currency, net of refunds.
#pragma once

#include "steward/sdk/manifest.hpp"
#include "steward/sdk/plugin.hpp"

namespace steward::reports {

class GivingTrendsReport : public sdk::ReportPlugin {
 public:
  std::vector<sdk::ParameterSpec> parameters() const override;
  Result<sdk::Table> run(const sdk::QueryCapability& db,
                         const std::map<std::string, sdk::Value>& params) override;
};

sdk::Manifest giving_trends_manifest();

}  // namespace steward::reports
