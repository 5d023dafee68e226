// Cursor pages (store/page.hpp) of campaigns and of a campaign's appeals, ordered by id, for the
// API lists. Read-only.
#pragma once

#include <optional>

#include "domain/campaign.hpp"
#include "store/database.hpp"
#include "store/page.hpp"

namespace steward::store::campaigns {

// Campaigns with id > page.after_id (active filter as in list()), at most clamp_limit(limit).
Result<Page<domain::Campaign>> list_page(Unit& unit, std::optional<bool> active,
                                         const PageRequest& page);

// The campaign's appeals by id. Errors: kNotFound for the campaign.
Result<Page<domain::Appeal>> appeals_page(Unit& unit, long long campaign_id,
                                          const PageRequest& page);

}  // namespace steward::store::campaigns
