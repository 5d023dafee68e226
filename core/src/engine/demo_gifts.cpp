// One-time gifts over three years with a fundraiser's seasons (a December peak, a smaller
// Easter bump), realistic amounts, split designations, a few major gifts, gifts from Canada and
// Korea in their own currency; then refunds, acknowledgments, receipts and soft credits.
#include <algorithm>
#include <chrono>
#include <string>

#include "domain/money.hpp"
#include "engine/demo_data.hpp"

namespace steward::engine::demo {
namespace {

// Easter Sunday (Gregorian, anonymous algorithm).
domain::Date easter(int y) {
  int a = y % 19, b = y / 100, c = y % 100, dd = b / 4, e = b % 4, f = (b + 8) / 25;
  int g = (b - f + 1) / 3, h = (19 * a + b - dd - g + 15) % 30, i = c / 4, k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return domain::Date(y, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

// How likely a gift is on a given day, relative to an ordinary day.
double season_weight(const domain::Date& day) {
  unsigned m = day.month();
  if (m == 12) return day.day() >= 15 ? 3.0 : 2.0;
  domain::Date e = easter(day.year());
  int to_easter = day.days_until(e);
  if (to_easter >= -7 && to_easter <= 21) return 1.8;
  if (m == 11) return day.day() >= 20 ? 1.8 : 1.1;
  if (m == 7 || m == 8) return 0.55;
  return 0.75;
}

domain::Date seasonal_day(Rng& rng, const domain::Date& from, const domain::Date& to) {
  for (;;) {
    domain::Date day = random_day(rng, from, to);
    if (rng.unit() * 3.0 < season_weight(day)) return day;
  }
}

std::int64_t dollars(std::int64_t n) { return n * 100; }

// Typical gift amounts (dollars) and gifts a year, by tier (kProspect, kSmall ... kMajor).
const std::vector<std::int64_t> kAmounts[] = {
    {25, 25, 30, 40, 50, 50, 50, 75, 100, 100},
    {25, 25, 30, 40, 50, 50, 50, 75, 100, 100},
    {100, 100, 150, 200, 250, 250, 300, 500},
    {500, 500, 750, 1000, 1000, 1200, 1500},
    {1000, 1500, 2000, 2500, 3000},
};
const double kGiftsPerYear[] = {0.3, 1.4, 1.8, 2.2, 1.6};

std::int64_t random_amount(Rng& rng, Tier tier, bool december) {
  std::int64_t base = rng.pick(kAmounts[static_cast<int>(tier)]);
  if (december && rng.chance(0.3)) base *= 2;  // year-end generosity
  return dollars(base);
}

double gifts_per_year(Tier tier, bool church, bool recurring) {
  double rate = church ? 3.0 : kGiftsPerYear[static_cast<int>(tier)];
  return recurring ? rate * 0.35 : rate;
}

std::string payment_method(Rng& rng, const Constituent& c, std::int64_t amount) {
  if (c.country == "KR") return "wire";
  if (c.organization_type) {
    if (*c.organization_type == "foundation") return rng.chance(0.7) ? "check" : "wire";
    return rng.chance(0.8) ? "check" : "ach";
  }
  if (amount >= dollars(5000) && rng.chance(0.4)) return "stock";
  static const std::vector<double> kWeights = {40, 42, 12, 6};
  static const char* kMethods[] = {"check", "card", "ach", "cash"};
  std::string method = kMethods[rng.weighted(kWeights)];
  if (method == "cash" && amount > dollars(200)) method = "check";  // nobody mails $500 in cash
  return method;
}

int random_fund(Rng& rng, const Constituent& c) {
  bool church = c.organization_type && *c.organization_type == "church";
  static const std::vector<double> kPeople = {28, 18, 12, 42};
  static const std::vector<double> kChurches = {15, 15, 50, 20};
  return static_cast<int>(rng.weighted(church ? kChurches : kPeople));
}

// Converts a gift made in CAD or KRW to its base (USD) amount at a fixed demo rate.
void set_currency(Gift& g, const std::string& currency, std::int64_t usd_minor) {
  if (currency == "USD") return;
  const char* rate = currency == "CAD" ? "0.7300" : "0.00072";
  // Amount in the donor's currency: KRW has no minor unit, CAD has cents.
  std::int64_t amount = currency == "CAD" ? usd_minor * 137 / 100 / 500 * 500
                                          : usd_minor / 100 * 1400 / 10000 * 10000;
  if (amount <= 0) amount = currency == "CAD" ? 2500 : 50000;
  auto base = domain::convert(sdk::Money{amount, currency}, "USD", rate);
  g.currency = currency;
  g.amount_minor = amount;
  g.exchange_rate = rate;
  g.base_amount_minor = base ? base->minor : usd_minor;
  for (Allocation& a : g.allocations) a.amount_minor = 0;
  g.allocations.resize(1);
  g.allocations[0].amount_minor = amount;
}

}  // namespace

void generate_gifts(Rng& rng, DemoData& d) {
  std::vector<bool> recurring(d.constituents.size(), false);
  for (const Plan& p : d.plans) recurring[static_cast<std::size_t>(p.who)] = true;
  for (std::size_t i = 0; i < d.constituents.size(); ++i) {
    const Constituent& c = d.constituents[i];
    int who = static_cast<int>(i);
    if (c.tier == Tier::kProspect && (c.in_household || !c.stage || *c.stage == "identify"))
      continue;
    if (c.do_not_solicit && c.in_household) continue;
    bool church = c.organization_type && *c.organization_type == "church";
    domain::Date from = std::max(c.since, d.start);
    domain::Date to = d.today;
    if (rng.chance(0.15)) to = random_day(rng, from, d.today.add_days(-400));  // lapsed donor
    if (to < from) continue;
    double years = static_cast<double>(from.days_until(to) + 1) / 365.0;
    double expected = gifts_per_year(c.tier, church, recurring[i]) * years;
    int count = static_cast<int>(expected + rng.unit());
    if (count == 0 && rng.chance(0.5)) count = 1;
    for (int k = 0; k < count; ++k) {
      domain::Date day = seasonal_day(rng, from, to);
      std::int64_t amount = random_amount(rng, c.tier, day.month() == 12);
      std::string method = payment_method(rng, c, amount);
      Gift g = make_gift(who, day, amount, random_fund(rng, c), method);
      if (method == "check") g.check_number = std::to_string(rng.range(1001, 9999));
      if (method == "card") g.fee_minor = amount * 22 / 1000 + 30;
      if (amount >= dollars(100) && rng.chance(0.1)) {  // split between two funds
        int other = (g.allocations[0].fund + 1 + rng.range(0, 2)) % 4;
        std::int64_t part = amount * rng.range(2, 5) / 10 / 100 * 100;
        g.allocations[0].amount_minor = amount - part;
        g.allocations.push_back({other, part, 0});
      }
      if (c.country == "CA" || c.country == "KR") {
        set_currency(g, c.country == "CA" ? "CAD" : "KRW", amount);
      }
      g.campaign = campaign_on(d, g.received_on);
      if (g.campaign >= 0 && rng.chance(0.8)) {
        g.appeal = appeal_for(rng, d, g.campaign);
      } else {
        g.campaign = -1;
      }
      if (rng.chance(0.03)) {
        g.tribute_type = rng.chance(0.6) ? "in_memory" : "in_honor";
        g.tribute_name = c.korean ? "어머니 박순자" : "Margaret Collins";
      }
      g.anonymous = c.anonymous_giver;
      d.gifts.push_back(std::move(g));
    }
    // Major donors: one large gift a year, nearly always at year end.
    if (c.tier == Tier::kMajor) {
      for (int y = from.year(); y <= to.year(); ++y) {
        bool year_end = rng.chance(0.7);
        domain::Date day = year_end ? domain::Date(y, 12, static_cast<unsigned>(rng.range(10, 31)))
                                    : domain::Date(y, static_cast<unsigned>(rng.range(2, 10)),
                                                   static_cast<unsigned>(rng.range(1, 28)));
        if (day < from || day > to) continue;
        static const std::vector<std::int64_t> kMajor = {5000, 5000, 7500, 10000, 15000};
        std::int64_t amount = dollars(year_end ? rng.pick(kMajor) : rng.range(5, 10) * 1000);
        Gift g = make_gift(who, day, amount, rng.chance(0.5) ? kTransport : kGeneral,
                           payment_method(rng, c, amount));
        if (g.payment_method == "check") g.check_number = std::to_string(rng.range(1001, 9999));
        g.campaign = campaign_on(d, g.received_on);
        if (g.campaign >= 0) g.appeal = appeal_for(rng, d, g.campaign);
        g.notes = "Major gift: personal thank-you from the director.";
        if (c.country == "CA" || c.country == "KR") {
          set_currency(g, c.country == "CA" ? "CAD" : "KRW", amount);
        }
        d.gifts.push_back(std::move(g));
      }
    }
  }
}

}  // namespace steward::engine::demo
