#include "steward/import_stripe/stripe_importer.hpp"

#include "steward/plugin_common/text.hpp"

namespace steward::import_stripe {

namespace pc = plugin_common;

namespace {

constexpr std::string_view kMetadataSuffix = " (metadata)";

// The key of a metadata column: "fund (metadata)" -> "fund", "payment_metadata[fund]" -> "fund".
std::string metadata_key(const std::string& normalized) {
  if (normalized.ends_with(kMetadataSuffix)) {
    return normalized.substr(0, normalized.size() - kMetadataSuffix.size());
  }
  for (std::string_view prefix : {"payment_metadata[", "charge_metadata[", "refund_metadata["}) {
    if (normalized.starts_with(prefix) && normalized.ends_with("]")) {
      return normalized.substr(prefix.size(), normalized.size() - prefix.size() - 1);
    }
  }
  return "";
}

pc::Column created_column(const pc::HeaderIndex& h) {
  return h.find_any({"Created date (UTC)", "Created (UTC)", "created_utc", "Created", "created"});
}

}  // namespace

int detect_stripe(std::string_view, std::string_view head) {
  auto names = pc::first_record(head);
  if (!names) return 0;
  pc::HeaderIndex h(*names);
  if (h.has("balance_transaction_id") && h.has("reporting_category") && h.has("gross")) return 95;
  if (!h.has("id") || !h.has("Amount") || !h.has("Currency") || !created_column(h)) return 0;
  if (h.has("Amount Refunded") && h.has("Status")) return 95;
  if (h.find_any({"Charge ID", "Charge", "Payment ID"}) && h.has("Reason")) return 90;
  return 0;
}

StripeImporter::StripeImporter(StripeConfig config)
    : config_(std::move(config)), dates_(config_.date_order, pc::DateOrder::kMdy) {}

int StripeImporter::detect(std::string_view file_name, std::string_view head) const {
  return detect_stripe(file_name, head);
}

Status StripeImporter::start(std::string_view file_name) {
  file_name_ = std::string(file_name);
  begin();
  return {};
}

Status StripeImporter::feed(std::string_view bytes, sdk::ParseOutput& out) {
  return feed_bytes(bytes, out);
}

Status StripeImporter::finish(sdk::ParseOutput& out) { return end(out); }

void StripeImporter::on_begin() {
  dates_.reset();
  col_ = Columns{};
  disputes_file_ = false;
}

Status StripeImporter::on_header(const pc::HeaderIndex& h) {
  Columns& c = col_;
  c.created = created_column(h);
  c.currency = h.find_any({"Currency", "currency"});
  c.fee = h.find_any({"Fee", "fee"});
  c.status = h.find("Status");
  c.customer_id = h.find_any({"Customer ID", "customer_id"});
  c.customer_email = h.find_any({"Customer Email", "customer_email"});
  c.customer_name = h.find_any({"Customer Name", "customer_name"});
  c.customer_description = h.find_any({"Customer Description", "customer_description"});
  c.card_name = h.find_any({"Card Name", "card_name"});
  c.shipping_name = h.find_any({"Shipping Name", "shipping_name"});
  c.description = h.find_any({"Description", "description"});
  c.charge_id = h.find_any({"Charge ID", "Charge", "Payment ID", "charge_id"});
  c.reason = h.find("Reason");
  c.invoice = h.find_any({"Invoice ID", "invoice_id"});
  c.subscription = h.find_any({"Subscription ID", "Subscription", "subscription_id"});
  c.source_type = h.find_any({"Payment Source Type", "Payment Method Type", "payment_method_type"});
  c.card_id = h.find("Card ID");
  c.card_last4 = h.find("Card Last4");
  c.card_brand = h.find("Card Brand");
  c.address_line1 = h.find_any({"Card Address Line1", "Shipping Address Line1"});
  c.address_line2 = h.find_any({"Card Address Line2", "Shipping Address Line2"});
  c.address_city = h.find_any({"Card Address City", "Shipping Address City"});
  c.address_state = h.find_any({"Card Address State", "Shipping Address State"});
  c.address_country = h.find_any({"Card Address Country", "Shipping Address Country"});
  c.address_zip = h.find_any({"Card Address Zip", "Shipping Address Postal Code"});
  c.utm_campaign = h.find("UTM Campaign");
  c.captured = h.find("Captured");
  c.decline_reason = h.find("Decline Reason");
  c.seller_message = h.find("Seller Message");
  c.refunded_date = h.find_any({"Refunded date (UTC)", "Refunded (UTC)"});
  c.converted_currency = h.find("Converted Currency");
  c.converted_amount = h.find("Converted Amount");
  c.disputed_amount = h.find("Disputed Amount");
  c.dispute_status = h.find("Dispute Status");
  c.dispute_date = h.find_any({"Dispute Date (UTC)", "Dispute Date"});
  c.interval = h.find_any({"Interval", "Plan Interval", "Billing Interval"});

  // Metadata columns in the order the settings list the keys.
  for (auto* keys :
       {&config_.fund_keys, &config_.campaign_keys, &config_.appeal_keys, &config_.interval_keys}) {
    auto& target = keys == &config_.fund_keys       ? c.fund
                   : keys == &config_.campaign_keys ? c.campaign
                   : keys == &config_.appeal_keys   ? c.appeal
                                                    : c.interval_meta;
    for (const auto& key : *keys) {
      for (std::size_t i = 0; i < h.size(); ++i) {
        if (metadata_key(h.normalized(i)) == pc::normalize_name(key)) target.push_back(i);
      }
    }
  }

  if (h.has("balance_transaction_id") && h.has("reporting_category")) {
    variant_ = Variant::kBalance;
    c.id = h.find("balance_transaction_id");
    c.category = h.find("reporting_category");
    c.gross = h.find("gross");
    c.charge_id = h.find("charge_id");
    c.source = h.find("source_id");
    if (!c.created || !c.currency || !c.gross) {
      return Status::invalid(
          "not a Stripe balance report: created_utc, currency and gross are needed");
    }
    return {};
  }
  c.id = h.find("id");
  c.amount = h.find("Amount");
  c.amount_refunded = h.find("Amount Refunded");
  if (!c.id || !c.amount || !c.currency || !c.created) {
    return Status::invalid(
        "not a Stripe export: the header needs id, Amount, Currency and Created (UTC) columns");
  }
  if (c.amount_refunded || (c.status && !c.charge_id)) {
    variant_ = Variant::kPayments;
    if (!c.status) return Status::invalid("not a Stripe payments export: no Status column");
  } else if (c.charge_id) {
    variant_ = Variant::kRefundsOrDisputes;
    disputes_file_ = pc::contains_nocase(file_name_, "dispute") || h.has("Evidence Due By") ||
                     h.has("Evidence Due By (UTC)") || h.has("Dispute Reason");
  } else {
    return Status::invalid(
        "not a Stripe export: neither Amount Refunded (payments) nor Charge ID (refunds, "
        "disputes)");
  }
  return {};
}

void StripeImporter::on_row(const Row& row, sdk::ParseOutput& out) {
  switch (variant_) {
    case Variant::kPayments:
      payment_row(row, out);
      break;
    case Variant::kRefundsOrDisputes:
      refund_or_dispute_row(row, out);
      break;
    case Variant::kBalance:
      balance_row(row, out);
      break;
  }
}

}  // namespace steward::import_stripe
