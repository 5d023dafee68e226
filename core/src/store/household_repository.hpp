// Households: a household is a constituent of kind "household"; people belong to it through
// household_members rows. Leaving a household ends the membership (ended_on is set) and keeps
// the row as history; a person has at most one current household.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/constituent.hpp"
#include "store/database.hpp"

namespace steward::store::households {

struct Membership {
  long long id = 0;
  long long household_id = 0;
  long long member_id = 0;
  std::string member_name;      // the member's display name
  std::string role = "member";  // head | spouse | partner | child | member
  std::optional<std::string> started_on;
  std::optional<std::string> ended_on;  // set when the member left
  // When the member's personal data was erased (UTC), else nullopt; not part of the audit image.
  std::optional<std::string> member_erased_at;
};

struct HouseholdInput {
  std::optional<std::string> name;  // empty: "The <first member's last name> Household"
  std::vector<long long> member_ids;
};

// Creates the household constituent and its current memberships. Errors: kInvalid (names the
// field: "name", "member_ids"), kNotFound (a member), kConflict (a member already has a current
// household).
Result<domain::Constituent> create(Unit& unit, const HouseholdInput& input);
// Errors: kInvalid ("role", or "member_id" when the member is not an individual), kNotFound,
// kConflict (the person already has a current household).
Result<Membership> add_member(Unit& unit, long long household_id, long long member_id,
                              const std::string& role = "member");
// Ends the current membership today. Errors: kNotFound (no current membership).
Status remove_member(Unit& unit, long long household_id, long long member_id);
// Current members, oldest membership first.
Result<std::vector<Membership>> members(Unit& unit, long long household_id);
// Every membership, current and past, oldest first.
Result<std::vector<Membership>> history(Unit& unit, long long household_id);
// The person's current household membership, if any.
Result<std::optional<Membership>> household_of(Unit& unit, long long member_id);

}  // namespace steward::store::households
