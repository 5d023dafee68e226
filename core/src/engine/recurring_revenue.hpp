// Monthly recurring revenue (MRR) and upcoming expected gifts, from recurring_plans.
//
// Rules (docs/needs.md; decision 0080):
// - committed plans are those with status 'active' or 'failing' (open recurring donations, as
//   NPSP counts them) whose ends_on is not before `as_of`; paused, lapsed, cancelled and
//   completed plans are excluded;
// - each plan is worth amount × monthly_ratio(frequency) per month; numerators are summed over
//   a common denominator of 12 and divided once, rounding half away from zero (3 weekly $10
//   plans = $130.00 exactly, not 3 × $43.33);
// - plans in the base currency make the headline figures; plans in any other currency are
//   listed separately per currency, never converted;
// - a plan with a fund counts to that fund, one without to "unallocated" (fund_id empty).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "store/database.hpp"

namespace steward::engine {

// The MRR of one fund (or of plans without a fund: fund_id empty, fund_name "unallocated").
struct MrrLine {
  std::optional<long long> fund_id;
  std::string fund_code;
  std::string fund_name;
  long long monthly_minor = 0;
  int plan_count = 0;
};

// The MRR of all committed plans in one currency, overall and by fund (ordered by fund name,
// unallocated last). Each line is rounded on its own, so lines may differ from the total by a
// minor unit.
struct MrrTotal {
  std::string currency;
  long long monthly_minor = 0;
  int plan_count = 0;
  std::vector<MrrLine> by_fund;
};

struct MrrReport {
  std::string as_of;                       // YYYY-MM-DD
  MrrTotal base;                           // plans in the organisation's base currency
  std::vector<MrrTotal> other_currencies;  // ordered by currency code
};

// Exact MRR of committed plans as of a day; include_restricted = false leaves out the plans of
// restricted constituents (for callers without the restricted grant). Read-only.
Result<MrrReport> monthly_recurring_revenue(store::Unit& unit, const domain::Date& as_of,
                                            bool include_restricted = true);

// One expected installment of an active plan.
struct ExpectedGift {
  std::string expected_on;  // YYYY-MM-DD
  long long plan_id = 0;
  long long constituent_id = 0;
  std::string display_name;
  long long amount_minor = 0;
  std::string currency;
  std::string frequency;
  std::optional<long long> fund_id;
  std::string fund_name;  // "unallocated" without a fund
};

// Every expected installment of plans with status 'active' in [from, to], ordered by date, then
// display name, then plan id. Errors: kInvalid naming "to" when to < from.
Result<std::vector<ExpectedGift>> upcoming_expected_gifts(store::Unit& unit,
                                                          const domain::Date& from,
                                                          const domain::Date& to);

}  // namespace steward::engine
