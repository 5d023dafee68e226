// Read-only figures for the dashboard (GET /api/v1/dashboard). Every function takes
// `include_restricted`: false leaves out gifts, plans and tasks of restricted constituents, so a
// caller without the restricted grant never sees their weight in any figure.
//
// What counts as giving (as in giving summaries, docs/giving-rules.md): completed and partially
// refunded gifts, not deleted, hard credit to the donor who gave (never also to the household),
// in the base currency net of refunds (base_amount_minor - base_refunded_minor).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace steward::store::dashboard {

struct DayTotal {
  std::string day;  // YYYY-MM-DD
  long long gift_count = 0;
  long long net_minor = 0;  // base currency
};

// Giving per day received in [from, to] (YYYY-MM-DD), ascending.
std::vector<DayTotal> giving_by_day(Unit& unit, const std::string& from, const std::string& to,
                                    bool include_restricted);

struct DonorCounts {
  long long new_donors = 0;        // first gift ever within [year_start, as_of]
  long long lapsed = 0;            // gave in [last_year_start, last_year_end], not this year
  long long retained = 0;          // gave both last year and this year
  long long last_year_donors = 0;  // gave in [last_year_start, last_year_end]
};

DonorCounts donor_counts(Unit& unit, const std::string& year_start, const std::string& as_of,
                         const std::string& last_year_start, const std::string& last_year_end,
                         bool include_restricted);

// Completed / partially refunded, non-deleted gifts without an acknowledgment; with
// `received_until` (YYYY-MM-DD), only those received on or before it (the overdue ones).
long long unacknowledged_count(Unit& unit, bool include_restricted,
                               const std::string& received_until = "9999-12-31");

struct RecentGift {
  long long id = 0;
  long long constituent_id = 0;
  std::string constituent_name;
  std::string received_on;
  long long amount_minor = 0;
  std::string currency;
};

// The latest non-deleted gifts by date received (then id), newest first.
std::vector<RecentGift> recent_gifts(Unit& unit, int limit, bool include_restricted);

struct OpenTask {
  long long id = 0;
  std::string title;
  std::optional<std::string> due_on;
  std::optional<long long> constituent_id;
  std::optional<std::string> constituent_name;
};

// Open, non-deleted tasks assigned to `assignee`, soonest due first (undated last).
std::vector<OpenTask> open_tasks(Unit& unit, const std::string& assignee, int limit,
                                 bool include_restricted);

struct CommittedPlan {
  long long amount_minor = 0;
  std::string currency;
  std::string frequency;
  std::optional<long long> fund_id;
};

// Plans that count to MRR as of a day (status active or failing, not ended before as_of: the
// rule of engine/recurring_revenue.hpp), optionally without restricted constituents' plans.
std::vector<CommittedPlan> committed_plans(Unit& unit, const std::string& as_of,
                                           bool include_restricted);

// What restricted constituents' gifts brought each fund in [from, to], in the fund's currency
// (fund_currency; other funds skipped): an allocation counts net of its own refunded amount
// when the gift is in the fund's currency, or at its share of the gift's net base amount
// (rounded down) when the gift's base currency is the fund's. Subtracted from needs coverage
// for callers without the restricted grant.
std::map<long long, long long> restricted_received_by_fund(
    Unit& unit, const std::string& from, const std::string& to,
    const std::map<long long, std::string>& fund_currency);

}  // namespace steward::store::dashboard
