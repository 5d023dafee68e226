// steward/import_csv/mapped_importer.hpp: the mapped-CSV importer (org.steward.import.csv).
//
// Reads any CSV whose columns the settings name (csv_config.hpp), converting the file's
// encoding to UTF-8 as it streams. external_id is the mapped id column or, when the file has
// none, "sha256:<hex>" of the row's cells (identical rows on the same date get "#2", "#3" ...),
// so importing the same file twice yields the same ids. detect() claims a file only when every
// mapped column is in its header, with 80 (below the Stripe and PayPal importers' 90+).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>

#include "steward/import_csv/csv_config.hpp"
#include "steward/plugin_common/charset.hpp"
#include "steward/plugin_common/csv_importer.hpp"
#include "steward/sdk/manifest.hpp"
#include "steward/sdk/plugin.hpp"

namespace steward::import_csv {

sdk::Manifest manifest();

class MappedCsvImporter : public sdk::ImporterPlugin, private plugin_common::CsvImporterCore {
 public:
  explicit MappedCsvImporter(CsvConfig config = {});

  int detect(std::string_view file_name, std::string_view head) const override;
  Status start(std::string_view file_name) override;
  Status feed(std::string_view bytes, sdk::ParseOutput& out) override;
  Status finish(sdk::ParseOutput& out) override;

 private:
  using Column = plugin_common::Column;
  using Row = plugin_common::CsvRecord;

  Status on_header(const plugin_common::HeaderIndex& header) override;
  void on_row(const Row& row, sdk::ParseOutput& out) override;
  void on_begin() override;
  // The mapped columns missing from `header` ("" when all are there).
  std::string missing_columns(const plugin_common::HeaderIndex& header) const;
  std::string row_id(const Row& row, std::string_view date_text);

  CsvConfig config_;
  plugin_common::FileDateReader dates_;

  struct Columns {
    Column date, amount, credit, debit, currency, email, name, first_name, last_name, fund,
        campaign, external_id, description, payer_id, fee, recurring;
  } col_;
  // Identical rows on one date: hash -> times seen (cleared when the date changes).
  std::string last_date_;
  std::unordered_map<std::string, int> seen_;
};

// SHA-256 of `bytes` as lower-case hex (libsodium).
std::string sha256_hex(std::string_view bytes);

}  // namespace steward::import_csv
