// steward/import_paypal/paypal_importer.hpp: the PayPal CSV importer (org.steward.import.paypal).
//
// Reads the "Activity download" CSV (a Type column) and the "statement" CSV (the type in
// Description), with localised headers (English, Spanish, French, German) mapped by name.
// Incoming payments (donations, website, subscription, express checkout ... payments) become
// kPayment with the fee from the Fee column; refunds and reversals (negative Gross) become
// kRefund/kReversal of the payment in Reference Txn ID; chargeback fees become kFee. Pending,
// denied and unfinished rows, outgoing payments, currency conversions, holds, deposits and
// withdrawals are skipped with a reason. Mapping: docs/formats/paypal.md.
#pragma once

#include <string>
#include <string_view>

#include "steward/plugin_common/amount.hpp"
#include "steward/plugin_common/charset.hpp"
#include "steward/plugin_common/csv_importer.hpp"
#include "steward/plugin_common/datetime.hpp"
#include "steward/sdk/manifest.hpp"
#include "steward/sdk/plugin.hpp"

namespace steward::import_paypal {

struct PaypalConfig {
  // kAuto: the file's first unambiguous date decides; before that, month-first for English
  // headers and day-first for the others.
  plugin_common::DateOrder date_order = plugin_common::DateOrder::kAuto;
  // kAuto: from the header's language (English 1,234.56; Spanish, French, German 1.234,56).
  plugin_common::DecimalStyle decimal_style = plugin_common::DecimalStyle::kAuto;
  std::string encoding = "utf-8";  // utf-8, latin-1, windows-1252
};

Result<PaypalConfig> parse_config(const std::string& json);
sdk::Manifest manifest();
int detect_paypal(std::string_view file_name, std::string_view head);

class PaypalImporter : public sdk::ImporterPlugin, private plugin_common::CsvImporterCore {
 public:
  explicit PaypalImporter(PaypalConfig config = {});

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

  std::string field_name(Column column, const char* fallback) const;

  PaypalConfig config_;
  plugin_common::FileDateReader dates_;
  plugin_common::DecimalStyle decimal_ = plugin_common::DecimalStyle::kDot;
  bool activity_ = true;  // a Type column (activity download) vs the statement family

  struct Columns {
    Column date, type, status, currency, gross, fee, name, from_email, to_email, txn, reference,
        subject, note, item_title, payer_id, subscription, address1, address2, city, region,
        postal_code, country, country_code, description, period;
  } col_;
};

}  // namespace steward::import_paypal
