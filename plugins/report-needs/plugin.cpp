// The .so wrapper of report-needs: manifest and factory.
#include "needs_report.hpp"

namespace {

steward::sdk::Manifest manifest() { return steward::reports::needs_manifest(); }
std::unique_ptr<steward::sdk::Plugin> create(const std::string&) {
  return std::make_unique<steward::reports::NeedsReport>();
}

}  // namespace

STEWARD_PLUGIN(manifest, create)
