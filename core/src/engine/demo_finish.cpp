// After every gift exists: order them by day, refund a few, acknowledge and receipt the ones a
// diligent office would have thanked by now, and add soft credits (head and spouse for the
// household's gifts, the spouse for a member's own gift, a member for a church's gift).
#include <algorithm>
#include <cstdio>
#include <map>
#include <string>

#include "domain/money.hpp"
#include "engine/demo_data.hpp"

namespace steward::engine::demo {
namespace {

void refund(Gift& g, std::int64_t amount, std::int64_t base_amount, const char* why) {
  std::vector<std::int64_t> weights;
  for (const Allocation& a : g.allocations) weights.push_back(a.amount_minor);
  std::vector<std::int64_t> parts = domain::split_proportionally(amount, weights);
  for (std::size_t i = 0; i < g.allocations.size(); ++i) g.allocations[i].refunded_minor = parts[i];
  g.refunded_minor = amount;
  g.base_refunded_minor = base_amount;
  g.status = amount == g.amount_minor ? "refunded" : "partially_refunded";
  g.notes = why;
}

}  // namespace

void finish_gifts(Rng& rng, DemoData& d) {
  std::stable_sort(d.gifts.begin(), d.gifts.end(),
                   [](const Gift& a, const Gift& b) { return a.received_on < b.received_on; });

  // Households' current members, and churches' members (from the relationships).
  std::map<int, std::vector<int>> household_members, church_members;
  for (const HouseholdMember& m : d.household_members) {
    if (m.role == "head" || m.role == "spouse") household_members[m.household].push_back(m.member);
  }
  std::map<int, int> spouse_of;  // head <-> spouse
  for (const auto& [household, members] : household_members) {
    if (members.size() == 2) {
      spouse_of[members[0]] = members[1];
      spouse_of[members[1]] = members[0];
    }
  }
  for (const Relationship& r : d.relationships) {
    if (r.type == "Church") church_members[r.to].push_back(r.from);
  }

  std::map<int, int> receipts_per_year;
  domain::Date ack_cutoff = d.today.add_days(-10);
  for (Gift& g : d.gifts) {
    const Constituent& c = d.constituents[static_cast<std::size_t>(g.who)];
    // Refunds: a duplicate card charge, a returned check, a partial refund of a split gift.
    if (g.pledge < 0 && g.payment_method != "stock") {
      double x = rng.unit();
      if (x < 0.006 && g.payment_method == "card") {
        refund(g, g.amount_minor, g.base_amount_minor, "Refunded: duplicate card charge.");
      } else if (x < 0.010 && g.payment_method == "check") {
        refund(g, g.amount_minor, g.base_amount_minor, "Check returned by the bank.");
      } else if (x < 0.013 && g.amount_minor >= 10000 && g.currency == "USD") {
        std::int64_t half = g.amount_minor / 2;
        refund(g, half, half, "Partial refund at the donor's request.");
      }
    }
    domain::Date day = domain::Date::parse(g.received_on).value();
    bool thanked = day < ack_cutoff ? !rng.chance(0.02) : rng.chance(0.4);
    if (g.status != "refunded" && thanked) {
      domain::Date on = std::min(day.add_days(rng.range(1, 6)), d.today);
      g.acknowledged_at = at_time(on, rng.range(9, 17), rng.range(0, 59));
      g.acknowledgment_method = c.do_not_email ? "letter" : (rng.chance(0.6) ? "email" : "letter");
      if (g.tribute_type || g.amount_minor >= 500000) g.acknowledgment_method = "letter";
      char receipt[32];
      std::snprintf(receipt, sizeof receipt, "%04d-%05d", day.year(),
                    ++receipts_per_year[day.year()]);
      g.receipt_number = d.key_prefix + receipt;
    }
    std::int64_t credit = g.amount_minor - g.refunded_minor;  // in the gift's currency
    if (credit <= 0) continue;
    if (c.kind == "household") {
      for (int m : household_members[g.who])
        g.soft_credits.push_back({m, credit, "household_member"});
    } else if (auto spouse = spouse_of.find(g.who); spouse != spouse_of.end()) {
      g.soft_credits.push_back({spouse->second, credit, "household_member"});
    } else if (c.organization_type && *c.organization_type == "church") {
      const std::vector<int>& members = church_members[g.who];
      if (!members.empty() && rng.chance(0.6)) {
        g.soft_credits.push_back({rng.pick(members), credit, "church"});
      }
    }
  }
}

}  // namespace steward::engine::demo
