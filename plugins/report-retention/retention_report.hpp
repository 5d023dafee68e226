// report-retention: FEP donor and dollar retention for two consecutive 12-month periods
// (retention_figures.hpp has the definitions). P2 is a fiscal year (parameter fiscal_year,
// default the last complete one before as_of) or the 12 months from p2_start; P1 is the 12
// months before P2. Counting by individual or household; refunded and zero gifts excluded (the
// analytics views); amounts net of refunds in the base currency.
#pragma once

#include "steward/sdk/manifest.hpp"
#include "steward/sdk/plugin.hpp"

namespace steward::reports {

class RetentionReport : public sdk::ReportPlugin {
 public:
  std::vector<sdk::ParameterSpec> parameters() const override;
  Result<sdk::Table> run(const sdk::QueryCapability& db,
                         const std::map<std::string, sdk::Value>& params) override;
};

sdk::Manifest retention_manifest();

}  // namespace steward::reports
