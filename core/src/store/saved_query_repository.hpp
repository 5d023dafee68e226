// Saved analytics queries (table analytics_saved_queries, migration 0025). Every function runs
// inside the caller's unit of work; writes validate first (domain::validate; the query's
// meaning is checked by the caller with engine::analytics::parse_query), write nothing on
// error, and append to the audit trail. Who may see or change a query is decided here too:
// a user sees their own and the shared ones (an admin sees all); only the owner or an admin
// changes or deletes one.
#pragma once

#include <vector>

#include "domain/saved_query.hpp"
#include "store/database.hpp"

namespace steward::store::saved_queries {

// Who is asking: the user's id and whether they are an admin.
struct Viewer {
  long long user_id = 0;
  bool admin = false;
};

// The queries `viewer` may see, by name then id. At most 500 (a team's list, not a table).
Result<std::vector<domain::SavedQuery>> list(Unit& unit, const Viewer& viewer);
// Errors: kNotFound when there is no such query or `viewer` may not see it.
Result<domain::SavedQuery> get(Unit& unit, const Viewer& viewer, long long id);
// Saved for viewer.user_id. Errors: kInvalid naming the field; kConflict when the owner already
// has a query of that name.
Result<domain::SavedQuery> create(Unit& unit, const Viewer& viewer,
                                  const domain::SavedQueryInput& input);
// Replaces name, query and shared. Errors: kNotFound, kPermissionDenied (visible but neither the
// owner nor an admin), kInvalid, kConflict.
Result<domain::SavedQuery> update(Unit& unit, const Viewer& viewer, long long id,
                                  const domain::SavedQueryInput& input);
// Errors: kNotFound, kPermissionDenied.
Status remove(Unit& unit, const Viewer& viewer, long long id);

}  // namespace steward::store::saved_queries
