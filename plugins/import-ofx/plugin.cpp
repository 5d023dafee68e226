// The org.steward.import.ofx plugin library: manifest and factory around OfxImporter.
#include "steward/sdk/plugin.hpp"
#include "ofx_importer.hpp"

namespace {

steward::sdk::Manifest manifest() {
  steward::sdk::Manifest m;
  m.id = "org.steward.import.ofx";
  m.kind = steward::sdk::PluginKind::kImporter;
  m.version = "1.0.0";
  m.name = "OFX / QFX bank statement";
  m.description =
      "Reads OFX 1.x (SGML) and 2.x (XML) bank and credit-card statements through libofx: "
      "credits become payments; corrections (CORRECTFITID) become reversals of the original.";
  m.author = "Steward";
  m.license = "LicenseRef-Steward";
  m.config_schema = "";
  return m;
}

std::unique_ptr<steward::sdk::Plugin> create(const std::string&) {
  return std::make_unique<steward::plugins::ofx::OfxImporter>();
}

}  // namespace

STEWARD_PLUGIN(manifest, create)
