// report-top-donors: the donors (or households) who gave the most in a period, net of refunds
// in the base currency, with gift count, largest gift and last gift date. Ranks are competition
// ranks (equal totals share a rank: 1, 2, 2, 4); ties are listed by id. Soft credits count when
// include_soft_credits is on (individual counting only).
#pragma once

#include "steward/sdk/manifest.hpp"
#include "steward/sdk/plugin.hpp"

namespace steward::reports {

class TopDonorsReport : public sdk::ReportPlugin {
 public:
  std::vector<sdk::ParameterSpec> parameters() const override;
  Result<sdk::Table> run(const sdk::QueryCapability& db,
                         const std::map<std::string, sdk::Value>& params) override;
};

sdk::Manifest top_donors_manifest();

}  // namespace steward::reports
