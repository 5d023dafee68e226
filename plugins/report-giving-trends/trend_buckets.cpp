#include "trend_buckets.hpp"

#include <cstdio>
#include <tuple>

#include "report_common.hpp"

namespace steward::reports {
namespace {

struct Acc {
  std::map<std::int64_t, std::int64_t> gifts;  // gift id -> amount in this bucket
  std::set<std::int64_t> donors;
  TrendFigures figures() const {
    TrendFigures f;
    std::vector<std::int64_t> amounts;
    for (const auto& [id, amount] : gifts) {
      f.total += amount;
      amounts.push_back(amount);
    }
    f.gifts = static_cast<std::int64_t>(gifts.size());
    f.donors = static_cast<std::int64_t>(donors.size());
    f.average = divide_rounded(f.total, f.gifts);
    f.median = median(amounts);
    return f;
  }
};

}  // namespace

std::string period_key(const sdk::Date& d, const std::string& grain, int fiscal_start_month) {
  char buf[32];
  if (grain == "quarter")
    std::snprintf(buf, sizeof buf, "%04d-Q%d", d.year, (d.month - 1) / 3 + 1);
  else if (grain == "year")
    std::snprintf(buf, sizeof buf, "%04d", d.year);
  else if (grain == "fiscal_year")
    std::snprintf(buf, sizeof buf, "FY%04d", fiscal_year_of(d, fiscal_start_month));
  else
    std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month);
  return buf;
}

std::vector<TrendRow> bucket_trends(const std::vector<TrendGift>& gifts, const sdk::Date& from,
                                    const sdk::Date& to, const std::string& grain,
                                    int fiscal_start_month) {
  using Key = std::tuple<std::string, std::string, std::string>;  // period, label, group key
  std::map<Key, std::pair<Acc, Acc>> buckets;
  const sdk::Date ly_from = add_years(from, -1);
  sdk::Date ly_to = add_years(to, -1);
  // A range ending on a month's last day compares with that whole month last year (February).
  if (add_days(to, 1).day == 1) ly_to = add_days(add_years(add_days(to, 1), -1), -1);
  for (const auto& g : gifts) {
    if (g.received_on >= from && g.received_on <= to) {
      auto& acc = buckets[{period_key(g.received_on, grain, fiscal_start_month), g.group_label,
                           g.group_key}]
                      .first;
      acc.gifts[g.gift_id] += g.amount;
      acc.donors.insert(g.donor_id);
    }
    if (g.received_on >= ly_from && g.received_on <= ly_to) {
      auto& acc = buckets[{period_key(add_years(g.received_on, 1), grain, fiscal_start_month),
                           g.group_label, g.group_key}]
                      .second;
      acc.gifts[g.gift_id] += g.amount;
      acc.donors.insert(g.donor_id);
    }
  }
  std::vector<TrendRow> out;
  for (const auto& [key, accs] : buckets) {
    TrendRow row;
    row.period = std::get<0>(key);
    row.group_label = std::get<1>(key);
    row.group_key = std::get<2>(key);
    row.current = accs.first.figures();
    row.last_year = accs.second.figures();
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace steward::reports
