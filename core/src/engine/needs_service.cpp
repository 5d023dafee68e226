#include "engine/needs_service.hpp"

#include <algorithm>
#include <map>

#include "engine/fund_receipts.hpp"
#include "engine/recurring_revenue.hpp"
#include "store/row_reader.hpp"

namespace steward::engine {
namespace {

constexpr int kMonthsAheadWindow = 12;
__extension__ using i128 = __int128;

std::vector<FundNeed> funds_with_needs(store::Unit& unit) {
  int active = 1;
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT id, code, name, monthly_need_minor, monthly_need_currency, "
                             "people_served FROM funds WHERE active = (:active = 1) AND "
                             "monthly_need_minor IS NOT NULL ORDER BY name, id",
       soci::use(active));
  std::vector<FundNeed> out;
  for (const soci::row& row : rows) {
    store::RowReader r(row);
    FundNeed f;
    f.fund_id = r.integer();
    f.fund_code = r.text();
    f.fund_name = r.text();
    f.need_per_unit_minor = r.integer();
    f.currency = r.text();
    f.people_served = r.opt_integer();
    f.need_minor = f.need_per_unit_minor * std::max<long long>(f.people_served.value_or(1), 1);
    out.push_back(f);
  }
  return out;
}

// The fund's MRR in the need's currency (0 when no committed plan).
long long committed_for(const MrrReport& mrr, const FundNeed& need) {
  auto in_currency = [&](const MrrTotal& total) -> long long {
    for (const MrrLine& line : total.by_fund) {
      if (line.fund_id && *line.fund_id == need.fund_id) return line.monthly_minor;
    }
    return 0;
  };
  if (mrr.base.currency == need.currency) return in_currency(mrr.base);
  for (const MrrTotal& total : mrr.other_currencies) {
    if (total.currency == need.currency) return in_currency(total);
  }
  return 0;
}

long long lookup(const std::map<long long, long long>& m, long long key) {
  auto it = m.find(key);
  return it == m.end() ? 0 : it->second;
}

}  // namespace

long long basis_points(long long part, long long whole) {
  if (whole <= 0 || part <= 0) return 0;
  return static_cast<long long>(static_cast<i128>(part) * 10000 / whole);
}

std::string format_basis_points(long long bp) {
  const long long tenths = bp / 10;  // rounded down
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + "%";
}

Result<NeedsReport> needs_coverage(store::Unit& unit, const domain::Date& as_of,
                                   bool include_restricted) {
  NeedsReport report;
  report.as_of = as_of.to_string();
  const domain::Date month_start(as_of.year(), as_of.month(), 1);
  const domain::Date year_start = month_start.add_months(-(kMonthsAheadWindow - 1));
  report.month_start = month_start.to_string();
  report.year_start = year_start.to_string();

  report.funds = funds_with_needs(unit);
  if (report.funds.empty()) return report;
  auto mrr = monthly_recurring_revenue(unit, as_of, include_restricted);
  if (!mrr) return mrr.status();
  std::map<long long, std::string> currencies;
  for (const FundNeed& f : report.funds) currencies[f.fund_id] = f.currency;
  const auto month = net_received_by_fund(unit, month_start, as_of, currencies, include_restricted);
  const auto year = net_received_by_fund(unit, year_start, as_of, currencies, include_restricted);

  for (FundNeed& f : report.funds) {
    f.committed_minor = committed_for(*mrr, f);
    f.received_minor = lookup(month, f.fund_id);
    f.received_12_months_minor = lookup(year, f.fund_id);
    f.committed_bp = basis_points(f.committed_minor, f.need_minor);
    f.received_bp = basis_points(f.received_minor, f.need_minor);
    f.gap_minor = std::max<long long>(f.need_minor - f.committed_minor, 0);
    const long long surplus = f.received_12_months_minor - kMonthsAheadWindow * f.need_minor;
    f.months_ahead = surplus > 0 && f.need_minor > 0 ? surplus / f.need_minor : 0;
  }
  return report;
}

}  // namespace steward::engine
