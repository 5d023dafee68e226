// Interactions in the database (store::interactions): calls, meetings, visits and notes with a
// constituent. Lists are in date order (occurred_at, then id) and leave restricted
// interactions out unless ListOptions::include_restricted. Deletes are soft (deleted_at).
// Writes validate, write nothing on error and are audited.
#pragma once

#include <vector>

#include "domain/interaction.hpp"
#include "store/database.hpp"
#include "store/page.hpp"

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

// One page of a constituent's timeline, keyset-paged on (occurred_at, id): newest first by
// default, oldest first with newest_first = false. page.after_id is the id of the last row of
// the previous page (next_after_id); the cursor row's occurred_at is looked up, so pages neither
// skip nor repeat rows when others are added or deleted meanwhile. Restricted interactions are
// left out in SQL unless include_restricted, so a page is full whenever more visible rows exist.
// Errors: kInvalid naming "after" when the cursor is not an interaction of this constituent the
// caller may see.
struct PageOptions {
  bool include_restricted = false;
  bool newest_first = true;
  PageRequest page;
};
Result<Page<domain::Interaction>> page_for(Unit& unit, long long constituent_id,
                                           const PageOptions& options);

}  // namespace steward::store::interactions
