// A recurring plan: a donor's promise to give the same amount on a schedule (monthly partner,
// sustaining member). Columns follow the recurring_plans table; the calendar comes from
// domain/recurring_schedule.hpp. Lifecycle (docs/engine-rules.md, "Recurring plans"):
//   active <-> paused; active -> failing -> lapsed; failing/lapsed -> active on payment;
//   active -> completed after ends_on; any non-final -> cancelled. cancelled and completed are
//   final.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "domain/date.hpp"
#include "domain/recurring_schedule.hpp"
#include "steward/sdk/money.hpp"
#include "steward/sdk/result.hpp"

namespace steward::domain {

enum class PlanStatus { kActive, kPaused, kFailing, kLapsed, kCancelled, kCompleted };

std::string to_string(PlanStatus status);
// "active", "paused", ...; anything else is an error naming `field`.
Result<PlanStatus> parse_plan_status(std::string_view text, std::string_view field = "status");
// cancelled and completed: nothing may change the plan afterwards.
inline bool is_final(PlanStatus s) {
  return s == PlanStatus::kCancelled || s == PlanStatus::kCompleted;
}

// What a person types to create or change a plan.
struct PlanInput {
  long long constituent_id = 0;
  sdk::Money amount;
  Frequency frequency = Frequency::kMonthly;
  unsigned anchor_day = 1;  // 1..31 (weekly plans ignore it)
  Date starts_on;
  std::optional<Date> ends_on;
  std::optional<long long> fund_id;
  std::optional<long long> campaign_id;
  std::optional<long long> appeal_id;
  std::optional<std::string> processor;            // "stripe", "paypal" ...
  std::optional<std::string> processor_reference;  // the processor's subscription id
  std::optional<std::string> notes;

  Schedule schedule() const { return Schedule{frequency, anchor_day, starts_on, ends_on}; }
};

struct RecurringPlan : PlanInput {
  long long id = 0;
  PlanStatus status = PlanStatus::kActive;
  std::optional<Date> next_expected_on;  // the next installment not yet paid (none past the end)
  std::optional<Date> last_paid_on;      // received_on of the latest payment attached
  int consecutive_failures = 0;          // missed or failed installments since the last payment
  std::optional<std::string> status_changed_at;
  int version = 1;
  std::string created_at;
  std::string updated_at;
};

// One row of recurring_plan_transitions.
struct PlanTransition {
  long long id = 0;
  long long plan_id = 0;
  std::optional<std::string> from_status;  // none for the creation row
  std::string to_status;
  std::string reason;
  std::string created_at;
};

// Checks a plan before it is written; the error names the field at fault.
Status validate(const PlanInput& plan);

}  // namespace steward::domain
