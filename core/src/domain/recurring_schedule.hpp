// The calendar of a recurring plan: when each installment is expected, which period a payment
// belongs to, and what a plan is worth per month. Pure functions over domain::Date; used by the
// recurring processor, the plan matcher, monthly recurring revenue and needs coverage.
//
// Rules (docs/engine-rules.md, "Recurring schedules"):
// - monthly, quarterly and yearly plans fall on the anchor day (1..31); in a month shorter than
//   the anchor they fall on its last day, and return to the anchor the month after (a plan
//   anchored on the 31st is due Jan 31, Feb 28/29, Mar 31, Apr 30 ...);
// - the first installment is the first anchor date on or after starts_on;
// - weekly plans fall every 7 days from starts_on (the anchor day is not used);
// - no installment falls after ends_on.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "steward/sdk/result.hpp"

namespace steward::domain {

enum class Frequency { kWeekly, kMonthly, kQuarterly, kYearly };

// "weekly", "monthly", "quarterly", "yearly"; anything else is an error naming `field`.
Result<Frequency> parse_frequency(std::string_view text, std::string_view field = "frequency");
std::string to_string(Frequency frequency);

struct Schedule {
  Frequency frequency = Frequency::kMonthly;
  unsigned anchor_day = 1;  // 1..31
  Date starts_on;
  std::optional<Date> ends_on;
};

// Checks the anchor day (1..31) and that ends_on is not before starts_on.
Status validate(const Schedule& schedule);

// The i-th expected installment (0 = the first), or nullopt when it would fall after ends_on.
std::optional<Date> occurrence(const Schedule& schedule, int index);
// The first expected installment on or after `day`, or nullopt past the end.
std::optional<Date> next_on_or_after(const Schedule& schedule, const Date& day);
// Every expected installment in [from, to], in order.
std::vector<Date> occurrences_between(const Schedule& schedule, const Date& from, const Date& to);
// The index of the installment period containing `day` (period i runs from occurrence i up to
// the day before occurrence i+1); -1 before the first installment. A payment a few days early
// belongs to the period it pays for: callers pass day + their early-payment tolerance.
int period_index(const Schedule& schedule, const Date& day);

// What a plan is worth per month, as an exact fraction of its amount: weekly 52/12,
// monthly 1/1, quarterly 1/3, yearly 1/12. Sum numerators before dividing to stay exact.
struct MonthlyRatio {
  long long numerator;
  long long denominator;
};
MonthlyRatio monthly_ratio(Frequency frequency);
// amount_minor per month, rounded half away from zero to the minor unit.
long long monthly_equivalent_minor(long long amount_minor, Frequency frequency);

}  // namespace steward::domain
