// steward/import_csv/csv_config.hpp: the column mapping of the mapped-CSV importer.
//
// Settings are flat JSON (so `steward plugins configure org.steward.import.csv --set
// date_column=거래일자` works); the manifest's config_schema lists them. A mapping needs a date
// column, an amount (amount_column, or credit_column for bank exports with separate deposit and
// withdrawal columns), and a currency (currency_column or a fixed currency). Names are header
// names compared case-insensitively after trimming.
#pragma once

#include <string>

#include "steward/plugin_common/amount.hpp"
#include "steward/plugin_common/datetime.hpp"
#include "steward/sdk/result.hpp"

namespace steward::import_csv {

enum class NegativeAmounts {
  kSkip,    // money out (a bank debit): skipped with a reason
  kRefund,  // a negative amount is a refund to the payer
};

struct CsvConfig {
  bool configured = false;  // false for "{}": the importer claims no file
  std::string date_column, amount_column, credit_column, debit_column, currency_column,
      email_column, name_column, first_name_column, last_name_column, fund_column, campaign_column,
      external_id_column, description_column, payer_id_column, fee_column, recurring_column;
  std::string currency;        // fixed ISO code when the file has no currency column
  std::string account;         // scopes the ids of this source (a bank account number)
  std::string payment_method;  // e.g. "bank_transfer", "check"
  plugin_common::DateOrder date_order = plugin_common::DateOrder::kAuto;
  plugin_common::DecimalStyle decimal_style = plugin_common::DecimalStyle::kAuto;
  std::string encoding = "utf-8";
  char delimiter = ',';
  int skip_rows = 0;  // records before the header (bank exports print the account first)
  NegativeAmounts negative_amounts = NegativeAmounts::kSkip;
};

// Parses and checks the settings; errors name the setting (invalid_field).
Result<CsvConfig> parse_config(const std::string& json);
// The JSON Schema of the settings (the manifest's config_schema).
const char* config_schema();

}  // namespace steward::import_csv
