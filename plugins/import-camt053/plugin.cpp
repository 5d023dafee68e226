// The org.steward.import.camt053 plugin library: manifest and factory around Camt053Importer.
#include "steward/sdk/plugin.hpp"
#include "camt053_importer.hpp"

namespace {

steward::sdk::Manifest manifest() {
  steward::sdk::Manifest m;
  m.id = "org.steward.import.camt053";
  m.kind = steward::sdk::PluginKind::kImporter;
  m.version = "1.0.0";
  m.name = "ISO 20022 camt.053 bank statement";
  m.description =
      "Reads camt.053 (.001.02 and later) bank statements: incoming credits become payments, "
      "returned direct debits become reversals.";
  m.author = "Steward";
  m.license = "LicenseRef-Steward";
  m.config_schema = "";
  return m;
}

std::unique_ptr<steward::sdk::Plugin> create(const std::string&) {
  return std::make_unique<steward::plugins::camt053::Camt053Importer>();
}

}  // namespace

STEWARD_PLUGIN(manifest, create)
