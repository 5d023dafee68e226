// import-paypal.so: the manifest and the factory; the importer is plugin_import_paypal_lib.
#include <memory>
#include <stdexcept>
#include <string>

#include "steward/import_paypal/paypal_importer.hpp"

namespace {

steward::sdk::Manifest paypal_manifest() { return steward::import_paypal::manifest(); }

std::unique_ptr<steward::sdk::Plugin> create_paypal(const std::string& config_json) {
  auto config = steward::import_paypal::parse_config(config_json);
  if (!config) throw std::invalid_argument(config.status().message());
  return std::make_unique<steward::import_paypal::PaypalImporter>(std::move(*config));
}

}  // namespace

STEWARD_PLUGIN(paypal_manifest, create_paypal)
