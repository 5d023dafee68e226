// Relationships between constituents. One row per relationship, holding the type from each
// side; list_for() returns every relationship of a constituent with the type as seen from it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/relationship.hpp"
#include "store/database.hpp"

namespace steward::store::relationships {

// A relationship as seen from one constituent.
struct Relationship {
  long long id = 0;
  long long constituent_id = 0;  // the constituent looking
  long long related_id = 0;      // the other one
  std::string related_name;      // the other one's display name
  std::string type;              // from constituent_id's side: "child_of"
  std::optional<std::string> started_on;
  std::optional<std::string> ended_on;
  std::optional<std::string> notes;
};

// Errors: kInvalid (names the field), kNotFound (either constituent), kConflict (the same
// relationship already exists, from either side).
Result<Relationship> create(Unit& unit, const domain::RelationshipInput& input);
// Errors: kNotFound.
Status remove(Unit& unit, long long relationship_id);
// Every relationship of the constituent, oldest first, typed from its side.
Result<std::vector<Relationship>> list_for(Unit& unit, long long constituent_id);

}  // namespace steward::store::relationships
