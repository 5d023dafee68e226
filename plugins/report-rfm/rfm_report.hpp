// report-rfm: recency, frequency and monetary scores (1..5, quintiles) per donor for
// segmentation. The window is the `years` years up to as_of (default 3). For each donor with a
// counted gift in it: recency = days from the last gift to as_of (fewer is better), frequency =
// gifts, monetary = net giving in the base currency. A score is 1 + floor(5 × (donors with a
// worse value) ÷ donors), so equal values share a score and the best fifth scores 5.
#pragma once

#include <cstdint>
#include <vector>

#include "steward/sdk/manifest.hpp"
#include "steward/sdk/plugin.hpp"

namespace steward::reports {

// Quintile scores for `values` where larger is better (negate for smaller-is-better).
std::vector<std::int64_t> quintile_scores(const std::vector<std::int64_t>& values);

class RfmReport : public sdk::ReportPlugin {
 public:
  std::vector<sdk::ParameterSpec> parameters() const override;
  Result<sdk::Table> run(const sdk::QueryCapability& db,
                         const std::map<std::string, sdk::Value>& params) override;
};

sdk::Manifest rfm_manifest();

}  // namespace steward::reports
