// steward/sdk/importer.hpp: the PaymentImporter interface. An importer reads a payment file
// (a processor's export, a bank statement) and turns its bytes into normalized PaymentRecords.
//
// What the importer does NOT do: match donors, deduplicate, write to the database, or decide
// funds. The engine does all of that with the records the importer returns.
//
// Protocol (one file at a time per importer object):
//   detect(name, head)  -> confidence 0..100 that this importer reads the file (may be called
//                          on any object at any time; must not change state)
//   start(name)         -> begins a new file, discarding any previous state
//   feed(bytes, out)    -> called repeatedly with consecutive chunks of the file (any split,
//                          even mid-line or mid-UTF-8 sequence); appends complete records and
//                          problems to `out`
//   finish(out)         -> end of file: flush the last record, report truncation
//
// Errors: a problem with one row (bad date, bad amount) is a ParseIssue in `out.issues` with the
// line (1-based) and byte offset, and parsing continues. A row left out on purpose (a pending
// or outgoing payment, a lost dispute) is an issue whose message starts with "skipped: " and
// gives the reason; the host counts those apart from errors. A non-ok Status from feed/finish means
// the whole file cannot be read (wrong format, unsupported version); the host stops the import.
// Never throw across the boundary on purpose; the host catches anything thrown and reports it
// as a failed call naming the plugin.
//
// Units: amounts are integer minor units in the record's currency (sdk::Money); dates are civil
// dates in the processor's reporting time zone. Text is UTF-8.
//
// Ownership and threading: the host owns the importer (std::unique_ptr from the factory) and
// calls one object from one thread at a time. Importers run in a separate process by default
// (see docs/plugin-sdk.md, "Isolation"), so they must not rely on shared global state with the
// host.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "steward/sdk/date.hpp"
#include "steward/sdk/money.hpp"
#include "steward/sdk/result.hpp"

namespace steward::sdk {

enum class PaymentKind {
  kPayment,   // money received from a donor
  kRefund,    // money returned to a donor (refers to the original payment)
  kReversal,  // a chargeback or failed transfer (refers to the original payment)
  kFee,       // a processor fee reported as its own line
};

inline const char* payment_kind_name(PaymentKind kind) {
  switch (kind) {
    case PaymentKind::kPayment:
      return "payment";
    case PaymentKind::kRefund:
      return "refund";
    case PaymentKind::kReversal:
      return "reversal";
    case PaymentKind::kFee:
      return "fee";
  }
  return "payment";
}

struct PostalAddress {
  std::string line1;
  std::string line2;
  std::string city;
  std::string region;
  std::string postal_code;
  std::string country;  // ISO 3166-1 alpha-2 when known
  friend bool operator==(const PostalAddress&, const PostalAddress&) = default;
};

// One normalized line of a payment file.
struct PaymentRecord {
  std::string external_id;  // the processor's id for this line; unique within the processor
                            // (or within `account` for bank statements)
  std::string account;      // bank statements: the account the line belongs to (IBAN, or
                            // bank id + account id for OFX); scopes external_id. Else empty.
  PaymentKind kind = PaymentKind::kPayment;
  Date date;
  Money amount;              // gross, positive; a refund is a positive amount of kind kRefund
  std::optional<Money> fee;  // processor fee withheld, positive, same currency as amount
  std::string donor_name;    // as printed by the processor, UTF-8 (e.g. "김민지")
  std::string donor_email;
  std::optional<PostalAddress> donor_address;
  std::string description;
  std::string fund_hint;             // a fund/designation the file names, if any
  std::string campaign_hint;         // a campaign/appeal code the file names, if any
  std::string original_external_id;  // for refunds/reversals: the payment they undo
  std::string donor_external_id;     // the processor's id for the payer (Stripe customer id,
                                     // PayPal payer id), used to recognise a returning donor
  std::string recurring_reference;   // subscription / recurring profile id, if the payment
                                     // belongs to one
  std::string payment_method;        // "card", "paypal", "bank_transfer", "check", ... or empty
  // Added by decision 0154; empty in older importers.
  std::optional<Money> converted_amount;  // the same money in the currency the processor
                                          // settled it in (Stripe "Converted Amount"), if given
  std::string recurring_interval;         // the plan's period when the file says: "weekly",
                                          // "monthly", "quarterly", "yearly"; else empty (monthly)
  std::string appeal_hint;                // an appeal code or name the file names, if any
  std::vector<std::pair<std::string, std::string>> raw;  // the source columns, name -> text
};

// A problem with one part of the file; parsing continues after it.
struct ParseIssue {
  std::size_t line = 0;    // 1-based line (or record) number, 0 when unknown
  std::size_t offset = 0;  // byte offset from the start of the file
  std::string field;       // the column at fault, if any
  std::string message;
};

struct ParseOutput {
  std::vector<PaymentRecord> records;
  std::vector<ParseIssue> issues;
};

class PaymentImporter {
 public:
  virtual ~PaymentImporter() = default;
  PaymentImporter(const PaymentImporter&) = delete;
  PaymentImporter& operator=(const PaymentImporter&) = delete;

  // 0 = cannot read this file, 100 = certainly can. `head` is the first bytes (up to 64 KiB).
  virtual int detect(std::string_view file_name, std::string_view head) const = 0;
  virtual Status start(std::string_view file_name) = 0;
  virtual Status feed(std::string_view bytes, ParseOutput& out) = 0;
  virtual Status finish(ParseOutput& out) = 0;

 protected:
  PaymentImporter() = default;
};

}  // namespace steward::sdk
