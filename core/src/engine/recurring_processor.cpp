#include "engine/recurring_processor.hpp"

#include <algorithm>
#include <optional>

#include "store/plan_gift_queries.hpp"
#include "store/recurring_plan_repository.hpp"
#include "store/settings_repository.hpp"

namespace steward::engine {
namespace {

using domain::Date;
using domain::PlanStatus;
using domain::RecurringPlan;

Result<std::vector<RecurringPlan>> plans_to_process(store::Unit& unit) {
  std::vector<RecurringPlan> out;
  for (PlanStatus s : {PlanStatus::kActive, PlanStatus::kFailing, PlanStatus::kLapsed}) {
    store::recurring_plans::ListFilter filter;
    filter.status = s;
    filter.page.limit = store::kMaxPageSize;
    for (;;) {
      auto page = store::recurring_plans::list(unit, filter);
      if (!page) return page.status();
      out.insert(out.end(), page->items.begin(), page->items.end());
      if (!page->next_after_id) break;
      filter.page.after_id = *page->next_after_id;
    }
  }
  std::sort(out.begin(), out.end(),
            [](const RecurringPlan& a, const RecurringPlan& b) { return a.id < b.id; });
  return out;
}

// What the rules look at, computed once per plan.
struct Facts {
  int missed = 0;                      // installments unpaid past the grace period
  std::optional<Date> failed_gift_on;  // the last attached gift failed (after the last payment)
  std::optional<long long> failed_gift_id;
  std::optional<Date> failing_since;
  bool overdue() const { return missed > 0 || failed_gift_on.has_value(); }
};

Result<Facts> facts_of(store::Unit& unit, const RecurringPlan& plan, const Date& today, int grace) {
  Facts f;
  if (plan.next_expected_on) {
    Date last_late_due = today.add_days(-grace - 1);  // due on or before this: past grace
    if (*plan.next_expected_on <= last_late_due) {
      f.missed = static_cast<int>(
          domain::occurrences_between(plan.schedule(), *plan.next_expected_on, last_late_due)
              .size());
      f.failing_since = plan.next_expected_on->add_days(grace + 1);
    }
  }
  auto gifts = store::plan_gifts::of_plan(unit, plan.id);
  if (!gifts) return gifts.status();
  if (!gifts->empty()) {
    const auto& last = gifts->back();
    if (last.status == "failed" && (!plan.last_paid_on || last.received_on >= *plan.last_paid_on)) {
      f.failed_gift_on = last.received_on;
      f.failed_gift_id = last.id;
      if (!f.failing_since || last.received_on < *f.failing_since)
        f.failing_since = last.received_on;
    }
  }
  return f;
}

// The transition the rules ask for now, if any.
std::optional<TransitionMade> next_transition(const RecurringPlan& plan, const Facts& f,
                                              const Date& today, int grace, int lapse) {
  TransitionMade t;
  t.plan_id = plan.id;
  t.from = plan.status;
  switch (plan.status) {
    case PlanStatus::kActive:
      if (f.failed_gift_on) {
        t.to = PlanStatus::kFailing;
        t.reason = "payment of " + f.failed_gift_on->to_string() + " (gift " +
                   std::to_string(*f.failed_gift_id) + ") failed";
        return t;
      }
      if (f.missed > 0) {
        t.to = PlanStatus::kFailing;
        t.reason = "installment due " + plan.next_expected_on->to_string() + " unpaid after " +
                   std::to_string(grace) + " days";
        return t;
      }
      if (plan.ends_on && today > *plan.ends_on && !plan.next_expected_on) {
        t.to = PlanStatus::kCompleted;
        t.reason = "plan ended on " + plan.ends_on->to_string() + " with every installment paid";
        return t;
      }
      return std::nullopt;
    case PlanStatus::kFailing:
      if (!f.overdue()) {
        t.to = PlanStatus::kActive;
        t.reason = "payments are up to date";
        return t;
      }
      if (f.failing_since && f.failing_since->days_until(today) >= lapse) {
        t.to = PlanStatus::kLapsed;
        t.reason = "failing since " + f.failing_since->to_string() + ", no payment for " +
                   std::to_string(lapse) + " days";
        return t;
      }
      return std::nullopt;
    case PlanStatus::kLapsed:
      if (!f.overdue()) {
        t.to = PlanStatus::kActive;
        t.reason = "payments are up to date";
        return t;
      }
      return std::nullopt;
    default:
      return std::nullopt;
  }
}

}  // namespace

Result<ProcessReport> process(store::Unit& unit, const Date& today) {
  ProcessReport report;
  auto grace = store::settings::recurring_grace_days(unit);
  if (!grace) return grace.status();
  auto lapse = store::settings::recurring_lapse_days(unit);
  if (!lapse) return lapse.status();
  report.grace_days = *grace;
  report.lapse_days = *lapse;
  auto plans = plans_to_process(unit);
  if (!plans) return plans.status();
  for (RecurringPlan plan : *plans) {
    ++report.plans_examined;
    auto facts = facts_of(unit, plan, today, *grace);
    if (!facts) return facts.status();
    // Up to three steps (active -> failing -> lapsed) when the job has not run for a while.
    for (int step = 0; step < 3; ++step) {
      auto t = next_transition(plan, *facts, today, *grace, *lapse);
      if (!t) break;
      auto moved = store::recurring_plans::set_status(unit, plan.id, t->to, t->reason);
      if (!moved) return moved.status();
      plan = *moved;
      report.transitions.push_back(*t);
    }
    const int failures = std::max(plan.consecutive_failures, facts->missed);
    if (failures != plan.consecutive_failures) {
      auto saved = store::recurring_plans::record_progress(
          unit, plan.id, {plan.next_expected_on, plan.last_paid_on, failures});
      if (!saved) return saved.status();
    }
  }
  return report;
}

}  // namespace steward::engine
