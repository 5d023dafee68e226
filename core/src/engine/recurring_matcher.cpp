#include "engine/recurring_matcher.hpp"

#include <algorithm>
#include <cstdlib>
#include <set>

#include "domain/recurring_plan.hpp"
#include "store/plan_gift_queries.hpp"
#include "store/recurring_plan_repository.hpp"

namespace steward::engine {
namespace {

using domain::Date;
using domain::PlanStatus;
using domain::RecurringPlan;
using store::plan_gifts::GiftRef;

int paid_period(const domain::Schedule& s, const Date& received_on) {
  return std::max(0, domain::period_index(s, received_on.add_days(kMatchWindowDays)));
}

// Days from the gift to the nearest expected installment within the window, or nullopt.
std::optional<int> distance_to_installment(const RecurringPlan& plan, const Date& day) {
  auto near = domain::occurrences_between(plan.schedule(), day.add_days(-kMatchWindowDays),
                                          day.add_days(kMatchWindowDays));
  std::optional<int> best;
  for (const Date& d : near) {
    int gap = std::abs(d.days_until(day));
    if (!best || gap < *best) best = gap;
  }
  return best;
}

Result<std::optional<RecurringPlan>> find_plan(store::Unit& unit, const GiftRef& gift,
                                               const std::optional<std::string>& reference,
                                               std::string& matched_by) {
  if (gift.recurring_plan_id) {
    auto plan = store::recurring_plans::get(unit, *gift.recurring_plan_id);
    if (!plan) return plan.status();
    if (plan->constituent_id != gift.constituent_id ||
        plan->amount.currency != gift.amount.currency)
      return Status::invalid_field("recurring_plan_id",
                                   "plan " + std::to_string(plan->id) +
                                       " belongs to another donor or currency than gift " +
                                       std::to_string(gift.id));
    matched_by = "plan_id";
    return std::optional<RecurringPlan>(*plan);
  }
  if (reference && gift.source) {
    auto plan = store::recurring_plans::find_by_processor_reference(unit, *gift.source, *reference);
    if (plan) {
      if (plan->constituent_id != gift.constituent_id ||
          plan->amount.currency != gift.amount.currency)
        return Status::invalid_field("processor_reference",
                                     "plan " + std::to_string(plan->id) + " with reference '" +
                                         *reference + "' belongs to another donor or currency");
      matched_by = "processor_reference";
      return std::optional<RecurringPlan>(*plan);
    }
    if (plan.status().code() != StatusCode::kNotFound) return plan.status();
  }
  auto open = store::recurring_plans::open_plans_of(unit, gift.constituent_id);
  if (!open) return open.status();
  std::optional<RecurringPlan> best;
  int best_gap = 0;
  for (const RecurringPlan& p : *open) {
    if (p.status == PlanStatus::kPaused || p.amount != gift.amount) continue;
    auto gap = distance_to_installment(p, gift.received_on);
    if (gap && (!best || *gap < best_gap)) {
      best = p;
      best_gap = *gap;
    }
  }
  if (best) matched_by = "donor_window";
  return best;
}

}  // namespace

std::string to_string(MatchResult result) {
  switch (result) {
    case MatchResult::kAttached:
      return "attached";
    case MatchResult::kFailedAttempt:
      return "failed_attempt";
    case MatchResult::kDuplicatePeriod:
      return "duplicate_period";
    case MatchResult::kPlanClosed:
      return "plan_closed";
    case MatchResult::kNoPlan:
      return "no_plan";
  }
  return "no_plan";
}

Result<MatchOutcome> attach_gift(store::Unit& unit, long long gift_id,
                                 const std::optional<std::string>& processor_reference) {
  auto gift = store::plan_gifts::get(unit, gift_id);
  if (!gift) return gift.status();
  if (gift->deleted)
    return Status::precondition_failed("gift " + std::to_string(gift_id) + " is deleted");
  MatchOutcome out;
  auto found = find_plan(unit, *gift, processor_reference, out.matched_by);
  if (!found) return found.status();
  if (!*found) {
    out.message = "no recurring plan matches gift " + std::to_string(gift_id);
    return out;
  }
  const RecurringPlan plan = **found;
  out.plan_id = plan.id;
  const domain::Schedule schedule = plan.schedule();
  const int period = paid_period(schedule, gift->received_on);
  out.installment_on = domain::occurrence(schedule, period);
  if (domain::is_final(plan.status) || !out.installment_on) {
    out.result = MatchResult::kPlanClosed;
    out.message = "plan " + std::to_string(plan.id) + " is " + domain::to_string(plan.status) +
                  (out.installment_on ? "" : " and has no installment for this date");
    return out;
  }
  if (gift->status == "refunded") {
    out.result = MatchResult::kNoPlan;
    out.message = "gift " + std::to_string(gift_id) + " is refunded and pays no installment";
    return out;
  }
  auto attached = store::plan_gifts::of_plan(unit, plan.id);
  if (!attached) return attached.status();

  if (!gift->pays()) {  // a failed attempt
    if (Status s = store::plan_gifts::link(unit, gift_id, plan.id); !s) return s;
    int failures = 1;
    for (const GiftRef& g : *attached) {
      if (g.id != gift_id && !g.pays() && g.status == "failed" &&
          (!plan.last_paid_on || g.received_on >= *plan.last_paid_on))
        ++failures;
    }
    store::recurring_plans::Progress progress{plan.next_expected_on, plan.last_paid_on,
                                              std::max(failures, plan.consecutive_failures)};
    auto saved = store::recurring_plans::record_progress(unit, plan.id, progress);
    if (!saved) return saved.status();
    out.result = MatchResult::kFailedAttempt;
    out.message = "failed payment attempt for the installment due " +
                  out.installment_on->to_string() + " of plan " + std::to_string(plan.id);
    return out;
  }

  std::set<int> paid_periods;
  for (const GiftRef& g : *attached) {
    if (g.id != gift_id && g.pays()) paid_periods.insert(paid_period(schedule, g.received_on));
  }
  if (paid_periods.count(period)) {
    if (gift->recurring_plan_id) {
      if (Status s = store::plan_gifts::link(unit, gift_id, std::nullopt); !s) return s;
    }
    out.result = MatchResult::kDuplicatePeriod;
    out.message = "the installment due " + out.installment_on->to_string() + " of plan " +
                  std::to_string(plan.id) + " is already paid; gift " + std::to_string(gift_id) +
                  " left unattached";
    return out;
  }

  if (Status s = store::plan_gifts::link(unit, gift_id, plan.id); !s) return s;
  std::optional<Date> next = domain::occurrence(schedule, period + 1);
  if (plan.next_expected_on && next && *plan.next_expected_on > *next) next = plan.next_expected_on;
  if (!plan.next_expected_on) next.reset();
  std::optional<Date> last_paid = gift->received_on;
  if (plan.last_paid_on && *plan.last_paid_on > *last_paid) last_paid = plan.last_paid_on;
  auto saved = store::recurring_plans::record_progress(unit, plan.id, {next, last_paid, 0});
  if (!saved) return saved.status();
  if (plan.status == PlanStatus::kFailing || plan.status == PlanStatus::kLapsed) {
    auto moved =
        store::recurring_plans::set_status(unit, plan.id, PlanStatus::kActive,
                                           "payment received " + gift->received_on.to_string() +
                                               " (gift " + std::to_string(gift_id) + ")");
    if (!moved) return moved.status();
    out.reactivated = true;
  }
  out.result = MatchResult::kAttached;
  out.message = "gift " + std::to_string(gift_id) + " pays the installment due " +
                out.installment_on->to_string() + " of plan " + std::to_string(plan.id);
  return out;
}

}  // namespace steward::engine
