// The .so wrapper of report-giving-trends: manifest and factory.
#include "giving_trends_report.hpp"

namespace {

steward::sdk::Manifest manifest() { return steward::reports::giving_trends_manifest(); }
std::unique_ptr<steward::sdk::Plugin> create(const std::string&) {
  return std::make_unique<steward::reports::GivingTrendsReport>();
}

}  // namespace

STEWARD_PLUGIN(manifest, create)
