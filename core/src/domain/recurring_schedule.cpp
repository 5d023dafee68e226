#include "domain/recurring_schedule.hpp"

#include <algorithm>

namespace steward::domain {
namespace {

int months_per_step(Frequency f) {
  switch (f) {
    case Frequency::kQuarterly:
      return 3;
    case Frequency::kYearly:
      return 12;
    default:
      return 1;
  }
}

// The first installment, ignoring ends_on.
Date first_occurrence(const Schedule& s) {
  if (s.frequency == Frequency::kWeekly) return s.starts_on;
  const int y = s.starts_on.year();
  const unsigned m = s.starts_on.month();
  Date base(y, m, std::min(s.anchor_day, last_day_of_month(y, m)));
  if (base < s.starts_on) base = base.add_months(months_per_step(s.frequency), s.anchor_day);
  return base;
}

Date unbounded_occurrence(const Schedule& s, const Date& first, int index) {
  if (s.frequency == Frequency::kWeekly) return first.add_days(7 * index);
  return first.add_months(index * months_per_step(s.frequency), s.anchor_day);
}

bool past_end(const Schedule& s, const Date& d) { return s.ends_on && d > *s.ends_on; }

// A lower bound on the index of the installment on or after `day` (never too large).
int estimate_index(const Schedule& s, const Date& first, const Date& day) {
  if (day <= first) return 0;
  if (s.frequency == Frequency::kWeekly) return first.days_until(day) / 7;
  const int months = (day.year() - first.year()) * 12 + static_cast<int>(day.month()) -
                     static_cast<int>(first.month());
  return std::max(0, months / months_per_step(s.frequency) - 1);
}

}  // namespace

Result<Frequency> parse_frequency(std::string_view text, std::string_view field) {
  if (text == "weekly") return Frequency::kWeekly;
  if (text == "monthly") return Frequency::kMonthly;
  if (text == "quarterly") return Frequency::kQuarterly;
  if (text == "yearly") return Frequency::kYearly;
  return Status::invalid_field(
      std::string(field),
      "must be weekly, monthly, quarterly or yearly, not \"" + std::string(text) + "\"");
}

std::string to_string(Frequency frequency) {
  switch (frequency) {
    case Frequency::kWeekly:
      return "weekly";
    case Frequency::kMonthly:
      return "monthly";
    case Frequency::kQuarterly:
      return "quarterly";
    case Frequency::kYearly:
      return "yearly";
  }
  return "monthly";
}

Status validate(const Schedule& schedule) {
  if (schedule.anchor_day < 1 || schedule.anchor_day > 31) {
    return Status::invalid_field("anchor_day", "must be a day of the month from 1 to 31");
  }
  if (schedule.ends_on && *schedule.ends_on < schedule.starts_on) {
    return Status::invalid_field("ends_on", "must not be before starts_on");
  }
  return Status::ok();
}

std::optional<Date> occurrence(const Schedule& schedule, int index) {
  if (index < 0) return std::nullopt;
  Date d = unbounded_occurrence(schedule, first_occurrence(schedule), index);
  if (past_end(schedule, d)) return std::nullopt;
  return d;
}

std::optional<Date> next_on_or_after(const Schedule& schedule, const Date& day) {
  const Date first = first_occurrence(schedule);
  for (int i = estimate_index(schedule, first, day);; ++i) {
    Date d = unbounded_occurrence(schedule, first, i);
    if (past_end(schedule, d)) return std::nullopt;
    if (d >= day) return d;
  }
}

std::vector<Date> occurrences_between(const Schedule& schedule, const Date& from, const Date& to) {
  std::vector<Date> out;
  const Date first = first_occurrence(schedule);
  for (int i = estimate_index(schedule, first, from);; ++i) {
    Date d = unbounded_occurrence(schedule, first, i);
    if (d > to || past_end(schedule, d)) break;
    if (d >= from) out.push_back(d);
  }
  return out;
}

int period_index(const Schedule& schedule, const Date& day) {
  const Date first = first_occurrence(schedule);
  if (day < first) return -1;
  int i = estimate_index(schedule, first, day);
  while (unbounded_occurrence(schedule, first, i + 1) <= day) ++i;
  return i;
}

MonthlyRatio monthly_ratio(Frequency frequency) {
  switch (frequency) {
    case Frequency::kWeekly:
      return {52, 12};
    case Frequency::kQuarterly:
      return {1, 3};
    case Frequency::kYearly:
      return {1, 12};
    default:
      return {1, 1};
  }
}

long long monthly_equivalent_minor(long long amount_minor, Frequency frequency) {
  const MonthlyRatio r = monthly_ratio(frequency);
  const long long scaled = amount_minor * r.numerator;
  const long long half = r.denominator / 2;
  return scaled >= 0 ? (scaled + half) / r.denominator : -((-scaled + half) / r.denominator);
}

}  // namespace steward::domain
