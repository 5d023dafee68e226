// The two constituents of a relationship, looked up by the relationship's id (the API checks
// that the caller may see both before removing it).
#pragma once

#include <utility>

#include "store/database.hpp"

namespace steward::store::relationships {

// {constituent_id, related_id}. Errors: kNotFound.
Result<std::pair<long long, long long>> parties(Unit& unit, long long relationship_id);

}  // namespace steward::store::relationships
