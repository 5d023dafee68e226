// Giving-trend arithmetic around the report's grouped query (giving_trends_report.cpp): period
// numbers and labels, the last-year window, which query shape is exact for a window, and the
// figures of the query's groups put together into report rows. Pure C++; exact integer minor
// units.
//
// Period labels: month "2025-03", quarter "2025-Q1", year "2025", fiscal_year "FY2026" (named by
// the year it ends in). The database groups by a period number that sorts like its label:
// month yyyymm, quarter yyyyq, year and fiscal year yyyy; one year later is +100, +10, +1.
//
// Roles: a gift in [from, to] counts in its period this year (role 1); a gift in the last-year
// window counts in the period one year after its own, as "last year" (role 2); a gift in both
// windows (a range longer than a year) does both (role 3). A gift counts once per group (its
// parts for one fund are added up); donors are distinct constituents; average = total ÷ gifts
// and median of the gifts' amounts (the mean of the two middle ones when even), both rounded
// half away from zero to the minor unit.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "steward/sdk/date.hpp"

namespace steward::reports {

std::int64_t period_number(const sdk::Date& d, const std::string& grain, int fiscal_start_month);
std::string period_label(std::int64_t number, const std::string& grain);
// The same period one year later.
std::int64_t period_next_year(std::int64_t number, const std::string& grain);
inline std::string period_key(const sdk::Date& d, const std::string& grain,
                              int fiscal_start_month) {
  return period_label(period_number(d, grain, fiscal_start_month), grain);
}

// [from - 1 year, to - 1 year]; a range ending on a month's last day compares with that whole
// month last year (so 29 February counts).
struct Window {
  sdk::Date from;
  sdk::Date to;
};
Window last_year_window(const sdk::Date& from, const sdk::Date& to);

// True when some period holds gifts in both windows (role 3) and gifts in only one of them: its
// figures would need two of the grouped query's rows put together, which distinct donors and
// medians cannot be. The report then asks the query that counts such gifts twice instead.
bool roles_share_a_period(const sdk::Date& from, const sdk::Date& to, const Window& last_year,
                          const std::string& grain, int fiscal_start_month);

struct TrendFigures {
  std::int64_t total = 0;
  std::int64_t gifts = 0;
  std::int64_t donors = 0;
  std::int64_t average = 0;
  std::int64_t median = 0;
};

// One row of the grouped query: the figures of the gifts of one role in one period and group.
struct TrendGroup {
  int role = 0;  // 1 this year, 2 last year, 3 both; 0 (a gap between the windows) is ignored
  std::int64_t period = 0;
  std::string group_key;
  std::string group_label;
  std::int64_t total = 0;
  std::int64_t gifts = 0;
  std::int64_t donors = 0;
  std::int64_t median_sum = 0;  // the middle amount, or the two middle amounts added
  std::int64_t median_count = 0;
};

struct TrendRow {
  std::string period;
  std::string group_key;
  std::string group_label;
  TrendFigures current;
  TrendFigures last_year;
};

// Groups into rows: role 1 and 3 fill `current` of their period, role 2 and 3 fill `last_year`
// of the period one year later. Each figure comes from one group (see roles_share_a_period).
// Rows ordered by period label, then group label, then group key.
std::vector<TrendRow> trend_rows(const std::vector<TrendGroup>& groups, const std::string& grain);

}  // namespace steward::reports
