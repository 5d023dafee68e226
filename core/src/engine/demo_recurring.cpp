// Monthly recurring donors ($50 sponsorships of a woman's support, $200 toward a journey, a
// church's $1,000 for community-building) with their installment gifts, and their history:
// some active, some failing after a declined card, some lapsed, paused or cancelled.
#include <algorithm>
#include <string>

#include "engine/demo_data.hpp"

namespace steward::engine::demo {
namespace {

struct Shape {
  std::int64_t amount;
  int fund;
};

unsigned random_anchor(Rng& rng) {
  if (rng.chance(0.2)) return static_cast<unsigned>(rng.range(29, 31));
  if (rng.chance(0.4)) return rng.chance(0.6) ? 1u : 15u;
  return static_cast<unsigned>(rng.range(1, 28));
}

std::int64_t card_fee(std::int64_t amount, const std::string& method) {
  if (method == "ach") return std::min<std::int64_t>(amount * 8 / 1000, 500);
  return amount * 22 / 1000 + 30;
}

}  // namespace

void generate_recurring(Rng& rng, DemoData& d) {
  std::vector<int> people, churches;
  for (std::size_t i = 0; i < d.constituents.size(); ++i) {
    const Constituent& c = d.constituents[i];
    if (c.tier == Tier::kProspect || c.do_not_solicit) continue;
    if (c.kind == "organization") {
      if (c.organization_type && *c.organization_type == "church")
        churches.push_back(static_cast<int>(i));
    } else {
      people.push_back(static_cast<int>(i));
    }
  }
  int wanted = std::max<int>(3, static_cast<int>(d.constituents.size()) * 9 / 100);
  std::vector<int> donors;
  for (int i = 0; i < wanted && !people.empty(); ++i) {
    std::size_t at = static_cast<std::size_t>(rng.below(people.size()));
    donors.push_back(people[at]);
    people.erase(people.begin() + static_cast<long>(at));
  }
  for (std::size_t i = 0; i < churches.size() && i < 2; ++i)
    donors.push_back(churches[i * 3 % churches.size()]);
  std::sort(donors.begin(), donors.end());
  donors.erase(std::unique(donors.begin(), donors.end()), donors.end());

  for (int who : donors) {
    const Constituent& c = d.constituents[static_cast<std::size_t>(who)];
    Shape shape;
    if (c.kind == "organization") {
      shape = {100000, kChurchBuilding};
    } else {
      static const std::vector<double> kShapeWeights = {55, 25, 12, 8};
      static const Shape kShapes[] = {
          {5000, kMedical}, {20000, kTransport}, {10000, kGeneral}, {2500, kGeneral}};
      shape = kShapes[rng.weighted(kShapeWeights)];
    }
    static const std::vector<double> kStatusWeights = {70, 7, 8, 10, 5};
    static const char* kStatuses[] = {"active", "failing", "lapsed", "cancelled", "paused"};
    std::string status = kStatuses[rng.weighted(kStatusWeights)];
    domain::Date earliest = std::max(c.since, d.start);
    domain::Date latest = d.today.add_days(status == "active" ? -5 : -150);
    if (latest < earliest) {
      status = "active";
      latest = d.today.add_days(-5);
      if (latest < earliest) continue;
    }
    domain::Date first_day = random_day(rng, earliest, latest);
    unsigned anchor = random_anchor(rng);
    domain::Date starts = first_day.add_months(0, anchor);
    if (starts < first_day) starts = first_day.add_months(1, anchor);
    if (starts > d.today) continue;

    Plan p;
    p.who = who;
    p.amount_minor = shape.amount;
    p.anchor_day = anchor;
    p.starts_on = starts.to_string();
    p.status = status;
    p.fund = shape.fund;
    p.payment_method = c.kind == "organization" || rng.chance(0.3) ? "ach" : "card";
    p.processor = "stripe";
    p.processor_reference = "sub_demo_" + d.key_prefix + std::to_string(1000 + d.plans.size());
    p.transitions.push_back({std::nullopt, "active", "created", at_time(starts.add_days(-1), 10)});

    // The last installment paid, by status.
    domain::Date stop = d.today;
    if (status == "failing") stop = d.today.add_days(-rng.range(35, 70));
    if (status == "paused") stop = d.today.add_days(-rng.range(20, 80));
    if (status == "lapsed") stop = d.today.add_days(-rng.range(100, 300));
    if (status == "cancelled") stop = random_day(rng, starts, d.today.add_days(-30));
    if (stop < starts) stop = starts;

    int plan_index = static_cast<int>(d.plans.size());
    domain::Date last_paid = starts, next = starts;
    for (int k = 0;; ++k) {
      domain::Date due = starts.add_months(k, anchor);
      if (due > stop) {
        next = due;
        break;
      }
      Gift g = make_gift(who, due, p.amount_minor, p.fund, p.payment_method);
      g.plan = plan_index;
      g.fee_minor = card_fee(p.amount_minor, p.payment_method);
      g.source = "stripe";
      g.external_id =
          "py_demo_" + d.key_prefix + std::to_string(plan_index) + "_" + std::to_string(k);
      d.gifts.push_back(std::move(g));
      last_paid = due;
    }
    p.last_paid_on = last_paid.to_string();
    std::string changed = at_time(next.add_days(1), 9);
    if (status == "active") {
      p.next_expected_on = next.to_string();
      p.status_changed_at = p.transitions.back().at;
    } else if (status == "failing") {
      p.next_expected_on = next.to_string();
      p.consecutive_failures = std::min(3, 1 + next.days_until(d.today) / 31);
      p.transitions.push_back({"active", "failing", "card declined: insufficient funds", changed});
      p.notes = "Card declined; donor care is calling to update the card.";
    } else if (status == "lapsed") {
      p.next_expected_on = next.to_string();
      p.consecutive_failures = 3;
      p.transitions.push_back({"active", "failing", "card expired", changed});
      p.transitions.push_back({"failing", "lapsed", "no payment for 90 days",
                               at_time(std::min(next.add_days(90), d.today), 9)});
    } else if (status == "cancelled") {
      p.ends_on = last_paid.add_days(rng.range(1, 20)).to_string();
      static const char* kWhy[] = {"donor asked to stop: moved to a fixed income",
                                   "donor now gives through their church",
                                   "donor asked to stop: changed jobs"};
      p.transitions.push_back(
          {"active", "cancelled", rng.pick(kWhy), at_time(last_paid.add_days(3), 14)});
    } else {  // paused
      p.transitions.push_back({"active", "paused", "donor asked to pause for three months",
                               at_time(last_paid.add_days(2), 11)});
      p.notes = "Pause requested by phone; resume after three months.";
    }
    p.status_changed_at = p.transitions.back().at;
    d.plans.push_back(std::move(p));
  }
}

}  // namespace steward::engine::demo
