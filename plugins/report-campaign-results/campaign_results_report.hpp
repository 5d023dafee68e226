// report-campaign-results: for each campaign, then each of its appeals: goal, raised (net of
// refunds, base currency), gifts, donors (distinct), average gift and percent of goal (only
// when the goal is in the base currency). Gifts in the optional date range; campaigns without
// gifts are listed with zeros. Response rate needs the solicitations sent (the mail issue) and is
// not computed yet.
#pragma once

#include "steward/sdk/manifest.hpp"
#include "steward/sdk/plugin.hpp"

namespace steward::reports {

class CampaignResultsReport : public sdk::ReportPlugin {
 public:
  std::vector<sdk::ParameterSpec> parameters() const override;
  Result<sdk::Table> run(const sdk::QueryCapability& db,
                         const std::map<std::string, sdk::Value>& params) override;
};

sdk::Manifest campaign_results_manifest();

}  // namespace steward::reports
