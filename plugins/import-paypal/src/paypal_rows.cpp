// The PayPal importer's row rules: which rows are money from a donor, and what they become.
#include "steward/import_paypal/paypal_importer.hpp"
#include "steward/plugin_common/text.hpp"

namespace steward::import_paypal {

namespace pc = plugin_common;
using pc::cell;

namespace {

bool has_any(std::string_view text, std::initializer_list<std::string_view> words) {
  for (auto w : words) {
    if (pc::contains_nocase(text, w)) return true;
  }
  return false;
}

enum class PaymentState { kDone, kPending, kFailed, kOther };

PaymentState classify_status(std::string_view status) {
  std::string s = pc::lower_ascii(pc::trim(status));
  if (s.empty() || s == "completed" || s == "cleared" || s == "refunded" ||
      s == "partially refunded" || s == "reversed" || s == "completado" || s == "completada" ||
      s == "reembolsado" || s == "termin\xC3\xA9" ||
      s == "termin\xC3\xA9"
           "e" ||
      s == "rembours\xC3\xA9" || s == "abgeschlossen" || s == "erstattet") {
    return PaymentState::kDone;
  }
  if (has_any(s, {"pending", "pendiente", "en attente", "ausstehend", "unclaimed", "held",
                  "uncleared", "in progress"})) {
    return PaymentState::kPending;
  }
  if (has_any(s, {"denied", "failed", "cancel", "voided", "expired", "rechaz", "refus", "abgelehnt",
                  "fallid", "\u00E9chou"})) {
    return PaymentState::kFailed;
  }
  return PaymentState::kOther;
}

// Rows that move money but are not gifts: conversions, holds, transfers, withdrawals ...
bool bookkeeping_type(std::string_view type) {
  return has_any(type,
                 {"conversion", "hold",      "release",  "authorization", "withdrawal",
                  "deposit",    "transfer",  "retiro",   "retención",     "conversión",
                  "virement",   "retrait",   "réserve",  "umrechnung",    "abbuchung",
                  "einzahlung", "einbehalt", "übertrag", "tax collected", "account correction"});
}

bool refund_type(std::string_view type) {
  return has_any(type, {"refund", "reembolso", "remboursement", "rückzahlung", "erstattung"});
}

bool reversal_type(std::string_view type) {
  return has_any(type, {"reversal", "chargeback", "dispute", "contracargo", "rétrofacturation",
                        "litige", "rückbuchung", "retrocesión", "annulation"});
}

bool fee_type(std::string_view type) {
  return has_any(type, {"fee", "cargo", "frais", "gebühr"}) && !has_any(type, {"payment"});
}

bool recurring_type(std::string_view type) {
  return has_any(type, {"subscription", "recurring", "preapproved", "suscripción", "abonnement",
                        "récurrent", "wiederkehrend", "abo-zahlung"});
}

bool profile_id(std::string_view ref) {
  return ref.starts_with("I-") || ref.starts_with("B-") || ref.starts_with("S-");
}

}  // namespace

void PaypalImporter::on_row(const Row& row, sdk::ParseOutput& out) {
  const auto& f = row.fields;
  std::string txn(cell(f, col_.txn));
  const std::string type(activity_ ? cell(f, col_.type) : cell(f, col_.description));
  const std::string type_field = field_name(activity_ ? col_.type : col_.description, "Type");
  const std::string status_text(cell(f, col_.status));
  switch (classify_status(status_text)) {
    case PaymentState::kDone:
      break;
    case PaymentState::kPending:
      skipped(out, row, field_name(col_.status, "Status"),
              "pending (" + type +
                  "): the money has not arrived yet; import the file again "
                  "once it is completed");
      return;
    case PaymentState::kFailed:
      skipped(out, row, field_name(col_.status, "Status"),
              status_text + " (" + type + "): no money was received");
      return;
    case PaymentState::kOther:
      skipped(out, row, field_name(col_.status, "Status"),
              "status \"" + status_text + "\" (" + type + ") is not a completed payment");
      return;
  }
  if (bookkeeping_type(type)) {
    skipped(out, row, type_field, "not a donation (" + type + ")");
    return;
  }
  std::string currency = pc::normalize_currency(cell(f, col_.currency));
  if (currency.empty()) {
    issue(out, row, field_name(col_.currency, "Currency"),
          "\"" + std::string(cell(f, col_.currency)) + "\" is not a currency code");
    return;
  }
  const int exponent = pc::currency_exponent(currency);
  auto gross = pc::parse_amount(cell(f, col_.gross), exponent, decimal_);
  if (!gross) {
    issue(out, row, field_name(col_.gross, "Gross"), gross.status().message());
    return;
  }
  if (*gross == 0) {
    skipped(out, row, field_name(col_.gross, "Gross"), "zero amount (" + type + ")");
    return;
  }
  sdk::PaymentRecord r;
  auto date = dates_.parse(cell(f, col_.date));
  if (!date) {
    issue(out, row, field_name(col_.date, "Date"), date.status().message());
    return;
  }
  r.date = date->date;
  if (txn.empty()) {
    issue(out, row, field_name(col_.txn, "Transaction ID"), "is empty");
    return;
  }
  const std::string reference(cell(f, col_.reference));
  const bool incoming = *gross > 0;
  const bool fee = fee_type(type);
  const bool refund = !fee && refund_type(type);
  if (fee || refund || reversal_type(type)) {
    if (incoming) {
      skipped(out, row, type_field,
              "money returned to us (" + type + "); record it by hand if it restores a gift");
      return;
    }
    if (reference.empty() && !fee) {
      issue(out, row, field_name(col_.reference, "Reference Txn ID"),
            "is empty: a " + std::string(refund ? "refund" : "reversal") +
                " must name the payment it undoes");
      return;
    }
    r.kind = refund ? sdk::PaymentKind::kRefund
             : fee  ? sdk::PaymentKind::kFee
                    : sdk::PaymentKind::kReversal;
    r.original_external_id = reference;
    if (!fee) r.donor_email = cell(f, col_.to_email);  // the money went to the donor
  } else {
    if (!incoming) {
      skipped(out, row, field_name(col_.gross, "Gross"), "money sent, not received (" + type + ")");
      return;
    }
    if (activity_ && !has_any(type, {"payment", "donation", "pago", "paiement", "zahlung", "spende",
                                     "don", "received", "recibido", "reçu"})) {
      skipped(out, row, type_field, "not a donation (" + type + ")");
      return;
    }
    r.kind = sdk::PaymentKind::kPayment;
    r.donor_email = cell(f, col_.from_email);
    auto fee_text = cell(f, col_.fee);
    if (!fee_text.empty()) {
      auto value = pc::parse_amount(fee_text, exponent, decimal_);
      if (!value) {
        issue(out, row, field_name(col_.fee, "Fee"), value.status().message());
        return;
      }
      if (*value < 0) r.fee = sdk::Money{-*value, currency};
    }
    std::string subscription(cell(f, col_.subscription));
    if (!subscription.empty()) {
      r.recurring_reference = subscription;
    } else if (profile_id(reference) || (recurring_type(type) && !reference.empty())) {
      r.recurring_reference = reference;
    }
    if (!r.recurring_reference.empty()) r.recurring_interval = cell(f, col_.period);
  }
  r.external_id = txn;
  r.amount = {*gross < 0 ? -*gross : *gross, currency};
  r.donor_name = cell(f, col_.name);
  r.donor_external_id = cell(f, col_.payer_id);
  r.payment_method = "paypal";
  for (auto column : {col_.subject, col_.item_title, col_.note}) {
    std::string_view text = cell(f, column);
    if (text.empty() || r.description.find(text) != std::string::npos) continue;
    if (!r.description.empty()) r.description += " / ";
    r.description += text;
  }
  if (r.description.empty() && r.kind != sdk::PaymentKind::kPayment) r.description = type;
  sdk::PostalAddress a;
  a.line1 = cell(f, col_.address1);
  a.line2 = cell(f, col_.address2);
  a.city = cell(f, col_.city);
  a.region = cell(f, col_.region);
  a.postal_code = cell(f, col_.postal_code);
  a.country = cell(f, col_.country_code);
  if (a.country.empty()) a.country = cell(f, col_.country);
  r.donor_address = pc::filled_address(std::move(a));
  r.raw = raw(row);
  out.records.push_back(std::move(r));
}

}  // namespace steward::import_paypal
