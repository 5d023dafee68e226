// report-sybunt: Donors who gave in some year before last year but neither last year nor this year,
// with their last gift, lifetime giving and contact permissions.
#pragma once

#include "steward/sdk/manifest.hpp"
#include "steward/sdk/plugin.hpp"

namespace steward::reports {

class SybuntReport : public sdk::ReportPlugin {
 public:
  std::vector<sdk::ParameterSpec> parameters() const override;
  Result<sdk::Table> run(const sdk::QueryCapability& db,
                         const std::map<std::string, sdk::Value>& params) override;
};

sdk::Manifest sybunt_manifest();

}  // namespace steward::reports
