#include "sybunt_report.hpp"

#include "lapsed_donors.hpp"

namespace steward::reports {

std::vector<sdk::ParameterSpec> SybuntReport::parameters() const {
  return lapsed_parameters(LapseMode::kSybunt);
}

Result<sdk::Table> SybuntReport::run(const sdk::QueryCapability& db,
                                     const std::map<std::string, sdk::Value>& params) {
  return run_lapsed(LapseMode::kSybunt, db, params);
}

sdk::Manifest sybunt_manifest() {
  sdk::Manifest m;
  m.id = "org.steward.report.sybunt";
  m.kind = sdk::PluginKind::kReport;
  m.version = "1.0.0";
  m.name = "SYBUNT donors";
  m.description =
      "Donors who gave in some year before last year but neither last year nor this year, with "
      "their last gift, lifetime giving and contact permissions.";
  m.license = "LicenseRef-Steward";  // ships with Steward, under its licence
  return m;
}

}  // namespace steward::reports
