// The recurring-plan lifecycle job (docs/engine-rules.md, "Recurring lifecycle"). Run daily
// (`steward recurring process`); every rule is computed from the plan, its attached gifts and
// `today`, so running it twice the same day changes nothing the second time.
//
// For each active, failing or lapsed plan (paused, cancelled and completed plans are skipped):
//   active  -> failing   the last attached gift failed, or the installment next_expected_on is
//                        still unpaid more than recurring.grace_days days later;
//   failing -> lapsed    failing for recurring.lapse_days days (counted from the failed gift's
//                        date, or from the day after the grace period ran out);
//   failing/lapsed -> active   nothing is overdue any more and the last gift did not fail
//                        (the matcher does this at once when a payment is attached);
//   active  -> completed ends_on has passed and no installment is due.
// consecutive_failures counts the installments missed past grace (never lowered here; a
// payment resets it). Every transition is recorded with its reason.
#pragma once

#include <string>
#include <vector>

#include "domain/date.hpp"
#include "domain/recurring_plan.hpp"
#include "store/database.hpp"

namespace steward::engine {

struct TransitionMade {
  long long plan_id = 0;
  domain::PlanStatus from = domain::PlanStatus::kActive;
  domain::PlanStatus to = domain::PlanStatus::kActive;
  std::string reason;
};

struct ProcessReport {
  int plans_examined = 0;
  int grace_days = 7;
  int lapse_days = 60;
  std::vector<TransitionMade> transitions;
};

Result<ProcessReport> process(store::Unit& unit, const domain::Date& today);

}  // namespace steward::engine
