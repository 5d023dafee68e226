// Bulk tagging support (POST /api/v1/tags/{id}/members): the tag by id. Tagging itself is
// store::tags::tag / untag (idempotent, audited per constituent), called once per constituent in
// the caller's unit of work.
#pragma once

#include "store/database.hpp"
#include "store/tag_repository.hpp"

namespace steward::store::tag_members {

// Errors: kNotFound.
Result<tags::Tag> tag_by_id(Unit& unit, long long id);

}  // namespace steward::store::tag_members
