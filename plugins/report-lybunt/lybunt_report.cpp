#include "lybunt_report.hpp"

#include "lapsed_donors.hpp"

namespace steward::reports {

std::vector<sdk::ParameterSpec> LybuntReport::parameters() const {
  return lapsed_parameters(LapseMode::kLybunt);
}

Result<sdk::Table> LybuntReport::run(const sdk::QueryCapability& db,
                                     const std::map<std::string, sdk::Value>& params) {
  return run_lapsed(LapseMode::kLybunt, db, params);
}

sdk::Manifest lybunt_manifest() {
  sdk::Manifest m;
  m.id = "org.steward.report.lybunt";
  m.kind = sdk::PluginKind::kReport;
  m.version = "1.0.0";
  m.name = "LYBUNT donors";
  m.description =
      "Donors who gave last year but not (yet) this year, with their last gift, lifetime giving "
      "and contact permissions.";
  m.license = "LicenseRef-Steward";  // ships with Steward, under its licence
  return m;
}

}  // namespace steward::reports
