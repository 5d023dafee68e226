// Recurring plans in the database (store::recurring_plans). Every function runs inside the
// caller's unit of work; writes validate first, write nothing on error, are audited, and every
// status change appends a recurring_plan_transitions row with its reason.
//
// The lifecycle job (engine/recurring_processor) and the gift matcher (engine/recurring_matcher)
// move plans through set_status() and record_progress(); people use pause/resume/cancel.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/recurring_plan.hpp"
#include "store/database.hpp"
#include "store/page.hpp"

namespace steward::store::recurring_plans {

struct ListFilter {
  std::optional<long long> constituent_id;
  std::optional<domain::PlanStatus> status;
  std::optional<long long> fund_id;
  bool include_restricted = true;  // false leaves out plans of restricted constituents
  PageRequest page;
};

// next_expected_on is the schedule's first installment; a "created" transition is recorded.
// Errors: kInvalid (names the field; also for a constituent or fund that does not exist),
// kConflict when processor + processor_reference is taken.
Result<domain::RecurringPlan> create(Unit& unit, const domain::PlanInput& input);
// Errors: kNotFound.
Result<domain::RecurringPlan> get(Unit& unit, long long id);
// The plan with this processor's subscription reference. Errors: kNotFound.
Result<domain::RecurringPlan> find_by_processor_reference(Unit& unit, const std::string& processor,
                                                          const std::string& reference);
// Replaces the plan's terms; next_expected_on is recomputed from the new schedule (the first
// installment after the last paid one). Errors: kInvalid, kNotFound, kPreconditionFailed
// (cancelled or completed plan), kConflict.
Result<domain::RecurringPlan> update(Unit& unit, long long id, const domain::PlanInput& input);
// Ordered by id.
Result<Page<domain::RecurringPlan>> list(Unit& unit, const ListFilter& filter);
// Plans of one donor that are not final (for the matcher).
Result<std::vector<domain::RecurringPlan>> open_plans_of(Unit& unit, long long constituent_id);

// Moves the plan to `to`, recording a transition with `reason` (required). Moving to the
// current status changes nothing. Errors: kNotFound, kInvalid (reason blank),
// kPreconditionFailed when the plan is cancelled or completed.
Result<domain::RecurringPlan> set_status(Unit& unit, long long id, domain::PlanStatus to,
                                         const std::string& reason);
// active/failing/lapsed -> paused. Errors as set_status, kPreconditionFailed when paused already.
Result<domain::RecurringPlan> pause(Unit& unit, long long id, const std::string& reason);
// paused -> active; installments skipped while paused are not owed: next_expected_on becomes
// the first installment on or after `today` (and after the last paid one).
Result<domain::RecurringPlan> resume(Unit& unit, long long id, const domain::Date& today,
                                     const std::string& reason);
// Any non-final status -> cancelled (final).
Result<domain::RecurringPlan> cancel(Unit& unit, long long id, const std::string& reason);

// Tracking columns written by the processor and the matcher (audited as "update").
struct Progress {
  std::optional<domain::Date> next_expected_on;
  std::optional<domain::Date> last_paid_on;
  int consecutive_failures = 0;
};
Result<domain::RecurringPlan> record_progress(Unit& unit, long long id, const Progress& progress);

// Transitions of a plan, oldest first.
Result<std::vector<domain::PlanTransition>> transitions(Unit& unit, long long plan_id);

}  // namespace steward::store::recurring_plans
