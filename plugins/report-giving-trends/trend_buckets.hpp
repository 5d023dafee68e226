// Giving-trend arithmetic: gifts (or a gift's part for one fund) into period x group buckets,
// this period and the same period one year earlier. Pure C++; exact integer minor units.
//
// Period keys: month "2025-03", quarter "2025-Q1", year "2025", fiscal_year "FY2026" (named by
// the year it ends in). A gift counts once per bucket (its parts for one fund are added up);
// donors are distinct constituents; average = total ÷ gifts and median of the gifts' amounts,
// both rounded half away from zero to the minor unit.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "steward/sdk/date.hpp"

namespace steward::reports {

struct TrendGift {
  std::int64_t gift_id = 0;
  std::int64_t donor_id = 0;
  sdk::Date received_on;
  std::int64_t amount = 0;
  std::string group_key;
  std::string group_label;
};

struct TrendFigures {
  std::int64_t total = 0;
  std::int64_t gifts = 0;
  std::int64_t donors = 0;
  std::int64_t average = 0;
  std::int64_t median = 0;
};

struct TrendRow {
  std::string period;
  std::string group_key;
  std::string group_label;
  TrendFigures current;
  TrendFigures last_year;
};

std::string period_key(const sdk::Date& d, const std::string& grain, int fiscal_start_month);

// Gifts in [from, to] fill `current`; gifts in [from - 1 year, to - 1 year] fill `last_year` of
// the period one year later (a range ending on a month's last day compares with the whole of
// that month last year, so 29 February counts). Rows ordered by period, then group label.
std::vector<TrendRow> bucket_trends(const std::vector<TrendGift>& gifts, const sdk::Date& from,
                                    const sdk::Date& to, const std::string& grain,
                                    int fiscal_start_month);

}  // namespace steward::reports
