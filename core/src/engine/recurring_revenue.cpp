#include "engine/recurring_revenue.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "domain/recurring_schedule.hpp"
#include "store/row_reader.hpp"
#include "store/settings_repository.hpp"

namespace steward::engine {
namespace {

constexpr long long kCommonDenominator = 12;  // weekly 52/12, monthly 1/1, quarterly 1/3 ...

// amount × ratio expressed over the common denominator of 12.
long long twelfths(long long amount_minor, domain::Frequency frequency) {
  const domain::MonthlyRatio r = domain::monthly_ratio(frequency);
  return amount_minor * r.numerator * (kCommonDenominator / r.denominator);
}

long long mrr_divide_rounded(long long twelfths_sum) {
  const long long half = kCommonDenominator / 2;
  return twelfths_sum >= 0 ? (twelfths_sum + half) / kCommonDenominator
                           : -((-twelfths_sum + half) / kCommonDenominator);
}

struct Accumulator {
  long long twelfths = 0;
  int plans = 0;
  std::string code;
  std::string name;
};

// Key: (unallocated?, fund name, fund id) so that funds sort by name and unallocated comes last.
using FundKey = std::tuple<bool, std::string, long long>;

MrrTotal finish(const std::string& currency, const std::map<FundKey, Accumulator>& funds) {
  MrrTotal total;
  total.currency = currency;
  long long all = 0;
  for (const auto& [key, acc] : funds) {
    MrrLine line;
    if (!std::get<0>(key)) line.fund_id = std::get<2>(key);
    line.fund_code = acc.code;
    line.fund_name = acc.name;
    line.monthly_minor = mrr_divide_rounded(acc.twelfths);
    line.plan_count = acc.plans;
    total.by_fund.push_back(line);
    all += acc.twelfths;
    total.plan_count += acc.plans;
  }
  total.monthly_minor = mrr_divide_rounded(all);
  return total;
}

}  // namespace

Result<MrrReport> monthly_recurring_revenue(store::Unit& unit, const domain::Date& as_of,
                                            bool include_restricted) {
  auto settings = store::settings::get(unit);
  if (!settings) return settings.status();
  const std::string day = as_of.to_string();
  const int all = include_restricted ? 1 : 0;
  soci::rowset<soci::row> rows =
      (unit.sql().prepare
           << "SELECT p.amount_minor, p.currency, p.frequency, p.fund_id, f.code, f.name "
              "FROM recurring_plans p LEFT JOIN funds f ON f.id = p.fund_id "
              "WHERE p.status IN ('active', 'failing') AND (p.ends_on IS NULL OR p.ends_on >= "
              ":as_of) AND (:all = 1 OR p.constituent_id NOT IN"
              " (SELECT id FROM constituents WHERE restricted = (1 = 1))) ORDER BY p.id",
       soci::use(day), soci::use(all));
  std::map<std::string, std::map<FundKey, Accumulator>> by_currency;
  for (const soci::row& row : rows) {
    store::RowReader r(row);
    const long long amount = r.integer();
    const std::string currency = r.text();
    auto frequency = domain::parse_frequency(r.text());
    if (!frequency) return frequency.status();
    const auto fund_id = r.opt_integer();
    const auto code = r.opt_text();
    const auto name = r.opt_text();
    FundKey key{!fund_id.has_value(), name.value_or(""), fund_id.value_or(0)};
    Accumulator& acc = by_currency[currency][key];
    acc.twelfths += twelfths(amount, *frequency);
    acc.plans += 1;
    acc.code = code.value_or("");
    acc.name = fund_id ? name.value_or("") : "unallocated";
  }
  MrrReport report;
  report.as_of = day;
  const std::string& base = settings->base_currency;
  report.base = finish(base, by_currency[base]);
  for (const auto& [currency, funds] : by_currency) {
    if (currency != base) report.other_currencies.push_back(finish(currency, funds));
  }
  return report;
}

Result<std::vector<ExpectedGift>> upcoming_expected_gifts(store::Unit& unit,
                                                          const domain::Date& from,
                                                          const domain::Date& to) {
  if (to < from) return Status::invalid_field("to", "must not be before from");
  const std::string from_text = from.to_string();
  const std::string to_text = to.to_string();
  soci::rowset<soci::row> rows =
      (unit.sql().prepare
           << "SELECT p.id, p.constituent_id, c.display_name, p.amount_minor, p.currency, "
              "p.frequency, p.anchor_day, p.starts_on, p.ends_on, p.fund_id, f.name "
              "FROM recurring_plans p JOIN constituents c ON c.id = p.constituent_id "
              "LEFT JOIN funds f ON f.id = p.fund_id "
              "WHERE p.status = 'active' AND p.starts_on <= :to "
              "AND (p.ends_on IS NULL OR p.ends_on >= :from) ORDER BY p.id",
       soci::use(to_text), soci::use(from_text));
  std::vector<ExpectedGift> out;
  for (const soci::row& row : rows) {
    store::RowReader r(row);
    ExpectedGift base;
    base.plan_id = r.integer();
    base.constituent_id = r.integer();
    base.display_name = r.text();
    base.amount_minor = r.integer();
    base.currency = r.text();
    base.frequency = r.text();
    domain::Schedule schedule;
    auto frequency = domain::parse_frequency(base.frequency);
    if (!frequency) return frequency.status();
    schedule.frequency = *frequency;
    schedule.anchor_day = static_cast<unsigned>(r.integer());
    auto starts = domain::Date::parse(r.date(), "starts_on");
    if (!starts) return starts.status();
    schedule.starts_on = *starts;
    if (auto ends = r.opt_date()) {
      auto parsed = domain::Date::parse(*ends, "ends_on");
      if (!parsed) return parsed.status();
      schedule.ends_on = *parsed;
    }
    base.fund_id = r.opt_integer();
    base.fund_name = base.fund_id ? r.opt_text().value_or("") : "unallocated";
    for (const domain::Date& day : domain::occurrences_between(schedule, from, to)) {
      ExpectedGift gift = base;
      gift.expected_on = day.to_string();
      out.push_back(std::move(gift));
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const ExpectedGift& a, const ExpectedGift& b) {
    return std::tie(a.expected_on, a.display_name, a.plan_id) <
           std::tie(b.expected_on, b.display_name, b.plan_id);
  });
  return out;
}

}  // namespace steward::engine
