// import-csv.so: the manifest and the factory; the importer is plugin_import_csv_lib.
#include <memory>
#include <stdexcept>
#include <string>

#include "steward/import_csv/mapped_importer.hpp"

namespace {

steward::sdk::Manifest csv_manifest() { return steward::import_csv::manifest(); }

std::unique_ptr<steward::sdk::Plugin> create_csv(const std::string& config_json) {
  auto config = steward::import_csv::parse_config(config_json);
  if (!config) throw std::invalid_argument(config.status().message());
  return std::make_unique<steward::import_csv::MappedCsvImporter>(std::move(*config));
}

}  // namespace

STEWARD_PLUGIN(csv_manifest, create_csv)
