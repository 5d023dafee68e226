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
#include <set>
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
// Recomputes several constituents' rows at once: the same SQL, filtered by a temporary table of
// their ids (one statement per step however many there are).
Status recompute_many(Unit& unit, const std::set<long long>& ids);

// While it lives, gift writes on `unit` (store::gifts create, update, refund, delete) note the
// constituents whose summaries change instead of recomputing each at once; flush() recomputes
// them with recompute_many(). Call flush() before the unit commits: summaries read inside the
// scope are stale until then, so only a bulk writer that reads none (the import commit,
// decision 0200) uses it. The destructor ends the deferral without recomputing (a unit that
// fails rolls back anyway). Nested guards hand their ids to the outer one.
class DeferRollups {
 public:
  explicit DeferRollups(Unit& unit);
  ~DeferRollups();
  DeferRollups(const DeferRollups&) = delete;
  DeferRollups& operator=(const DeferRollups&) = delete;
  Status flush();
  std::size_t pending() const { return ids_.size(); }

 private:
  Unit& unit_;
  std::set<long long>* previous_;  // an outer guard on the same session
  const soci::session* previous_session_ = nullptr;
  std::set<long long>* previous_ids_ = nullptr;
  std::set<long long> ids_;
};
// The ids a DeferRollups on this unit's session collects, or null (recompute at once).
std::set<long long>* deferred_ids(Unit& unit);

// Recomputes everyone the gift credits: donor, household(s) on the gift's date, soft credits.
Status recompute_for_gift(Unit& unit, long long gift_id);
// Rebuilds every summary from the gifts in two set-based statements per table. Returns how many
// constituents have a summary.
Status rebuild_all(Unit& unit);
// A constituent's summary (zeros when they have no credited gifts). Errors: kNotFound when the
// constituent does not exist.
Result<Summary> get(Unit& unit, long long constituent_id);

}  // namespace steward::store::giving
