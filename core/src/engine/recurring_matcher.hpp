// Attaches a gift to the recurring plan it pays (docs/engine-rules.md, "Plan matching").
//
// The plan is found, in order:
//   1. the gift's own recurring_plan_id, when set (validated: same donor, same currency);
//   2. the processor reference: the plan whose processor equals gifts.source and whose
//      processor_reference equals `processor_reference` (the subscription id an importer or
//      webhook passes in; gifts.external_id is the charge id, not the subscription);
//   3. the donor's open, unpaused plan with the same amount and currency that has an expected
//      installment within kMatchWindowDays days either side of the gift's received_on.
// The installment period paid is domain::period_index(schedule, received_on + kMatchWindowDays)
// (a payment a few days early pays the coming installment). A second payment for a period
// already paid is left unattached and reported as kDuplicatePeriod (not an error) so the caller
// can flag it. A failed gift is attached as a failed attempt (consecutive_failures grows; the
// lifecycle job moves the plan to failing). A payment moves a failing or lapsed plan back to
// active, recording the transition.
#pragma once

#include <optional>
#include <string>

#include "domain/date.hpp"
#include "store/database.hpp"

namespace steward::engine {

inline constexpr int kMatchWindowDays = 5;

enum class MatchResult {
  kAttached,         // the gift pays an installment of plan_id
  kFailedAttempt,    // a failed payment attempt, attached to plan_id
  kDuplicatePeriod,  // plan_id's period was already paid: the gift is left unattached
  kPlanClosed,       // the plan found is cancelled/completed or the gift falls after its end
  kNoPlan,           // no plan matches
};

std::string to_string(MatchResult result);

struct MatchOutcome {
  MatchResult result = MatchResult::kNoPlan;
  std::optional<long long> plan_id;
  std::optional<domain::Date> installment_on;  // the expected installment the gift pays
  std::string matched_by;                      // "plan_id", "processor_reference", "donor_window"
  bool reactivated = false;                    // a failing/lapsed plan became active
  std::string message;                         // one line for people
};

// Errors: kNotFound (gift), kPreconditionFailed (deleted gift), kInvalid naming
// recurring_plan_id or processor_reference when the named plan belongs to another donor or
// currency.
Result<MatchOutcome> attach_gift(
    store::Unit& unit, long long gift_id,
    const std::optional<std::string>& processor_reference = std::nullopt);

}  // namespace steward::engine
