// A gift (donation) with its fund allocations and soft credits, and the rules it must satisfy
// before it is written. Amounts are integer minor units (sdk::Money); dates "YYYY-MM-DD".
// Pure values and checks, no I/O; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "steward/sdk/money.hpp"
#include "steward/sdk/result.hpp"

namespace steward::domain {

// Where (part of) a gift goes. Allocations of a gift sum exactly to the gift's amount.
struct Allocation {
  long long fund_id = 0;
  sdk::Money amount;
  long long refunded_minor = 0;  // read back only: the part of this allocation refunded
};

// Credit (recognition, not money) given to someone other than the donor.
// role: household_member, solicitor, church, matching_employer, tribute, other.
struct SoftCredit {
  long long constituent_id = 0;
  sdk::Money amount;
  std::string role = "other";
};

struct Tribute {
  std::string type;  // in_honor, in_memory
  std::string name;  // the person honoured or remembered
  std::optional<long long> notify_id;
  std::optional<std::string> notify_name;
};

// What a person (or an import) supplies to record or change a gift.
struct GiftInput {
  long long constituent_id = 0;  // the donor (hard credit)
  std::string received_on;       // YYYY-MM-DD
  sdk::Money amount;
  // Base-currency amount, when the gift's currency differs from the organisation's base
  // currency. Either this or exchange_rate is required then; with neither it is refused.
  std::optional<sdk::Money> base_amount;
  std::optional<std::string> exchange_rate;  // units of base currency per unit of `amount`
  long long fee_minor = 0;                   // processor fee, in the gift's currency
  std::string payment_method = "cash";       // cash check card ach wire stock in_kind other
  std::optional<std::string> check_number;
  std::string status = "completed";  // completed, pending, failed (refund() sets the others)
  std::optional<std::string> source;
  std::optional<std::string> external_id;
  std::optional<long long> campaign_id;
  std::optional<long long> appeal_id;
  std::optional<long long> recurring_plan_id;
  std::optional<long long> pledge_id;
  std::optional<Tribute> tribute;
  bool anonymous = false;
  std::optional<std::string> in_kind_description;
  std::optional<long long> batch_id;
  std::optional<std::string> notes;
  std::optional<std::string> idempotency_key;
  std::vector<Allocation> allocations;
  std::vector<SoftCredit> soft_credits;
};

struct Gift : GiftInput {
  long long id = 0;
  std::string base_currency;
  long long base_amount_minor = 0;
  long long refunded_minor = 0;
  long long base_refunded_minor = 0;
  std::optional<std::string> acknowledged_at;
  std::optional<std::string> acknowledgment_method;
  std::optional<std::string> created_by;
  long long version = 1;
  std::string created_at;
  std::string updated_at;
  // Set by store::gifts::create when an idempotency key matched an earlier identical request:
  // this is that gift, and nothing new was written.
  bool replayed = false;

  long long net_minor() const { return amount.minor - refunded_minor; }
};

// Checks a gift before it is written; the error names the field at fault, e.g.
// "allocations[1].amount" (indices count from 0).
Status validate(const GiftInput& gift);

// Payment methods, soft-credit roles and acknowledgment methods the schema accepts.
bool is_payment_method(const std::string& method);
bool is_acknowledgment_method(const std::string& method);

}  // namespace steward::domain
