// Campaigns and appeals in the database (store::campaigns). Writes validate, write nothing on
// error and are audited.
#pragma once

#include <optional>
#include <vector>

#include "domain/campaign.hpp"
#include "store/database.hpp"

namespace steward::store::campaigns {

// Errors: kInvalid (names the field), kConflict when the code is taken.
Result<domain::Campaign> create(Unit& unit, const domain::CampaignInput& input);
// Errors: kNotFound.
Result<domain::Campaign> get(Unit& unit, long long id);
// Replaces every field. Errors: kInvalid, kNotFound, kConflict.
Result<domain::Campaign> update(Unit& unit, long long id, const domain::CampaignInput& input);
// Ordered by starts_on (undated last), then name and id; `active` filters when set.
Result<std::vector<domain::Campaign>> list(Unit& unit, std::optional<bool> active = std::nullopt);

// Errors: kInvalid (names the field; also an unknown campaign_id), kConflict (code taken).
Result<domain::Appeal> create_appeal(Unit& unit, const domain::AppealInput& input);
// Errors: kNotFound.
Result<domain::Appeal> get_appeal(Unit& unit, long long id);
// The campaign's appeals by starts_on, name, id. Errors: kNotFound for the campaign.
Result<std::vector<domain::Appeal>> appeals_of(Unit& unit, long long campaign_id);

}  // namespace steward::store::campaigns
