// The .so wrapper of report-top-donors: manifest and factory.
#include "top_donors_report.hpp"

namespace {

steward::sdk::Manifest manifest() { return steward::reports::top_donors_manifest(); }
std::unique_ptr<steward::sdk::Plugin> create(const std::string&) {
  return std::make_unique<steward::reports::TopDonorsReport>();
}

}  // namespace

STEWARD_PLUGIN(manifest, create)
