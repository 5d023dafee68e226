// steward/import_stripe/stripe_importer.hpp: the Stripe CSV importer (org.steward.import.stripe).
//
// Reads, by header name (never by position), four Stripe exports:
//   - Dashboard payments ("unified payments", and the older "Payments" export): one row per
//     charge; a refunded or partly refunded charge yields the payment plus a refund record
//     ("<charge id>:refund") for Amount Refunded, and a lost Disputed Amount yields a reversal
//     ("<charge id>:dispute"); failed, pending and abandoned rows are skipped with a reason;
//     Converted Amount / Converted Currency become converted_amount (decision 0154);
//   - refunds (re_ ids) -> kRefund of the charge in "Charge ID";
//   - disputes (dp_/du_ ids) -> kReversal when lost, skipped with a reason otherwise;
//   - the itemized balance report (balance_transaction_id, reporting_category).
// The mapping to PaymentRecord fields is in docs/formats/stripe.md; choices in
// docs/decisions/0151-csv-importers.md.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "steward/plugin_common/csv_importer.hpp"
#include "steward/plugin_common/datetime.hpp"
#include "steward/sdk/manifest.hpp"
#include "steward/sdk/plugin.hpp"

namespace steward::import_stripe {

struct StripeConfig {
  plugin_common::DateOrder date_order = plugin_common::DateOrder::kAuto;  // for Excel-saved dates
  std::vector<std::string> fund_keys = {"fund", "designation", "fund_name", "fund_code",
                                        "fund name"};
  std::vector<std::string> campaign_keys = {"campaign",      "appeal",      "campaign_code",
                                            "campaign code", "appeal_code", "utm_campaign"};
  // Decision 0154: an appeal and a recurring interval from metadata, when the form sets them.
  std::vector<std::string> appeal_keys = {"appeal", "appeal_code", "appeal code", "appeal_name"};
  std::vector<std::string> interval_keys = {"interval", "frequency", "recurring_interval",
                                            "billing_interval", "plan_interval"};
};

// Parses the plugin settings (JSON text, "{}" for defaults); invalid_field naming the setting.
Result<StripeConfig> parse_config(const std::string& json);
sdk::Manifest manifest();
// 0..100 from the header row in `head`.
int detect_stripe(std::string_view file_name, std::string_view head);

class StripeImporter : public sdk::ImporterPlugin, private plugin_common::CsvImporterCore {
 public:
  explicit StripeImporter(StripeConfig config = {});

  int detect(std::string_view file_name, std::string_view head) const override;
  Status start(std::string_view file_name) override;
  Status feed(std::string_view bytes, sdk::ParseOutput& out) override;
  Status finish(sdk::ParseOutput& out) override;

  enum class Variant { kPayments, kRefundsOrDisputes, kBalance };

 private:
  using Column = plugin_common::Column;
  using Row = plugin_common::CsvRecord;

  Status on_header(const plugin_common::HeaderIndex& header) override;
  void on_row(const Row& row, sdk::ParseOutput& out) override;
  void on_begin() override;

  void payment_row(const Row& row, sdk::ParseOutput& out);
  void refund_or_dispute_row(const Row& row, sdk::ParseOutput& out);
  void balance_row(const Row& row, sdk::ParseOutput& out);

  // Shared field helpers; each returns false after adding an issue for the row.
  bool read_money(const Row& row, Column column, const std::string& currency, std::int64_t& out,
                  sdk::ParseOutput& issues);
  bool read_date(const Row& row, Column column, sdk::Date& out, sdk::ParseOutput& issues);
  void fill_donor(const Row& row, sdk::PaymentRecord& record) const;

  StripeConfig config_;
  std::string file_name_;
  plugin_common::FileDateReader dates_;
  Variant variant_ = Variant::kPayments;
  bool disputes_file_ = false;

  struct Columns {
    Column id, created, amount, amount_refunded, currency, converted_currency, fee, status,
        decline_reason, seller_message, refunded_date, customer_id, customer_email, customer_name,
        customer_description, card_name, shipping_name, description, invoice, subscription,
        source_type, card_id, card_last4, card_brand, charge_id, reason, category, gross,
        address_line1, address_line2, address_city, address_state, address_country, address_zip,
        utm_campaign, captured, source, converted_amount, disputed_amount, dispute_status,
        dispute_date, interval;
    std::vector<std::size_t> fund, campaign, appeal, interval_meta;  // metadata columns, in
                                                                     // preference order
  } col_;
};

}  // namespace steward::import_stripe
