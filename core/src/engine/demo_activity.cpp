// The relationship around the gifts: calls, meetings, visits and notes (a few restricted: field
// news shared in confidence), tasks for the development team (some overdue), and moves-
// management stage history for donors being cultivated.
#include <algorithm>
#include <string>

#include "engine/demo_data.hpp"

namespace steward::engine::demo {
namespace {

struct Staff {
  const char* name;
  const char* user;
};
const Staff kStaff[] = {{"Grace Lee", "grace"}, {"Daniel Park", "daniel"}, {"Sarah Kim", "sarah"}};

struct ActivityTemplate {
  const char* kind;
  const char* summary;
  const char* details;
};
const ActivityTemplate kInteractions[] = {
    {"call", "Thank-you call for their gift", "Grateful; asked how the women are doing."},
    {"call", "Welcome call to a new monthly sponsor", "Explained how $50 a month is used."},
    {"meeting", "Coffee to share a field update", "Interested in Secure Transportation."},
    {"meeting", "Lunch: talked about the Spring Rescue appeal", nullptr},
    {"visit", "Presented the ministry at Sunday service", "Mission committee wants a follow-up."},
    {"email", "Sent the monthly prayer letter", nullptr},
    {"letter", "Handwritten thank-you note", nullptr},
    {"note", "Prefers a text message before calls", nullptr},
    {"note", "Asked for the Korean-language newsletter (한국어 소식지 요청)", nullptr},
    {"call", "Asked about a year-end giving statement", "Sent the statement by e-mail."},
};

}  // namespace

void generate_activity(Rng& rng, DemoData& d) {
  int n = static_cast<int>(d.constituents.size());
  for (int who = 0; who < n; ++who) {
    const Constituent& c = d.constituents[static_cast<std::size_t>(who)];
    if (c.do_not_solicit && c.in_household) continue;
    int count = 0;
    if (c.tier == Tier::kMajor || c.tier == Tier::kLarge)
      count = rng.range(2, 5);
    else if (c.tier == Tier::kMid || c.kind == "organization")
      count = rng.range(0, 3);
    else if (rng.chance(0.3))
      count = 1;
    for (int k = 0; k < count; ++k) {
      const Staff& s = rng.pick(kStaff);
      domain::Date day = random_day(rng, std::max(c.since, d.start), d.today);
      Interaction i{who,    "", at_time(day, rng.range(9, 17), rng.range(0, 59)),
                    s.name, "", std::nullopt,
                    false};
      if (rng.chance(0.08)) {
        i.kind = "meeting";
        i.summary = "Field update shared in confidence";
        i.details = "Discussed a family still in hiding. Do not copy into reports or letters.";
        i.restricted = true;
      } else {
        const ActivityTemplate& t = rng.pick(kInteractions);
        i.kind = t.kind;
        i.summary = t.summary;
        if (t.details) i.details = t.details;
      }
      d.interactions.push_back(std::move(i));
    }
  }

  // Tasks: thank-yous, card updates, invitations; past-due ones mostly done, some overdue.
  static const char* kTitles[] = {"Thank-you call", "Send year-end giving statement",
                                  "Invite to the spring prayer breakfast",
                                  "Ask about a Secure Transportation gift"};
  for (int k = 0; k < n / 8; ++k) {
    int who = static_cast<int>(rng.below(static_cast<std::uint64_t>(n)));
    const Constituent& c = d.constituents[static_cast<std::size_t>(who)];
    if (c.do_not_solicit) continue;
    const Staff& s = rng.pick(kStaff);
    domain::Date due = random_day(rng, d.today.add_days(-60), d.today.add_days(30));
    Task t{who,
           s.user,
           std::string(rng.pick(kTitles)) + ": " + c.display_name,
           std::nullopt,
           due.to_string(),
           "open",
           std::nullopt,
           at_time(due.add_days(-14), 9)};
    if (due < d.today && rng.chance(0.6)) {
      t.status = "done";
      t.completed_at = at_time(std::min(due.add_days(rng.range(-3, 2)), d.today), 16);
    } else if (rng.chance(0.05)) {
      t.status = "cancelled";
    }
    d.tasks.push_back(std::move(t));
  }
  // Donor care calls every monthly donor whose card is failing.
  for (const Plan& p : d.plans) {
    if (p.status != "failing") continue;
    const Constituent& c = d.constituents[static_cast<std::size_t>(p.who)];
    domain::Date due = domain::Date::parse(*p.next_expected_on).value().add_days(7);
    d.tasks.push_back({p.who, "sarah", "Update card details for monthly gift: " + c.display_name,
                       "The card was declined; ask for a new card or a bank transfer.",
                       due.to_string(), "open", std::nullopt, at_time(due.add_days(-7), 9)});
  }
  d.tasks.push_back({-1, "grace", "Prepare the quarterly board report", std::nullopt,
                     d.today.add_days(-3).to_string(), "open", std::nullopt,
                     at_time(d.today.add_days(-20), 9)});
  d.tasks.push_back({-1, "daniel", "Reconcile last month's deposits with the bank", std::nullopt,
                     d.today.add_days(7).to_string(), "open", std::nullopt,
                     at_time(d.today.add_days(-2), 9)});

  // Moves management: each cultivated donor walked the stages up to where they are now.
  static const char* kStages[] = {"identify", "qualify", "cultivate", "solicit", "steward"};
  for (int who = 0; who < n; ++who) {
    const Constituent& c = d.constituents[static_cast<std::size_t>(who)];
    if (!c.stage) continue;
    int target = 0;
    while (target < 5 && *c.stage != kStages[target]) ++target;
    domain::Date day = c.since;
    std::optional<std::string> from;
    for (int s = 0; s <= target && s < 5; ++s) {
      const Staff& staff = rng.pick(kStaff);
      d.stage_history.push_back({who, from, kStages[s], staff.user,
                                 s == 0 ? "Added to moves management" : "Moved after a visit",
                                 at_time(day, 10)});
      from = kStages[s];
      day = std::min(day.add_days(rng.range(30, 120)), d.today);
    }
  }
}

}  // namespace steward::engine::demo
