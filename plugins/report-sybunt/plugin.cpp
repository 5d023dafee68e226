// The .so wrapper of report-sybunt: manifest and factory.
#include "sybunt_report.hpp"

namespace {

steward::sdk::Manifest manifest() { return steward::reports::sybunt_manifest(); }
std::unique_ptr<steward::sdk::Plugin> create(const std::string&) {
  return std::make_unique<steward::reports::SybuntReport>();
}

}  // namespace

STEWARD_PLUGIN(manifest, create)
