// Constituents of the demo organisation: individuals (a third Korean names in Hangul, family
// name first), households of 2-4 members, churches, a few businesses and foundations.
#include <algorithm>
#include <string>

#include "engine/demo_data.hpp"
#include "engine/demo_names.hpp"

namespace steward::engine::demo {
namespace {

enum class Style { kHangul, kKoreanAmerican, kAmerican };

struct Name {
  std::string first, last;
  Style style;
  bool female;
};

std::string email_local_part(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == ' ' || c == '\'') c = '.';
  }
  return s;
}

Name random_name(Rng& rng, Style style, bool female, const std::string& last = "") {
  Name n{"", last, style, female};
  switch (style) {
    case Style::kHangul: {
      const auto& fam = rng.pick(names::kKoreanFamilies);
      if (n.last.empty()) n.last = fam.hangul;
      n.first = rng.pick(female ? names::kKoreanGivenFemale : names::kKoreanGivenMale);
      break;
    }
    case Style::kKoreanAmerican:
      if (n.last.empty()) n.last = rng.pick(names::kKoreanFamilies).latin;
      n.first = rng.pick(female ? names::kKoreanAmericanFemale : names::kKoreanAmericanMale);
      break;
    case Style::kAmerican:
      if (n.last.empty()) n.last = rng.pick(names::kAmericanLast);
      n.first = rng.pick(female ? names::kAmericanFemale : names::kAmericanMale);
      break;
  }
  return n;
}

// Romanised stem for an e-mail address (Hangul names get their family's Latin spelling).
std::string email_stem(Rng& rng, const Name& n) {
  if (n.style == Style::kHangul) {
    std::string latin = "kim";
    for (const auto& f : names::kKoreanFamilies) {
      if (n.last == f.hangul) latin = email_local_part(f.latin);
    }
    static const char* kStems[] = {"grace", "hope", "joy", "faith", "shalom", "blessed", "sky"};
    return std::string(rng.pick(kStems)) + "." + latin + std::to_string(rng.range(10, 99));
  }
  return email_local_part(n.first) + "." + email_local_part(n.last);
}

Tier random_tier(Rng& rng) {
  static const std::vector<double> kWeights = {12, 51, 25, 10, 2};
  return static_cast<Tier>(rng.weighted(kWeights));
}

std::string random_country(Rng& rng, bool korean) {
  double x = rng.unit();
  if (korean) return x < 0.10 ? "KR" : (x < 0.15 ? "CA" : "US");
  return x < 0.05 ? "CA" : "US";
}

void set_flags(Rng& rng, Constituent& c) {
  c.do_not_email = rng.chance(0.06);
  c.do_not_mail = rng.chance(0.03);
  c.do_not_call = rng.chance(0.08);
  c.do_not_solicit = rng.chance(0.02);
  c.anonymous_giver = rng.chance(0.04);
  c.restricted = rng.chance(0.02);
  static const char* kSources[] = {
      "Church presentation",   "Friend referral",  "Website",         "Year-end letter",
      "Korean church network", "Prayer breakfast", "Conference booth"};
  c.donor_source = rng.pick(kSources);
  if (c.tier == Tier::kProspect) {
    c.stage = rng.chance(0.5) ? "identify" : "qualify";
  } else if (c.tier == Tier::kLarge || c.tier == Tier::kMajor) {
    static const char* kStages[] = {"cultivate", "solicit", "steward", "steward"};
    c.stage = rng.pick(kStages);
  }
  if (c.restricted) {
    c.notes = "Former field partner. Restricted record: do not share name or contact details.";
  } else if (c.korean && rng.chance(0.4)) {
    c.notes = "Prefers Korean-language correspondence (한국어 우편물 선호).";
  }
}

domain::Date random_since(Rng& rng, const DemoData& d) {
  // Most donors were on file before the three years of giving start; the rest joined since.
  if (rng.chance(0.6)) return random_day(rng, d.start.add_days(-3 * 365), d.start);
  return random_day(rng, d.start, d.today.add_days(-10));
}

Style random_style(Rng& rng) {
  double x = rng.unit();
  return x < 0.34 ? Style::kHangul : (x < 0.55 ? Style::kKoreanAmerican : Style::kAmerican);
}

Constituent individual(Rng& rng, const Name& n, const DemoData& d) {
  Constituent c;
  c.kind = "individual";
  c.first_name = n.first;
  c.last_name = n.last;
  c.korean = n.style != Style::kAmerican;
  if (n.style == Style::kHangul) {
    c.display_name = n.last + n.first;  // 김영희
    c.sort_name = n.last + n.first;
    c.salutation = n.last + n.first + " 님";
    c.addressee = n.last + n.first + " 님";
  } else {
    c.display_name = n.first + " " + n.last;
    c.sort_name = n.last + ", " + n.first;
    c.salutation = n.first;
    c.addressee = n.first + " " + n.last;
  }
  c.tier = random_tier(rng);
  c.country = random_country(rng, c.korean);
  c.since = random_since(rng, d);
  c.email_stem = email_stem(rng, n);
  set_flags(rng, c);
  return c;
}

void add_household(Rng& rng, DemoData& d) {
  Style style = random_style(rng);
  bool head_female = rng.chance(0.3);
  Name head = random_name(rng, style, head_female);
  // Korean women keep their family name; Korean-American and American spouses share one.
  Name spouse = random_name(rng, style, !head_female, style == Style::kHangul ? "" : head.last);
  const std::string& family = head_female ? spouse.last : head.last;  // children's family name
  int size = rng.weighted({55, 30, 15}) + 2;                          // 2..4 members
  Constituent hh;
  hh.kind = "household";
  hh.korean = style != Style::kAmerican;
  if (style == Style::kHangul) {
    hh.display_name = head.last + head.first + " 가정";
    hh.addressee = head.last + head.first + "·" + spouse.last + spouse.first + " 님";
    hh.salutation = head.last + head.first + " 님 가정";
  } else {
    hh.display_name = head.last + " Household";
    hh.addressee = head.first + " and " + spouse.first + " " + head.last;
    hh.salutation = head.first + " and " + spouse.first;
  }
  hh.sort_name = hh.display_name;
  hh.last_name = head.last;
  hh.tier = random_tier(rng);
  if (hh.tier == Tier::kProspect) hh.tier = Tier::kSmall;
  hh.country = random_country(rng, hh.korean);
  hh.since = random_since(rng, d);
  hh.email_stem = email_stem(rng, head);
  set_flags(rng, hh);
  hh.restricted = false;
  int household = static_cast<int>(d.constituents.size());
  d.constituents.push_back(hh);
  std::vector<Name> members = {head, spouse};
  for (int i = 2; i < size; ++i)
    members.push_back(random_name(rng, style, rng.chance(0.5), family));
  for (int i = 0; i < size; ++i) {
    Constituent m = individual(rng, members[static_cast<std::size_t>(i)], d);
    m.in_household = true;
    m.country = hh.country;
    m.since = hh.since;
    m.tier = i < 2 && rng.chance(0.25) ? Tier::kSmall : Tier::kProspect;
    m.stage.reset();
    if (i >= 2) m.do_not_solicit = true;  // children are not asked
    int member = static_cast<int>(d.constituents.size());
    d.constituents.push_back(m);
    static const char* kRoles[] = {"head", "spouse"};
    d.household_members.push_back(
        {household, member, i < 2 ? kRoles[i] : "child", hh.since.to_string()});
  }
}

void add_organization(Rng& rng, DemoData& d, const std::string& name, const char* type,
                      bool korean) {
  Constituent c;
  c.kind = "organization";
  c.organization_name = name;
  c.organization_type = type;
  c.display_name = name;
  c.sort_name = name;
  c.korean = korean;
  c.addressee = name;
  c.tier = std::string(type) == "church" ? (rng.chance(0.3) ? Tier::kLarge : Tier::kMid)
                                         : (rng.chance(0.5) ? Tier::kMajor : Tier::kLarge);
  c.country = korean && rng.chance(0.15) ? "CA" : "US";
  c.since = random_since(rng, d);
  std::string stem;
  for (char ch : name) {
    if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z')) stem += ch;
  }
  c.email_stem =
      stem.empty() ? "church" + std::to_string(d.constituents.size()) : email_local_part(stem);
  set_flags(rng, c);
  c.restricted = false;
  c.anonymous_giver = false;
  d.constituents.push_back(c);
}

}  // namespace

void generate_people(Rng& rng, DemoData& d, int target) {
  int churches = std::max(2, target * 5 / 100);
  for (int i = 0; i < churches; ++i) {
    bool korean = i % 2 == 0;
    const auto& list = korean ? names::kKoreanChurches : names::kEnglishChurches;
    std::string name = list[static_cast<std::size_t>(i / 2) % list.size()];
    if (static_cast<std::size_t>(i / 2) >= list.size()) {
      name += " (" + std::string(rng.pick(names::kUsPlaces).city) + ")";
    }
    add_organization(rng, d, name, "church", korean);
  }
  int companies = std::min<int>(static_cast<int>(names::kBusinesses.size()), target / 60);
  for (int i = 0; i < companies; ++i) {
    add_organization(rng, d, names::kBusinesses[static_cast<std::size_t>(i)], "business", i < 3);
  }
  int foundations = std::min<int>(static_cast<int>(names::kFoundations.size()), target / 150);
  for (int i = 0; i < foundations; ++i) {
    add_organization(rng, d, names::kFoundations[static_cast<std::size_t>(i)], "foundation", false);
  }
  int households_left = target * 12 / 100;
  while (static_cast<int>(d.constituents.size()) < target) {
    int remaining = target - static_cast<int>(d.constituents.size());
    if (households_left > 0 && remaining >= 5 && rng.chance(0.3)) {
      add_household(rng, d);
      --households_left;
    } else {
      d.constituents.push_back(
          individual(rng, random_name(rng, random_style(rng), rng.chance(0.55)), d));
    }
  }
}

}  // namespace steward::engine::demo
