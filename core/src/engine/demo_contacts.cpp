// E-mail addresses, phones, postal addresses, church membership and employer relationships, and
// tags for the demo constituents.
#include <string>

#include "engine/demo_data.hpp"
#include "engine/demo_names.hpp"

namespace steward::engine::demo {
namespace {

// Area codes in the order of names::kUsPlaces.
const char* kAreaCodes[] = {"213", "714", "949", "408", "201", "718", "703", "770", "206", "253",
                            "312", "214", "713", "215", "303", "612", "615", "503", "630", "719"};
const char* kCanadianAreaCodes[] = {"416", "604", "403"};

std::string random_digits(Rng& rng, int n) {
  std::string s;
  for (int i = 0; i < n; ++i) s += static_cast<char>('0' + rng.range(0, 9));
  return s;
}

void add_phone(Rng& rng, DemoData& d, int who, std::size_t place, const std::string& country,
               const std::string& kind, bool primary) {
  std::string line = random_digits(rng, 2);
  if (country == "KR") {
    std::string mid = random_digits(rng, 4), end = random_digits(rng, 4);
    d.phones.push_back({who, "010-" + mid + "-" + end, "+8210" + mid + end, kind, primary});
    return;
  }
  std::string area = country == "CA" ? kCanadianAreaCodes[place % 3] : kAreaCodes[place % 20];
  // 555-01xx numbers are reserved for fiction.
  d.phones.push_back(
      {who, "(" + area + ") 555-01" + line, "+1" + area + "55501" + line, kind, primary});
}

struct Home {
  std::size_t place = 0;
  Address address;
};

Home make_home(Rng& rng, int who, const std::string& country, bool organization) {
  Home h;
  const std::vector<names::Place>& places =
      country == "KR" ? names::kKoreanPlaces
                      : (country == "CA" ? names::kCanadianPlaces : names::kUsPlaces);
  h.place = static_cast<std::size_t>(rng.below(places.size()));
  const names::Place& p = places[h.place];
  Address& a = h.address;
  a.who = who;
  a.kind = organization ? "work" : "home";
  a.city = p.city;
  a.region = p.region;
  a.country = p.country;
  a.primary = true;
  a.undeliverable = rng.chance(0.02);
  if (country == "KR") {
    a.line1 = rng.pick(names::kKoreanStreets) + " " + std::to_string(rng.range(1, 400));
    if (rng.chance(0.6))
      a.line2 =
          std::to_string(rng.range(1, 20)) + "동 " + std::to_string(rng.range(101, 1504)) + "호";
    a.postal_code = std::string(p.postal_prefix) + random_digits(rng, 4);
  } else if (country == "CA") {
    a.line1 = std::to_string(rng.range(10, 9999)) + " " + rng.pick(names::kStreets);
    const char* letters = "ABCEGHJKLMNPRSTVXY";
    a.postal_code = std::string(p.postal_prefix) + static_cast<char>(letters[rng.below(18)]) + " " +
                    random_digits(rng, 1) + static_cast<char>(letters[rng.below(18)]) +
                    random_digits(rng, 1);
  } else {
    a.line1 = std::to_string(rng.range(10, 19999)) + " " + rng.pick(names::kStreets);
    if (rng.chance(0.2))
      a.line2 = (organization ? "Suite " : "Apt ") + std::to_string(rng.range(1, 420));
    a.postal_code = std::string(p.postal_prefix) + random_digits(rng, 2);
  }
  return h;
}

void tag(DemoData& d, int who, int tag_index) { d.constituent_tags.push_back({who, tag_index}); }

}  // namespace

void generate_contacts(Rng& rng, DemoData& d) {
  d.tags = {"Prayer partner", "Board", "Volunteer", "Church partner", "Korean-speaking"};
  static const char* kDomains[] = {"gmail.com",  "yahoo.com", "outlook.com",
                                   "icloud.com", "naver.com", "hotmail.com"};
  int n = static_cast<int>(d.constituents.size());
  std::vector<Home> homes(static_cast<std::size_t>(n));
  int household = -1;
  int board = 0;
  std::vector<int> church_ids, korean_people, people, businesses;
  for (int who = 0; who < n; ++who) {
    Constituent& c = d.constituents[static_cast<std::size_t>(who)];
    bool organization = c.kind == "organization";
    if (c.kind == "household") household = who;
    // Members live at their household's address.
    if (c.in_household && household >= 0) {
      Home h = homes[static_cast<std::size_t>(household)];
      h.address.who = who;
      homes[static_cast<std::size_t>(who)] = h;
    } else {
      homes[static_cast<std::size_t>(who)] = make_home(rng, who, c.country, organization);
    }
    const Home& home = homes[static_cast<std::size_t>(who)];
    d.addresses.push_back(home.address);
    if (c.kind != "household" && !(c.in_household && c.do_not_solicit)) {
      std::string domain = organization
                               ? c.email_stem + ".org"
                               : (c.korean && rng.chance(0.3) ? "naver.com" : rng.pick(kDomains));
      std::string local = organization ? "office" : c.email_stem;
      if (rng.chance(0.92)) d.emails.push_back({who, local + "@" + domain, "home", true});
      if (!organization && rng.chance(0.1)) {
        d.emails.push_back({who, c.email_stem + "@work.example.com", "work", false});
      }
      if (rng.chance(0.8)) {
        add_phone(rng, d, who, home.place, c.country, organization ? "work" : "mobile", true);
      }
    } else if (c.kind == "household" && rng.chance(0.5)) {
      add_phone(rng, d, who, home.place, c.country, "home", true);
    }
    if (c.kind == "organization" && c.organization_type && *c.organization_type == "church") {
      church_ids.push_back(who);
      tag(d, who, 3);
    }
    if (c.kind == "organization" && c.organization_type && *c.organization_type == "business") {
      businesses.push_back(who);
    }
    if (c.kind == "individual" && !c.do_not_solicit) {
      people.push_back(who);
      if (c.korean) korean_people.push_back(who);
      if (rng.chance(0.25)) tag(d, who, 0);
      if (rng.chance(0.08)) tag(d, who, 2);
      if (board < 5 && !c.in_household && c.tier >= Tier::kMid && !c.restricted) {
        tag(d, who, 1);
        ++board;
      }
      if (c.korean && c.first_name && static_cast<unsigned char>((*c.first_name)[0]) >= 0xE0) {
        tag(d, who, 4);
      }
    } else if (c.kind == "household" && rng.chance(0.25)) {
      tag(d, who, 0);
    }
  }
  // Church members: Korean churches draw on Korean speakers, others on anyone.
  for (std::size_t i = 0; i < church_ids.size(); ++i) {
    int church = church_ids[i];
    bool korean = d.constituents[static_cast<std::size_t>(church)].korean;
    const std::vector<int>& pool = korean && !korean_people.empty() ? korean_people : people;
    if (pool.empty()) continue;
    int members = rng.range(3, 8);
    std::vector<int> chosen;
    for (int m = 0; m < members; ++m) {
      int who = rng.pick(pool);
      bool dup = false;
      for (int c : chosen) dup = dup || c == who;
      if (dup) continue;
      chosen.push_back(who);
      d.relationships.push_back({who, church, "Church", "Member"});
    }
  }
  for (int business : businesses) {
    for (int e = 0; e < 2 && !people.empty(); ++e) {
      d.relationships.push_back({rng.pick(people), business, "Employer", "Employee"});
    }
  }
  // A person could be drawn twice for one business; keep the first.
  std::vector<Relationship> unique;
  for (const Relationship& r : d.relationships) {
    bool dup = false;
    for (const Relationship& u : unique) dup = dup || (u.from == r.from && u.to == r.to);
    if (!dup) unique.push_back(r);
  }
  d.relationships = std::move(unique);
}

}  // namespace steward::engine::demo
