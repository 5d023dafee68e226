// Duplicate finding: scored candidate pairs of constituents for a person to review.
//
// The user picks rules and their weights; a pair's score is the sum of the weights of the rules
// it matches, and pairs scoring at least min_score are returned, best first. Deleted and
// already-merged constituents are never candidates.
//
// Speed: each table is read once; every rule builds a hash map from its normalised key to the
// constituents having it (blocking), and pairs are only formed inside a block, never all-pairs.
// A block larger than max_block (a shared office phone, "none@none.org") is skipped: it says
// nothing about identity and would produce n^2 pairs.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "steward/sdk/result.hpp"
#include "store/database.hpp"

namespace steward::engine::duplicates {

enum class Rule { kEmail, kPhone, kNamePostal, kNameStreet };

struct RuleWeight {
  Rule rule;
  int weight;
};

// "email", "phone", "name_postal", "name_street".
const char* rule_name(Rule rule);
Result<Rule> parse_rule(std::string_view name);
int default_weight(Rule rule);  // email 60, phone 40, name_postal 50, name_street 60

struct FinderOptions {
  // Empty means every rule with its default weight.
  std::vector<RuleWeight> rules;
  int min_score = 50;
  int limit = 0;  // 0: every pair
  std::size_t max_block = 50;
};

struct Candidate {
  long long first_id = 0;  // first_id < second_id
  long long second_id = 0;
  std::string first_name;  // display names
  std::string second_name;
  int score = 0;
  std::vector<Rule> matched;
};

// Errors: kInvalid naming "rules" (a weight below 1, a rule twice) or "min_score" (below 1).
Result<std::vector<Candidate>> find(store::Unit& unit, const FinderOptions& options);

}  // namespace steward::engine::duplicates
