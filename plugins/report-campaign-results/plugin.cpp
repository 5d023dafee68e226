// The .so wrapper of report-campaign-results: manifest and factory.
#include "campaign_results_report.hpp"

namespace {

steward::sdk::Manifest manifest() { return steward::reports::campaign_results_manifest(); }
std::unique_ptr<steward::sdk::Plugin> create(const std::string&) {
  return std::make_unique<steward::reports::CampaignResultsReport>();
}

}  // namespace

STEWARD_PLUGIN(manifest, create)
