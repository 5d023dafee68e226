// The .so wrapper of report-rfm: manifest and factory.
#include "rfm_report.hpp"

namespace {

steward::sdk::Manifest manifest() { return steward::reports::rfm_manifest(); }
std::unique_ptr<steward::sdk::Plugin> create(const std::string&) {
  return std::make_unique<steward::reports::RfmReport>();
}

}  // namespace

STEWARD_PLUGIN(manifest, create)
