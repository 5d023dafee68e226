// A handful of pledges with installment schedules and the gifts that paid them: a church's
// year of $1,000 months for community-building, a foundation's quarterly grant, a year-end
// campaign pledge, one partly written off after the donor lost a job.
#include <algorithm>
#include <string>

#include "engine/demo_data.hpp"

namespace steward::engine::demo {
namespace {

struct PledgeTemplate {
  std::int64_t installment;  // minor units
  int count;
  int every_months;
  int fund;
  int months_ago;  // pledged this many months before today
  bool church;     // made by a church
  bool campaign;   // linked to the year-end campaign it was made in
  bool write_off;  // the last two installments are written off
  const char* note;
};

const PledgeTemplate kTemplates[] = {
    {100000, 12, 1, kChurchBuilding, 8, true, false, false,
     "Mission committee pledge: $1,000 a month for the house-church community."},
    {250000, 4, 3, kTransport, 14, false, false, false, "Quarterly grant toward rescue journeys."},
    {250000, 2, 6, kMedical, 5, false, false, false, "Two gifts, six months apart."},
    {20000, 12, 1, kTransport, 26, false, false, true, "Monthly pledge by check."},
    {200000, 3, 1, kGeneral, 11, false, true, false, "Year-end pledge, paid in three months."},
    {300000, 1, 1, kMedical, 1, false, false, false, "Promised at the fall prayer breakfast."},
};

}  // namespace

void generate_pledges(Rng& rng, DemoData& d) {
  std::vector<int> churches, generous;
  for (std::size_t i = 0; i < d.constituents.size(); ++i) {
    const Constituent& c = d.constituents[i];
    if (c.do_not_solicit || c.tier == Tier::kProspect) continue;
    bool church = c.organization_type && *c.organization_type == "church";
    if (church) churches.push_back(static_cast<int>(i));
    if (!church && (c.tier == Tier::kLarge || c.tier == Tier::kMajor)) {
      generous.push_back(static_cast<int>(i));
    }
  }
  for (const PledgeTemplate& t : kTemplates) {
    const std::vector<int>& pool = t.church ? churches : generous;
    if (pool.empty()) continue;
    int who = rng.pick(pool);
    domain::Date pledged = d.today.add_months(-t.months_ago);
    if (pledged < d.start) continue;
    Pledge p;
    p.who = who;
    p.amount_minor = t.installment * t.count;
    p.fund = t.fund;
    p.pledged_on = pledged.to_string();
    p.notes = t.note;
    if (t.campaign) {
      p.campaign = campaign_on(d, pledged.to_string());
      if (p.campaign < 0) p.campaign = campaign_on(d, pledged.add_months(1).to_string());
    }
    int index = static_cast<int>(d.pledges.size());
    std::int64_t paid = 0;
    for (int k = 0; k < t.count; ++k) {
      domain::Date due = pledged.add_months(1 + k * t.every_months, 1);
      p.installments.push_back({due.to_string(), t.installment});
      bool written_off = t.write_off && k >= t.count - 2;
      if (due > d.today || written_off) continue;
      domain::Date on = std::min(due.add_days(rng.range(0, 10)), d.today);
      Gift g = make_gift(who, on, t.installment, t.fund,
                         d.constituents[static_cast<std::size_t>(who)].kind == "organization"
                             ? "check"
                             : (rng.chance(0.5) ? "check" : "ach"));
      if (g.payment_method == "check") g.check_number = std::to_string(rng.range(1001, 9999));
      g.pledge = index;
      g.campaign = p.campaign;
      d.gifts.push_back(std::move(g));
      paid += t.installment;
    }
    if (t.write_off) {
      p.written_off_minor = p.amount_minor - paid;
      p.written_off_on = p.installments.back().due_on;
      p.write_off_reason = "Donor lost their job; released from the rest of the pledge.";
      p.status = "written_off";
    } else {
      p.status = paid >= p.amount_minor ? "fulfilled" : "open";
    }
    d.pledges.push_back(std::move(p));
  }
}

}  // namespace steward::engine::demo
