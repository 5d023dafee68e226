// Interactions in the database (store::interactions): calls, meetings, visits and notes with a
// constituent. Lists are in date order (occurred_at, then id) and leave restricted
// interactions out unless ListOptions::include_restricted. Deletes are soft (deleted_at).
// Writes validate, write nothing on error and are audited.
#pragma once

#include <vector>

#include "domain/interaction.hpp"
#include "store/database.hpp"

namespace steward::store::interactions {

struct ListOptions {
  bool include_restricted = false;
  bool newest_first = false;
};

// Errors: kInvalid (names the field; also an unknown constituent).
Result<domain::Interaction> create(Unit& unit, domain::InteractionInput input);
// Errors: kNotFound (also deleted).
Result<domain::Interaction> get(Unit& unit, long long id);
// Replaces every field. Errors: kInvalid, kNotFound.
Result<domain::Interaction> update(Unit& unit, long long id, domain::InteractionInput input);
// Soft delete. Errors: kNotFound.
Status remove(Unit& unit, long long id);
Result<std::vector<domain::Interaction>> list_for(Unit& unit, long long constituent_id,
                                                  const ListOptions& options);

}  // namespace steward::store::interactions
