// A pledge: a promise to give a total over time, paid by ordinary gifts that carry its id.
// A pledge is not income: giving totals count the payment gifts only.
//
// The installment schedule splits the amount over N installments on the pledge's frequency
// (monthly installments keep the first due day, clamped in short months). The split is exact to
// the minor unit: every installment gets amount / N and the remainder goes on the FIRST
// installment ($100 over 3 = 33.34, 33.33, 33.33), so the donor's later payments are even.
// Payments are applied to installments oldest first (docs/engine-rules.md, "Pledges").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/recurring_schedule.hpp"
#include "steward/sdk/money.hpp"
#include "steward/sdk/result.hpp"

namespace steward::domain {

enum class PledgeStatus { kOpen, kFulfilled, kWrittenOff, kCancelled };
std::string to_string(PledgeStatus status);
Result<PledgeStatus> parse_pledge_status(std::string_view text, std::string_view field = "status");

inline constexpr int kMaxPledgeInstallments = 600;

struct PledgeInput {
  long long constituent_id = 0;
  sdk::Money amount;
  int installments = 1;  // 1..kMaxPledgeInstallments
  Frequency frequency = Frequency::kMonthly;
  Date first_due_on;  // the first installment
  Date pledged_on;    // the day the donor committed
  std::optional<long long> fund_id;
  std::optional<long long> campaign_id;
  std::optional<long long> appeal_id;
  std::optional<std::string> notes;
};

struct PledgeInstallment {
  int seq = 1;  // 1-based
  Date due_on;
  long long amount_minor = 0;
  long long paid_minor = 0;  // payments applied to it (oldest installment first)
  long long remaining_minor() const { return amount_minor - paid_minor; }
};

struct Pledge {
  long long id = 0;
  long long constituent_id = 0;
  sdk::Money amount;
  std::optional<long long> fund_id;
  std::optional<long long> campaign_id;
  std::optional<long long> appeal_id;
  Date pledged_on;
  PledgeStatus status = PledgeStatus::kOpen;
  long long written_off_minor = 0;
  std::optional<Date> written_off_on;
  std::optional<std::string> write_off_reason;
  std::optional<std::string> notes;
  std::vector<PledgeInstallment> installments;  // with payments applied
  long long paid_minor = 0;                     // net of refunds
  long long balance_minor = 0;                  // amount - paid - written off, never below 0
  std::string created_at;
  std::string updated_at;
};

Status validate(const PledgeInput& pledge);
// The installments of a pledge (nothing paid yet).
std::vector<PledgeInstallment> installment_schedule(const PledgeInput& pledge);
// Applies `paid_minor` to the installments oldest first (sets each paid_minor).
void apply_payments(std::vector<PledgeInstallment>& installments, long long paid_minor);
// Installments due before `as_of` and not fully paid (after apply_payments).
std::vector<PledgeInstallment> overdue(const std::vector<PledgeInstallment>& installments,
                                       const Date& as_of);

}  // namespace steward::domain
