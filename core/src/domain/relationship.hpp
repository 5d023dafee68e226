// Typed relationships between two constituents, read from either side: a relationship stored
// as "A parent_of B" reads "B child_of A" from B's side.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "steward/sdk/result.hpp"

namespace steward::domain {

struct RelationshipInput {
  long long constituent_id = 0;
  long long related_id = 0;
  std::string type;  // as seen from constituent_id: "parent_of" = constituent is related's parent
  std::optional<std::string> started_on;
  std::optional<std::string> ended_on;
  std::optional<std::string> notes;
};

// The type read from the other side: spouse<->spouse, parent_of<->child_of,
// employee_of<->employer_of, member_of<->has_member, sibling<->sibling, other<->other.
// nullopt for an unknown type.
std::optional<std::string> reciprocal_type(std::string_view type);

// Errors name the field: "type" (unknown), "related_id" (self), "started_on"/"ended_on".
Status validate(const RelationshipInput& input);

}  // namespace steward::domain
