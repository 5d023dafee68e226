// Saved segments in the database (table `segments`). Every function runs inside the caller's
// unit of work; writes validate first (name, description, and the filter parsed with the
// organisation's base currency), write nothing on error, and append to the audit trail.
// Deleting is soft: a deleted segment is invisible to get/list and its name can be reused.
#pragma once

#include <string>

#include "domain/segment.hpp"
#include "store/database.hpp"
#include "store/page.hpp"

namespace steward::store::segments {

// Errors: kInvalid (names the field; filter errors name the bad part, e.g.
// "and[1].gave.min"), kConflict when a live segment already has the name.
Result<domain::Segment> create(Unit& unit, const domain::SegmentInput& input);
// Errors: kNotFound (also for a deleted segment).
Result<domain::Segment> get(Unit& unit, long long id);
Result<domain::Segment> get_by_name(Unit& unit, const std::string& name);
// Replaces name, description and filter. Errors: kInvalid, kNotFound, kConflict.
Result<domain::Segment> update(Unit& unit, long long id, const domain::SegmentInput& input);
// Soft delete. Errors: kNotFound.
Status remove(Unit& unit, long long id);
// Live segments ordered by name, then id.
Result<Page<domain::Segment>> list(Unit& unit, const PageRequest& page);

}  // namespace steward::store::segments
