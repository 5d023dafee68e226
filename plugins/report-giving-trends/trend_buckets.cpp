#include "trend_buckets.hpp"

#include <cstdio>
#include <map>
#include <tuple>

#include "report_common.hpp"

namespace steward::reports {
namespace {

TrendFigures figures_of(const TrendGroup& g) {
  TrendFigures f;
  f.total = g.total;
  f.gifts = g.gifts;
  f.donors = g.donors;
  f.average = divide_rounded(g.total, g.gifts);
  f.median = divide_rounded(g.median_sum, g.median_count);
  return f;
}

}  // namespace

std::int64_t period_number(const sdk::Date& d, const std::string& grain, int fiscal_start_month) {
  if (grain == "quarter") return std::int64_t{d.year} * 10 + (d.month - 1) / 3 + 1;
  if (grain == "year") return d.year;
  if (grain == "fiscal_year") return fiscal_year_of(d, fiscal_start_month);
  return std::int64_t{d.year} * 100 + d.month;
}

std::string period_label(std::int64_t n, const std::string& grain) {
  char buf[32];
  const auto v = static_cast<long long>(n);
  if (grain == "quarter")
    std::snprintf(buf, sizeof buf, "%04lld-Q%lld", v / 10, v % 10);
  else if (grain == "year")
    std::snprintf(buf, sizeof buf, "%04lld", v);
  else if (grain == "fiscal_year")
    std::snprintf(buf, sizeof buf, "FY%04lld", v);
  else
    std::snprintf(buf, sizeof buf, "%04lld-%02lld", v / 100, v % 100);
  return buf;
}

std::int64_t period_next_year(std::int64_t n, const std::string& grain) {
  if (grain == "quarter") return n + 10;
  if (grain == "year" || grain == "fiscal_year") return n + 1;
  return n + 100;
}

Window last_year_window(const sdk::Date& from, const sdk::Date& to) {
  Window w{add_years(from, -1), add_years(to, -1)};
  if (add_days(to, 1).day == 1) w.to = add_days(add_years(add_days(to, 1), -1), -1);
  return w;
}

bool roles_share_a_period(const sdk::Date& from, const sdk::Date& to, const Window& last_year,
                          const std::string& grain, int fiscal_start_month) {
  // Both windows are one year apart, so the days in both are [from, last_year.to], those only
  // last year lie just before (ending on from - 1) and those only this year just after (from
  // last_year.to + 1). Periods are runs of days: a period holds two roles only across one of
  // those two edges.
  if (from > last_year.to) return false;  // no day in both windows
  auto same_period = [&](const sdk::Date& a, const sdk::Date& b) {
    return period_number(a, grain, fiscal_start_month) ==
           period_number(b, grain, fiscal_start_month);
  };
  if (same_period(add_days(from, -1), from)) return true;
  const sdk::Date after = add_days(last_year.to, 1);
  return after <= to && same_period(last_year.to, after);
}

std::vector<TrendRow> trend_rows(const std::vector<TrendGroup>& groups, const std::string& grain) {
  using Key = std::tuple<std::string, std::string, std::string>;  // period, label, group key
  std::map<Key, std::pair<TrendFigures, TrendFigures>> rows;
  for (const auto& g : groups) {
    if ((g.role & 1) != 0)
      rows[{period_label(g.period, grain), g.group_label, g.group_key}].first = figures_of(g);
    if ((g.role & 2) != 0)
      rows[{period_label(period_next_year(g.period, grain), grain), g.group_label, g.group_key}]
          .second = figures_of(g);
  }
  std::vector<TrendRow> out;
  out.reserve(rows.size());
  for (const auto& [key, figures] : rows) {
    TrendRow row;
    row.period = std::get<0>(key);
    row.group_label = std::get<1>(key);
    row.group_key = std::get<2>(key);
    row.current = figures.first;
    row.last_year = figures.second;
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace steward::reports
