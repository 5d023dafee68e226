// The .so wrapper of report-lybunt: manifest and factory.
#include "lybunt_report.hpp"

namespace {

steward::sdk::Manifest manifest() { return steward::reports::lybunt_manifest(); }
std::unique_ptr<steward::sdk::Plugin> create(const std::string&) {
  return std::make_unique<steward::reports::LybuntReport>();
}

}  // namespace

STEWARD_PLUGIN(manifest, create)
