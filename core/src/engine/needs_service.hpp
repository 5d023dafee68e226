// Needs coverage: for each active fund with a monthly need, how much of the need recurring
// commitments cover, what arrived this month, the gap, and how many months ahead it is funded.
//
// Rules (docs/needs.md; decision 0080):
// - need = monthly_need × max(people_served, 1): a need entered with people_served is a need
//   per person ("$50 per woman per month"); without people_served it is the program's total;
// - committed = the fund's MRR (engine/recurring_revenue.hpp) from plans in the need's currency;
// - received = gift allocations to the fund of completed / partially refunded, non-deleted gifts
//   received from the first of as_of's month through as_of, net of the gift's refunds spread
//   over its allocations in proportion to their amounts (largest remainder, exact); a gift in
//   another currency counts at its base amount when the need is in the base currency;
// - coverage in basis points (1/100 of a percent), rounded down: 6,667 means 66.67 %;
// - gap = need − committed, never below 0;
// - months ahead = floor((received over the 12 months ending with as_of) − 12 × need) / need),
//   never below 0: what the last year's giving left over after paying the last 12 months'
//   need (this month's included), counted in months of need.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "store/database.hpp"

namespace steward::engine {

struct FundNeed {
  long long fund_id = 0;
  std::string fund_code;
  std::string fund_name;
  std::string currency;               // the need's currency
  long long need_per_unit_minor = 0;  // monthly_need_minor as entered
  std::optional<long long> people_served;
  long long need_minor = 0;       // per month, total
  long long committed_minor = 0;  // recurring commitments per month
  long long received_minor = 0;   // this month to date, net of refunds
  long long committed_bp = 0;     // committed / need, basis points, rounded down
  long long received_bp = 0;      // received / need, basis points, rounded down
  long long gap_minor = 0;        // max(need - committed, 0)
  long long months_ahead = 0;
  long long received_12_months_minor = 0;  // what months_ahead is computed from
};

struct NeedsReport {
  std::string as_of;            // YYYY-MM-DD
  std::string month_start;      // first day of as_of's month
  std::string year_start;       // first day of the 12-month window for months_ahead
  std::vector<FundNeed> funds;  // ordered by fund name, then id
};

// include_restricted = false computes committed and received without restricted constituents'
// plans and gifts (for callers without the restricted grant).
Result<NeedsReport> needs_coverage(store::Unit& unit, const domain::Date& as_of,
                                   bool include_restricted = true);

// floor(part × 10000 / whole) for whole > 0, 0 otherwise; negative parts count as 0.
long long basis_points(long long part, long long whole);
// "66.6%": basis points as a percentage with one decimal, rounded down.
std::string format_basis_points(long long bp);

}  // namespace steward::engine
