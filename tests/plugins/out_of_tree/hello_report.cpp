// The smallest report: counts constituents. Built out of tree by build_and_load.sh.
#include <steward/sdk/plugin.hpp>

namespace {

class HelloReport : public steward::sdk::ReportPlugin {
 public:
  std::vector<steward::sdk::ParameterSpec> parameters() const override { return {}; }
  steward::Result<steward::sdk::Table> run(
      const steward::sdk::QueryCapability& db,
      const std::map<std::string, steward::sdk::Value>&) override {
    auto rows = db.query("SELECT COUNT(*) FROM analytics_constituents", {});
    if (!rows) return rows.status();
    steward::sdk::Table table;
    table.columns = {{"count", "Constituents", steward::sdk::ValueType::kInteger}};
    table.rows = rows->rows;
    return table;
  }
};

steward::sdk::Manifest manifest() {
  steward::sdk::Manifest m;
  m.id = "org.example.report.hello";
  m.kind = steward::sdk::PluginKind::kReport;
  m.version = "0.1.0";
  m.name = "Hello report";
  m.description = "Counts constituents.";
  m.author = "Example";
  m.license = "MIT";
  return m;
}

std::unique_ptr<steward::sdk::Plugin> create(const std::string&) {
  return std::make_unique<HelloReport>();
}

}  // namespace

STEWARD_PLUGIN(manifest, create)
