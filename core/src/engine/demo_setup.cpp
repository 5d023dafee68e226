// The demo organisation's funds (its programs and their monthly needs), its campaigns and
// appeals, and small helpers the other generators share.
#include <cstdio>
#include <string>

#include "engine/demo_data.hpp"

namespace steward::engine::demo {

std::string at_time(const domain::Date& day, int hour, int minute) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d:00Z", day.to_string().c_str(), hour, minute);
  return buf;
}

domain::Date random_day(Rng& rng, const domain::Date& from, const domain::Date& to) {
  int span = from.days_until(to);
  if (span <= 0) return from;
  return from.add_days(static_cast<int>(rng.below(static_cast<std::uint64_t>(span) + 1)));
}

int campaign_on(const DemoData& d, const std::string& day) {
  for (std::size_t i = 0; i < d.campaigns.size(); ++i) {
    if (d.campaigns[i].starts_on <= day && day <= d.campaigns[i].ends_on) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

int appeal_for(Rng& rng, const DemoData& d, int campaign) {
  std::vector<int> options;
  for (std::size_t i = 0; i < d.appeals.size(); ++i) {
    if (d.appeals[i].campaign == campaign) options.push_back(static_cast<int>(i));
  }
  return options.empty() ? -1 : rng.pick(options);
}

Gift make_gift(int who, const domain::Date& day, std::int64_t amount, int fund,
               const std::string& method) {
  Gift g;
  g.who = who;
  g.received_on = day.to_string();
  g.amount_minor = amount;
  g.base_amount_minor = amount;
  g.payment_method = method;
  g.allocations.push_back({fund, amount, 0});
  return g;
}

void generate_funds(DemoData& d) {
  d.funds = {
      {"MEDICAL", "Financial and Medical Support", "Medical Support",
       "Rent, food, medicine and clinic visits for a woman in hiding. $50 a month supports one "
       "woman for a month.",
       5000, 12, true},
      {"TRANSPORT", "Secure Transportation", "Establishing Safety",
       "Safe passage out of hiding to a third country: trusted guides, safe houses and travel. "
       "$200 a month funds one stage of a journey.",
       20000, 3, true},
      {"CHURCH", "Community and Church-Building", "Spiritual Guidance and Counseling",
       "House-church gatherings, Bible study, counseling and a community that welcomes women "
       "after rescue. $1,000 a month.",
       100000, 25, true},
      {"GENERAL", "General Fund", "Training for Future Stability",
       "Where the need is greatest, including job training and language classes after "
       "resettlement.",
       std::nullopt, std::nullopt, false},
  };
}

void generate_campaigns(DemoData& d) {
  std::string first = d.start.to_string(), last = d.today.to_string();
  for (int y = d.start.year(); y <= d.today.year(); ++y) {
    std::string ys = std::to_string(y);
    struct Window {
      const char* code;
      const char* name;
      const char* from;
      const char* to;
      std::int64_t goal;
      const char* description;
    };
    const Window windows[] = {
        {"SR", "Spring Rescue ", "-03-01", "-05-31", 2500000,
         "Spring appeal around Easter for rescue journeys before the summer crackdowns."},
        {"YE", "Year-End ", "-11-15", "-12-31", 6000000,
         "Year-end appeal: Giving Tuesday, the Christmas letter and church offerings."},
    };
    for (const Window& w : windows) {
      std::string starts = ys + w.from, ends = ys + w.to;
      if (starts > last || ends < first) continue;
      int index = static_cast<int>(d.campaigns.size());
      std::string code = std::string(w.code) + ys;
      d.campaigns.push_back({code, std::string(w.name) + ys, w.description, starts, ends, w.goal,
                             starts <= last && last <= ends});
      if (std::string(w.code) == "SR") {
        d.appeals.push_back({index, code + "-MAIL", "Spring Rescue " + ys + " letter", "mail",
                             starts, ends, w.goal / 2});
        d.appeals.push_back({index, code + "-EMAIL", "Spring Rescue " + ys + " e-mail", "email",
                             starts, ends, w.goal / 4});
        d.appeals.push_back({index, code + "-EASTER", "Easter Sunday church insert " + ys, "event",
                             starts, ends, w.goal / 4});
      } else {
        d.appeals.push_back({index, code + "-MAIL", "Year-End " + ys + " Christmas letter", "mail",
                             starts, ends, w.goal / 2});
        d.appeals.push_back({index, code + "-GT", "Giving Tuesday " + ys, "online", starts,
                             ys + "-12-05", w.goal / 4});
        d.appeals.push_back({index, code + "-EMAIL", "Year-End " + ys + " e-mail", "email", starts,
                             ends, w.goal / 4});
      }
    }
  }
}

}  // namespace steward::engine::demo
