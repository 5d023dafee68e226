// Editing an appeal (store::campaigns::update_appeal): code, name, channel, goal, currency and
// dates; the appeal stays in its campaign. Validated, nothing written on error, audited.
#pragma once

#include "domain/campaign.hpp"
#include "store/database.hpp"

namespace steward::store::campaigns {

// input.campaign_id is ignored. Errors: kInvalid (names the field), kConflict (code taken),
// kNotFound.
Result<domain::Appeal> update_appeal(Unit& unit, long long id, const domain::AppealInput& input);

}  // namespace steward::store::campaigns
