#include "recurring_months.hpp"

#include <cstdio>

#include "report_common.hpp"

namespace steward::reports {
namespace {

Date month_end(int year, int month) {
  return month == 12 ? Date{year, 12, 31} : add_days(Date{year, month + 1, 1}, -1);
}

std::string month_key(int year, int month) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  return buf;
}

}  // namespace

std::int64_t mrr_twelfths(std::int64_t amount_minor, const std::string& frequency) {
  if (frequency == "weekly") return amount_minor * 52;
  if (frequency == "quarterly") return amount_minor * 4;
  if (frequency == "yearly") return amount_minor;
  return amount_minor * 12;  // monthly
}

std::int64_t twelfths_to_minor(std::int64_t twelfths) { return divide_rounded(twelfths, 12); }

bool committed_at(const PlanSpan& plan, const Date& end, bool last_month) {
  if (!last_month && end < plan.starts_on) return false;
  if (plan.ends_on && *plan.ends_on < end) return false;
  if (plan.stopped_on && !(end < *plan.stopped_on)) return false;
  return true;
}

std::vector<MonthLine> recurring_months(const std::vector<PlanSpan>& plans, const Date& as_of,
                                        int months) {
  std::vector<MonthLine> out;
  int year = as_of.year;
  int month = as_of.month - (months - 1);
  while (month < 1) {
    month += 12;
    --year;
  }
  // The end of the month before the first line, for its "previous" state.
  auto previous_end = add_days(Date{year, month, 1}, -1);
  std::vector<bool> before(plans.size());
  std::int64_t before_twelfths = 0;
  for (std::size_t i = 0; i < plans.size(); ++i) {
    before[i] = committed_at(plans[i], previous_end, false);
    if (before[i]) before_twelfths += mrr_twelfths(plans[i].amount_minor, plans[i].frequency);
  }
  for (int n = 0; n < months; ++n) {
    const bool last = n == months - 1;
    const Date end = last ? as_of : month_end(year, month);
    MonthLine line;
    line.month = month_key(year, month);
    std::int64_t now_twelfths = 0;
    std::int64_t new_twelfths = 0;
    std::int64_t churned_twelfths = 0;
    for (std::size_t i = 0; i < plans.size(); ++i) {
      const bool now = committed_at(plans[i], end, last);
      const std::int64_t t = mrr_twelfths(plans[i].amount_minor, plans[i].frequency);
      if (now) {
        ++line.plans;
        now_twelfths += t;
      }
      if (now && !before[i]) {
        ++line.new_plans;
        new_twelfths += t;
      }
      if (!now && before[i]) {
        ++line.churned_plans;
        churned_twelfths += t;
      }
      before[i] = now;
    }
    line.mrr_minor = twelfths_to_minor(now_twelfths);
    line.new_mrr_minor = twelfths_to_minor(new_twelfths);
    line.churned_mrr_minor = twelfths_to_minor(churned_twelfths);
    line.churn_percent = percent(churned_twelfths, before_twelfths);
    before_twelfths = now_twelfths;
    out.push_back(line);
    if (++month > 12) {
      month = 1;
      ++year;
    }
  }
  return out;
}

}  // namespace steward::reports
