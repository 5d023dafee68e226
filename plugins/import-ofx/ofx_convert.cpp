// OfxImporter::convert: one libofx transaction plus its scanned text -> PaymentRecords
// (see docs/formats/ofx.md for the mapping).
#include <array>
#include <cctype>
#include <optional>

#include "ofx_importer.hpp"
#include "ofx_values.hpp"

namespace steward::plugins::ofx {
namespace {

using sdk::PaymentKind;
using sdk::PaymentRecord;

// OFX writes countries as ISO 3166 alpha-3; PostalAddress wants alpha-2.
std::string country_alpha2(const std::string& alpha3) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kCountries = {
      {{"USA", "US"},
       {"CAN", "CA"},
       {"KOR", "KR"},
       {"GBR", "GB"},
       {"AUS", "AU"},
       {"DEU", "DE"},
       {"FRA", "FR"},
       {"NZL", "NZ"},
       {"JPN", "JP"},
       {"CHN", "CN"},
       {"NLD", "NL"},
       {"CHE", "CH"},
       {"IRL", "IE"},
       {"ZAF", "ZA"}}};
  if (alpha3.size() == 2) return alpha3;
  for (const auto& [three, two] : kCountries) {
    if (alpha3 == three) return std::string(two);
  }
  return {};
}

std::optional<sdk::PostalAddress> address_of(const ScannedTransaction& s) {
  if (!s.find("ADDR1")) return std::nullopt;
  sdk::PostalAddress a;
  a.line1 = s.value("ADDR1");
  a.line2 = s.value("ADDR2");
  if (auto third = s.value("ADDR3"); !third.empty())
    a.line2 += (a.line2.empty() ? "" : ", ") + third;
  a.city = s.value("CITY");
  a.region = s.value("STATE");
  a.postal_code = s.value("POSTALCODE");
  a.country = country_alpha2(s.value("COUNTRY"));
  return a;
}

}  // namespace

void OfxImporter::convert(const LibofxTransaction& t, const ScannedTransaction& s,
                          sdk::ParseOutput& out) {
  bool bad = false;
  auto issue = [&](const ScannedField* f, std::string field, std::string message) {
    out.issues.push_back(
        {f ? f->line : s.line, f ? f->offset : s.offset, std::move(field), std::move(message)});
    bad = true;
  };
  // <CURRENCY><CURSYM> means the amounts are in that currency; <ORIGCURRENCY> means they were
  // converted to CURDEF and only names the original (kept in raw).
  std::string currency = t.currency;
  std::string original_currency;
  std::string_view aggregate;
  for (const auto& f : s.fields) {
    if (f.tag == "CURRENCY" || f.tag == "ORIGCURRENCY") aggregate = f.tag;
    if (f.tag != "CURSYM" || f.value.empty()) continue;
    if (aggregate == "CURRENCY") currency = f.value;
    if (aggregate == "ORIGCURRENCY") original_currency = f.value;
  }
  if (!valid_currency_code(currency)) {
    issue(nullptr, "CURDEF",
          "the statement's currency \"" + currency + "\" is not an ISO 4217 code");
  }
  const auto* amount_field = s.find("TRNAMT");
  std::optional<std::int64_t> minor;
  if (!amount_field) {
    issue(nullptr, "TRNAMT", "transaction has no TRNAMT");
  } else if (!bad) {
    minor = parse_ofx_amount(amount_field->value, currency);
    if (!minor)
      issue(amount_field, "TRNAMT",
            "\"" + amount_field->value + "\" is not an amount in " + currency);
  }
  const auto* date_field = s.find("DTPOSTED");
  std::optional<sdk::Date> date;
  if (!date_field) {
    issue(nullptr, "DTPOSTED", "transaction has no DTPOSTED");
  } else {
    date = parse_ofx_date(date_field->value);
    if (!date)
      issue(date_field, "DTPOSTED",
            "\"" + date_field->value + "\" is not an OFX date (YYYYMMDD...)");
  }
  if (bad || !minor || !date) {
    ++counts_.with_issues;
    return;
  }
  if (*minor < 0) {
    ++counts_.skipped_debits;  // money out, or the correction of money out
    return;
  }
  if (*minor == 0 && t.correction != Correction::kDelete) {
    ++counts_.skipped_other;
    return;
  }
  PaymentRecord r;
  r.account =
      t.credit_card || t.bank_id.empty() ? t.account_number : t.bank_id + " " + t.account_number;
  r.date = *date;
  r.amount = {*minor, currency};
  r.donor_name = t.name.empty() ? s.value("NAME") : t.name;
  r.donor_address = address_of(s);
  r.description = t.memo;
  auto checknum = s.value("CHECKNUM");
  auto trntype = s.value("TRNTYPE");
  for (auto& c : trntype) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  r.payment_method = t.credit_card ? "card"
                     : trntype == "CHECK" || (!checknum.empty() && checknum != "0")
                         ? "check"
                         : "bank_transfer";
  r.external_id = t.fitid;
  if (r.external_id.empty()) {
    r.external_id = "nofitid:" + date_field->value.substr(0, 8) + ":" + std::to_string(*minor) +
                    ":" + r.donor_name;
    r.raw.emplace_back("FITID_missing", "true");
  }
  if (!original_currency.empty()) r.raw.emplace_back("ORIGCURRENCY", original_currency);
  for (const char* tag : {"TRNTYPE", "FITID", "DTPOSTED", "DTUSER", "TRNAMT", "CHECKNUM", "REFNUM",
                          "SRVRTID", "CORRECTFITID", "CORRECTACTION", "NAME", "MEMO", "CURRATE"}) {
    if (auto v = s.value(tag); !v.empty()) r.raw.emplace_back(tag, v);
  }
  if (t.correction == Correction::kNone) {
    out.records.push_back(std::move(r));
    ++counts_.records;
    return;
  }
  // A correction: DELETE voids the original; REPLACE voids it and adds this transaction.
  PaymentRecord reversal = r;
  reversal.kind = PaymentKind::kReversal;
  reversal.original_external_id = t.corrected_fitid;
  if (t.correction == Correction::kReplace) reversal.external_id = r.external_id + "#replaces";
  out.records.push_back(std::move(reversal));
  ++counts_.records;
  if (t.correction == Correction::kReplace) {
    out.records.push_back(std::move(r));
    ++counts_.records;
  }
}

}  // namespace steward::plugins::ofx
