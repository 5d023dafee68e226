#include "engine/duplicate_finder.hpp"

#include <algorithm>
#include <cstdint>
#include <unordered_map>
#include <unordered_set>

#include "domain/name_normalizer.hpp"
#include "store/row_reader.hpp"

namespace steward::engine::duplicates {
namespace {

constexpr Rule kAllRules[] = {Rule::kEmail, Rule::kPhone, Rule::kNamePostal, Rule::kNameStreet};

struct Person {
  long long id;
  std::string display_name;
  std::string name_key;
};

// Everything the rules look at, read in one pass per table.
struct Snapshot {
  std::vector<Person> people;
  std::unordered_map<long long, std::uint32_t> index;  // constituent id -> people[]
  std::vector<std::pair<std::uint32_t, std::string>> emails;
  std::vector<std::pair<std::uint32_t, std::string>> phones;
  std::vector<std::pair<std::uint32_t, std::string>> name_postal;
  std::vector<std::pair<std::uint32_t, std::string>> name_street;
};

void duplicates_load(store::Unit& unit, const std::vector<RuleWeight>& rules, Snapshot& s) {
  auto wants = [&](Rule r) {
    return std::any_of(rules.begin(), rules.end(),
                       [&](const RuleWeight& w) { return w.rule == r; });
  };
  soci::rowset<soci::row> people =
      (unit.sql().prepare << "SELECT id, display_name, first_name, last_name, organization_name "
                             "FROM constituents WHERE deleted_at IS NULL AND "
                             "merged_into_id IS NULL AND erased_at IS NULL");
  for (const soci::row& row : people) {
    store::RowReader r(row);
    Person p;
    p.id = r.integer();
    p.display_name = r.text();
    auto first = r.opt_text();
    auto last = r.opt_text();
    auto org = r.opt_text();
    if (first || last) {
      p.name_key = domain::person_name_key(first.value_or(""), last.value_or(""));
    } else {
      p.name_key = domain::name_key(org ? *org : p.display_name);
    }
    s.index.emplace(p.id, static_cast<std::uint32_t>(s.people.size()));
    s.people.push_back(std::move(p));
  }
  if (wants(Rule::kEmail)) {
    soci::rowset<soci::row> rows =
        (unit.sql().prepare << "SELECT constituent_id, email FROM emails");
    for (const soci::row& row : rows) {
      store::RowReader r(row);
      auto it = s.index.find(r.integer());
      if (it == s.index.end()) continue;
      std::string key = domain::normalize_email(r.text());
      if (!key.empty()) s.emails.emplace_back(it->second, std::move(key));
    }
  }
  if (wants(Rule::kPhone)) {
    soci::rowset<soci::row> rows =
        (unit.sql().prepare << "SELECT constituent_id, phone FROM phones");
    for (const soci::row& row : rows) {
      store::RowReader r(row);
      auto it = s.index.find(r.integer());
      if (it == s.index.end()) continue;
      std::string key = domain::normalize_phone(r.text());
      if (!key.empty()) s.phones.emplace_back(it->second, std::move(key));
    }
  }
  if (wants(Rule::kNamePostal) || wants(Rule::kNameStreet)) {
    soci::rowset<soci::row> rows =
        (unit.sql().prepare << "SELECT constituent_id, line1, postal_code FROM addresses");
    for (const soci::row& row : rows) {
      store::RowReader r(row);
      auto it = s.index.find(r.integer());
      if (it == s.index.end()) continue;
      const std::string& name = s.people[it->second].name_key;
      if (name.empty()) continue;
      std::string line1 = r.text();
      std::string postal = domain::normalize_postal(r.opt_text().value_or(""));
      if (!postal.empty()) s.name_postal.emplace_back(it->second, name + '\x1f' + postal);
      std::string street = domain::normalize_street(line1);
      if (!street.empty()) s.name_street.emplace_back(it->second, name + '\x1f' + street);
    }
  }
}

std::uint64_t pair_key(std::uint32_t a, std::uint32_t b) {
  if (a > b) std::swap(a, b);
  return (static_cast<std::uint64_t>(a) << 32) | b;
}

// Groups (person, key) entries by key and marks `bit` on every pair inside a block.
void block(const std::vector<std::pair<std::uint32_t, std::string>>& entries, unsigned bit,
           std::size_t max_block, std::unordered_map<std::uint64_t, unsigned>& pairs) {
  std::unordered_map<std::string_view, std::vector<std::uint32_t>> groups;
  groups.reserve(entries.size());
  for (const auto& [person, key] : entries) {
    auto& members = groups[key];
    if (std::find(members.begin(), members.end(), person) == members.end())
      members.push_back(person);
  }
  for (const auto& [key, members] : groups) {
    if (members.size() < 2 || members.size() > max_block) continue;
    for (std::size_t i = 0; i < members.size(); ++i)
      for (std::size_t j = i + 1; j < members.size(); ++j)
        pairs[pair_key(members[i], members[j])] |= bit;
  }
}

}  // namespace

const char* rule_name(Rule rule) {
  switch (rule) {
    case Rule::kEmail:
      return "email";
    case Rule::kPhone:
      return "phone";
    case Rule::kNamePostal:
      return "name_postal";
    case Rule::kNameStreet:
      return "name_street";
  }
  return "unknown";
}

Result<Rule> parse_rule(std::string_view name) {
  for (Rule r : kAllRules)
    if (name == rule_name(r)) return r;
  return Status::invalid_field("rules", "unknown rule '" + std::string(name) +
                                            "' (use email, phone, name_postal, name_street)");
}

int default_weight(Rule rule) {
  switch (rule) {
    case Rule::kEmail:
      return 60;
    case Rule::kPhone:
      return 40;
    case Rule::kNamePostal:
      return 50;
    case Rule::kNameStreet:
      return 60;
  }
  return 0;
}

Result<std::vector<Candidate>> find(store::Unit& unit, const FinderOptions& options) {
  std::vector<RuleWeight> rules = options.rules;
  if (rules.empty())
    for (Rule r : kAllRules) rules.push_back({r, default_weight(r)});
  for (std::size_t i = 0; i < rules.size(); ++i) {
    if (rules[i].weight < 1)
      return Status::invalid_field(
          "rules", std::string("weight of ") + rule_name(rules[i].rule) + " must be at least 1");
    for (std::size_t j = 0; j < i; ++j)
      if (rules[j].rule == rules[i].rule)
        return Status::invalid_field("rules",
                                     std::string(rule_name(rules[i].rule)) + " is listed twice");
  }
  if (options.min_score < 1) return Status::invalid_field("min_score", "must be at least 1");
  if (options.limit < 0) return Status::invalid_field("limit", "must not be negative");

  Snapshot s;
  duplicates_load(unit, rules, s);
  std::unordered_map<std::uint64_t, unsigned> pairs;
  for (const RuleWeight& w : rules) {
    unsigned bit = 1u << static_cast<unsigned>(w.rule);
    switch (w.rule) {
      case Rule::kEmail:
        block(s.emails, bit, options.max_block, pairs);
        break;
      case Rule::kPhone:
        block(s.phones, bit, options.max_block, pairs);
        break;
      case Rule::kNamePostal:
        block(s.name_postal, bit, options.max_block, pairs);
        break;
      case Rule::kNameStreet:
        block(s.name_street, bit, options.max_block, pairs);
        break;
    }
  }

  std::vector<Candidate> out;
  for (const auto& [key, bits] : pairs) {
    Candidate c;
    for (const RuleWeight& w : rules) {
      if (bits & (1u << static_cast<unsigned>(w.rule))) {
        c.score += w.weight;
        c.matched.push_back(w.rule);
      }
    }
    if (c.score < options.min_score) continue;
    const Person& a = s.people[key >> 32];
    const Person& b = s.people[key & 0xffffffffu];
    const Person& lo = a.id < b.id ? a : b;
    const Person& hi = a.id < b.id ? b : a;
    c.first_id = lo.id;
    c.second_id = hi.id;
    c.first_name = lo.display_name;
    c.second_name = hi.display_name;
    std::sort(c.matched.begin(), c.matched.end());
    out.push_back(std::move(c));
  }
  std::sort(out.begin(), out.end(), [](const Candidate& x, const Candidate& y) {
    if (x.score != y.score) return x.score > y.score;
    if (x.first_id != y.first_id) return x.first_id < y.first_id;
    return x.second_id < y.second_id;
  });
  if (options.limit > 0 && static_cast<int>(out.size()) > options.limit) out.resize(options.limit);
  return out;
}

}  // namespace steward::engine::duplicates
