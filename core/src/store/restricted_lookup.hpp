// Whether a constituent is restricted (constituents.restricted), for callers that must hide the
// records of restricted constituents (gifts, plans, pledges) from users without the grant.
#pragma once

#include "store/database.hpp"

namespace steward::store::restricted {

// True when the constituent exists and is restricted; false when not restricted or missing.
Result<bool> constituent(Unit& unit, long long constituent_id);

}  // namespace steward::store::restricted
