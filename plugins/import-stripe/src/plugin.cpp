// import-stripe.so: the manifest and the factory; the importer is plugin_import_stripe_lib.
#include <memory>
#include <stdexcept>
#include <string>

#include "steward/import_stripe/stripe_importer.hpp"

namespace {

steward::sdk::Manifest stripe_manifest() { return steward::import_stripe::manifest(); }

std::unique_ptr<steward::sdk::Plugin> create_stripe(const std::string& config_json) {
  auto config = steward::import_stripe::parse_config(config_json);
  if (!config) throw std::invalid_argument(config.status().message());
  return std::make_unique<steward::import_stripe::StripeImporter>(std::move(*config));
}

}  // namespace

STEWARD_PLUGIN(stripe_manifest, create_stripe)
