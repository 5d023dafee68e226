// The .so wrapper of report-retention: manifest and factory.
#include "retention_report.hpp"

namespace {

steward::sdk::Manifest manifest() { return steward::reports::retention_manifest(); }
std::unique_ptr<steward::sdk::Plugin> create(const std::string&) {
  return std::make_unique<steward::reports::RetentionReport>();
}

}  // namespace

STEWARD_PLUGIN(manifest, create)
