// The .so wrapper of report-recurring: manifest and factory.
#include "recurring_report.hpp"

namespace {

steward::sdk::Manifest manifest() { return steward::reports::recurring_manifest(); }
std::unique_ptr<steward::sdk::Plugin> create(const std::string&) {
  return std::make_unique<steward::reports::RecurringReport>();
}

}  // namespace

STEWARD_PLUGIN(manifest, create)
