// The Stripe importer's row handlers: one per export variant (see stripe_importer.hpp).
#include <algorithm>

#include "steward/import_stripe/stripe_importer.hpp"
#include "steward/plugin_common/amount.hpp"
#include "steward/plugin_common/text.hpp"

namespace steward::import_stripe {

namespace pc = plugin_common;
using pc::cell;

namespace {

std::string header_name(const pc::HeaderIndex& h, pc::Column column, const char* fallback) {
  return column ? std::string(pc::trim(h.name(*column))) : fallback;
}

std::string first_nonempty(const std::vector<std::string>& fields,
                           std::initializer_list<pc::Column> columns) {
  for (auto c : columns) {
    auto v = cell(fields, c);
    if (!v.empty()) return std::string(v);
  }
  return "";
}

std::string payment_method(std::string_view source_type, bool card, std::string_view id) {
  std::string t = pc::lower_ascii(source_type);
  if (!t.empty()) {
    if (t.find("card") != std::string::npos) return "card";
    for (const char* bank : {"bank", "ach", "sepa", "bacs", "becs", "debit", "transfer"}) {
      if (t.find(bank) != std::string::npos) return "bank_transfer";
    }
    return t;
  }
  if (card) return "card";
  if (id.starts_with("py_")) return "bank_transfer";
  return "";
}

// value * numerator / denominator, rounded half away from zero (positive inputs).
__extension__ typedef __int128 Wide;  // exact products of two 64-bit amounts
std::int64_t scale_minor(std::int64_t value, std::int64_t numerator, std::int64_t denominator) {
  Wide product = static_cast<Wide>(value) * numerator;
  return static_cast<std::int64_t>((product + denominator / 2) / denominator);
}

}  // namespace

bool StripeImporter::read_money(const Row& row, Column column, const std::string& currency,
                                std::int64_t& value, sdk::ParseOutput& out) {
  auto parsed = pc::parse_amount(cell(row.fields, column), pc::currency_exponent(currency));
  if (!parsed) {
    issue(out, row, header_name(header(), column, "Amount"), parsed.status().message());
    return false;
  }
  value = *parsed;
  return true;
}

bool StripeImporter::read_date(const Row& row, Column column, sdk::Date& date,
                               sdk::ParseOutput& out) {
  auto parsed = dates_.parse(cell(row.fields, column));
  if (!parsed) {
    issue(out, row, header_name(header(), column, "Created (UTC)"), parsed.status().message());
    return false;
  }
  date = parsed->date;
  return true;
}

void StripeImporter::fill_donor(const Row& row, sdk::PaymentRecord& r) const {
  const auto& f = row.fields;
  r.donor_name = first_nonempty(
      f, {col_.customer_name, col_.card_name, col_.customer_description, col_.shipping_name});
  r.donor_email = std::string(cell(f, col_.customer_email));
  r.donor_external_id = std::string(cell(f, col_.customer_id));
  sdk::PostalAddress a;
  a.line1 = cell(f, col_.address_line1);
  a.line2 = cell(f, col_.address_line2);
  a.city = cell(f, col_.address_city);
  a.region = cell(f, col_.address_state);
  a.postal_code = cell(f, col_.address_zip);
  a.country = cell(f, col_.address_country);
  r.donor_address = pc::filled_address(std::move(a));
  for (auto i : col_.fund) {
    if (r.fund_hint.empty()) r.fund_hint = cell(f, i);
  }
  for (auto i : col_.campaign) {
    if (r.campaign_hint.empty()) r.campaign_hint = cell(f, i);
  }
  if (r.campaign_hint.empty()) r.campaign_hint = cell(f, col_.utm_campaign);
  for (auto i : col_.appeal) {
    if (r.appeal_hint.empty()) r.appeal_hint = cell(f, i);
  }
  // A key listed for both (the default "appeal") names the appeal, not also the campaign.
  if (!r.appeal_hint.empty() && r.campaign_hint == r.appeal_hint) r.campaign_hint.clear();
  r.recurring_interval = cell(f, col_.interval);
  for (auto i : col_.interval_meta) {
    if (r.recurring_interval.empty()) r.recurring_interval = cell(f, i);
  }
}

void StripeImporter::payment_row(const Row& row, sdk::ParseOutput& out) {
  const auto& f = row.fields;
  std::string id(cell(f, col_.id));
  std::string status = pc::lower_ascii(cell(f, col_.status));
  if (id.empty()) {
    skipped(out, row, "id",
            "no charge id (an abandoned payment attempt, status \"" + status + "\")");
    return;
  }
  const bool refunded_status = status.find("refund") != std::string::npos;
  if (status != "paid" && status != "succeeded" && !refunded_status) {
    std::string why;
    if (status == "failed" || status == "canceled" || status == "cancelled" ||
        status == "blocked") {
      why = "charge " + status;
      std::string reason = first_nonempty(f, {col_.decline_reason, col_.seller_message});
      if (!reason.empty()) why += ": " + reason;
    } else if (status == "pending") {
      why = "pending: the money has not arrived yet; import the file again once it is paid";
    } else if (status.empty()) {
      why = "no status";
    } else {
      why = "status \"" + status + "\" is not a received payment";
    }
    skipped(out, row, header_name(header(), col_.status, "Status"), why);
    return;
  }
  std::string currency = pc::normalize_currency(cell(f, col_.currency));
  if (currency.empty()) {
    issue(out, row, header_name(header(), col_.currency, "Currency"),
          "\"" + std::string(cell(f, col_.currency)) + "\" is not a currency code");
    return;
  }
  sdk::PaymentRecord r;
  std::int64_t amount = 0;
  if (!read_money(row, col_.amount, currency, amount, out)) return;
  if (amount <= 0) {
    issue(out, row, header_name(header(), col_.amount, "Amount"), "must be more than zero");
    return;
  }
  if (!read_date(row, col_.created, r.date, out)) return;
  std::int64_t refunded = 0;
  if (!cell(f, col_.amount_refunded).empty() &&
      !read_money(row, col_.amount_refunded, currency, refunded, out)) {
    return;
  }
  if (refunded_status && refunded == 0) refunded = amount;  // "Refunded" without the amount
  std::string converted = pc::normalize_currency(cell(f, col_.converted_currency));
  bool foreign = !converted.empty() && converted != currency;
  std::int64_t converted_amount = 0;
  if (foreign && !cell(f, col_.converted_amount).empty()) {
    if (!read_money(row, col_.converted_amount, converted, converted_amount, out)) return;
    if (converted_amount < 0) converted_amount = -converted_amount;
    if (converted_amount > 0) r.converted_amount = sdk::Money{converted_amount, converted};
  }
  if (!cell(f, col_.fee).empty()) {
    // Fee is in the settlement (Converted) currency; the gift keeps it in its own currency,
    // converted at the charge's own rate (decision 0154).
    std::int64_t fee = 0;
    if (!read_money(row, col_.fee, foreign ? converted : currency, fee, out)) return;
    if (fee < 0) fee = -fee;
    if (foreign) {
      fee = converted_amount > 0 ? scale_minor(fee, amount, converted_amount) : 0;
    }
    if (fee > 0) r.fee = sdk::Money{fee, currency};
  }
  r.external_id = id;
  r.kind = sdk::PaymentKind::kPayment;
  r.amount = {amount, currency};
  fill_donor(row, r);
  r.description = cell(f, col_.description);
  std::string subscription(cell(f, col_.subscription));
  std::string invoice(cell(f, col_.invoice));
  if (!subscription.empty()) {
    r.recurring_reference = subscription;
  } else if (!invoice.empty()) {
    // Invoices belong to subscriptions; the export names no subscription, so one customer's
    // invoiced payments form one recurring series (decision 0151).
    r.recurring_reference =
        r.donor_external_id.empty() ? invoice : r.donor_external_id + "/invoices";
  }
  bool card = !cell(f, col_.card_id).empty() || !cell(f, col_.card_last4).empty() ||
              !cell(f, col_.card_brand).empty();
  r.payment_method = payment_method(cell(f, col_.source_type), card, id);
  r.raw = raw(row);

  if (refunded > amount) {
    issue(out, row, header_name(header(), col_.amount_refunded, "Amount Refunded"),
          "is more than Amount; the refund was not imported");
    refunded = 0;
  }
  std::optional<sdk::PaymentRecord> refund;
  if (refunded > 0) {
    sdk::PaymentRecord x;
    x.external_id = id + ":refund";
    x.kind = sdk::PaymentKind::kRefund;
    x.date = r.date;
    if (!cell(f, col_.refunded_date).empty()) {
      auto when = dates_.parse(cell(f, col_.refunded_date));
      if (when) x.date = when->date;
    }
    x.amount = {refunded, currency};
    x.donor_name = r.donor_name;
    x.donor_email = r.donor_email;
    x.donor_external_id = r.donor_external_id;
    x.original_external_id = id;
    x.description = refunded == amount ? "Refund" : "Partial refund";
    x.payment_method = r.payment_method;
    refund = std::move(x);
  }
  std::optional<sdk::PaymentRecord> dispute;
  std::string dispute_status = pc::lower_ascii(cell(f, col_.dispute_status));
  if (dispute_status == "lost" && !cell(f, col_.disputed_amount).empty()) {
    std::int64_t disputed = 0;
    if (!read_money(row, col_.disputed_amount, currency, disputed, out)) return;
    if (disputed < 0) disputed = -disputed;
    if (disputed > 0) {
      sdk::PaymentRecord x;
      x.external_id = id + ":dispute";
      x.kind = sdk::PaymentKind::kReversal;
      x.date = r.date;
      if (!cell(f, col_.dispute_date).empty()) {
        auto when = dates_.parse(cell(f, col_.dispute_date));
        if (when) x.date = when->date;
      }
      x.amount = {std::min(disputed, amount), currency};
      x.donor_name = r.donor_name;
      x.donor_email = r.donor_email;
      x.donor_external_id = r.donor_external_id;
      x.original_external_id = id;
      x.description = "Dispute lost";
      x.payment_method = r.payment_method;
      dispute = std::move(x);
    }
  }
  out.records.push_back(std::move(r));
  if (refund) out.records.push_back(std::move(*refund));
  if (dispute) out.records.push_back(std::move(*dispute));
}

void StripeImporter::refund_or_dispute_row(const Row& row, sdk::ParseOutput& out) {
  const auto& f = row.fields;
  std::string id(cell(f, col_.id));
  if (id.empty()) {
    issue(out, row, "id", "is empty");
    return;
  }
  const bool dispute = id.starts_with("dp_") || id.starts_with("du_") ||
                       (!id.starts_with("re_") && !id.starts_with("pyr_") && disputes_file_);
  std::string status = pc::lower_ascii(cell(f, col_.status));
  const std::string status_field = header_name(header(), col_.status, "Status");
  if (dispute) {
    if (status == "won") {
      skipped(out, row, status_field, "dispute won: the payment stands");
      return;
    }
    if (status.starts_with("warning")) {
      skipped(out, row, status_field, "an inquiry (" + status + "): no money was withdrawn");
      return;
    }
    if (status != "lost") {
      skipped(out, row, status_field,
              "dispute not decided yet (" + (status.empty() ? std::string("no status") : status) +
                  "); import the file again once it is lost or won");
      return;
    }
  } else if (!status.empty() && status != "succeeded" && status != "refunded") {
    skipped(out, row, status_field, "refund " + status + ": no money was returned yet");
    return;
  }
  std::string original(cell(f, col_.charge_id));
  if (original.empty()) {
    issue(out, row, header_name(header(), col_.charge_id, "Charge ID"),
          std::string("is empty: a ") + (dispute ? "dispute" : "refund") + " must name its charge");
    return;
  }
  std::string currency = pc::normalize_currency(cell(f, col_.currency));
  if (currency.empty()) {
    issue(out, row, header_name(header(), col_.currency, "Currency"), "is not a currency code");
    return;
  }
  sdk::PaymentRecord r;
  std::int64_t amount = 0;
  if (!read_money(row, col_.amount, currency, amount, out)) return;
  if (amount < 0) amount = -amount;
  if (amount == 0) {
    issue(out, row, header_name(header(), col_.amount, "Amount"), "must be more than zero");
    return;
  }
  if (!read_date(row, col_.created, r.date, out)) return;
  r.external_id = id;
  r.kind = dispute ? sdk::PaymentKind::kReversal : sdk::PaymentKind::kRefund;
  r.amount = {amount, currency};
  r.original_external_id = original;
  fill_donor(row, r);
  std::string reason(cell(f, col_.reason));
  r.description = first_nonempty(f, {col_.description});
  if (r.description.empty()) r.description = (dispute ? "Dispute lost" : "Refund");
  if (!reason.empty()) r.description += ": " + reason;
  r.raw = raw(row);
  out.records.push_back(std::move(r));
}

void StripeImporter::balance_row(const Row& row, sdk::ParseOutput& out) {
  const auto& f = row.fields;
  std::string category = pc::lower_ascii(cell(f, col_.category));
  const std::string category_field = header_name(header(), col_.category, "reporting_category");
  sdk::PaymentKind kind;
  if (category == "charge" || category == "payment") {
    kind = sdk::PaymentKind::kPayment;
  } else if (category == "refund") {
    kind = sdk::PaymentKind::kRefund;
  } else if (category == "dispute") {
    kind = sdk::PaymentKind::kReversal;
  } else {
    skipped(out, row, category_field, "not a donation (" + category + ")");
    return;
  }
  std::string currency = pc::normalize_currency(cell(f, col_.currency));
  if (currency.empty()) {
    issue(out, row, header_name(header(), col_.currency, "currency"), "is not a currency code");
    return;
  }
  sdk::PaymentRecord r;
  std::int64_t gross = 0;
  if (!read_money(row, col_.gross, currency, gross, out)) return;
  if (!read_date(row, col_.created, r.date, out)) return;
  if ((kind == sdk::PaymentKind::kPayment) != (gross > 0) || gross == 0) {
    issue(out, row, header_name(header(), col_.gross, "gross"),
          "has the wrong sign for a " + category + " (" + std::string(cell(f, col_.gross)) + ")");
    return;
  }
  std::string btx(cell(f, col_.id));
  std::string charge(cell(f, col_.charge_id));
  std::string source(cell(f, col_.source));
  r.kind = kind;
  r.amount = {gross < 0 ? -gross : gross, currency};
  if (kind == sdk::PaymentKind::kPayment) {
    r.external_id = !charge.empty() ? charge : !source.empty() ? source : btx;
    std::int64_t fee = 0;
    if (!cell(f, col_.fee).empty()) {
      if (!read_money(row, col_.fee, currency, fee, out)) return;
      if (fee < 0) fee = -fee;
      if (fee > 0) r.fee = sdk::Money{fee, currency};
    }
  } else {
    r.external_id = source.empty() ? btx : source;
    r.original_external_id = charge;
    if (charge.empty()) {
      issue(out, row, "charge_id",
            "is missing: the " + category +
                " cannot be linked to its payment (add the charge_id "
                "column to the report)");
      return;
    }
  }
  if (r.external_id.empty()) {
    issue(out, row, "balance_transaction_id", "is empty");
    return;
  }
  fill_donor(row, r);
  r.description = cell(f, col_.description);
  r.raw = raw(row);
  out.records.push_back(std::move(r));
}

}  // namespace steward::import_stripe
