// Giving summaries (rollups): per constituent, totals of the gifts credited to them, kept in
// giving_summaries and giving_by_year (by fiscal year, from the fiscal_year_start_month setting).
// Amounts are in the base currency and net of refunds. What counts (docs/giving-rules.md):
//   - completed and partially refunded gifts, not deleted; pending, failed, fully refunded and
//     deleted gifts are left out;
//   - hard credit: the donor, and the household(s) the donor belonged to on the gift's date
//     (so a household counts each member's gift once, and history stays with the household
//     when a member leaves);
//   - soft credit: soft_credits rows, in the soft_credit_* columns only, never in lifetime;
//     one soft credit per person per gift (the largest if several roles), scaled by the part of
//     the gift not refunded.
// recompute() and rebuild_all() run the same set-based SQL, so they always agree.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace steward::store::giving {

struct YearTotal {
  int fiscal_year = 0;
  long long gift_count = 0;
  long long total_minor = 0;
  long long soft_credit_minor = 0;
};

struct Summary {
  long long constituent_id = 0;
  std::string currency;  // the base currency
  std::optional<std::string> first_gift_on;
  long long first_gift_minor = 0;
  std::optional<std::string> last_gift_on;
  long long last_gift_minor = 0;
  long long largest_gift_minor = 0;
  long long gift_count = 0;
  long long lifetime_minor = 0;
  long long soft_credit_count = 0;
  long long soft_credit_minor = 0;
  std::vector<YearTotal> by_year;  // ascending fiscal year
};

// Recomputes one constituent's rows from their gifts.
Status recompute(Unit& unit, long long constituent_id);
// Recomputes everyone the gift credits: donor, household(s) on the gift's date, soft credits.
Status recompute_for_gift(Unit& unit, long long gift_id);
// Rebuilds every summary from the gifts in two set-based statements per table. Returns how many
// constituents have a summary.
Status rebuild_all(Unit& unit);
// A constituent's summary (zeros when they have no credited gifts). Errors: kNotFound when the
// constituent does not exist.
Result<Summary> get(Unit& unit, long long constituent_id);

}  // namespace steward::store::giving
