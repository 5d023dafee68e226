// A donor holding one of everything (Hangul names, contact points, interaction, task, tag,
// relationship, gifts with a campaign and a tribute, a soft credit, a plan, a pledge, a payer
// id), written through the repositories so the audit trail is real; and a snapshot of every
// figure an erase must leave unchanged.
#pragma once

#include <string>

#include "store/database.hpp"

namespace steward::testing {

struct PrivacyDonor {
  long long donor = 0;    // 김민지, the person to export or erase
  long long friend_ = 0;  // 이서준: related to the donor, soft-credited on one of her gifts
  long long fund = 0;
  long long campaign = 0;
};

PrivacyDonor make_privacy_donor(store::Database& db, const store::Actor& actor);

// Fund totals, campaign results, giving by year and month, giving summaries, soft credits and
// plan/pledge amounts as one comparable text.
std::string figures_snapshot(store::Database& db, long long campaign_id);

}  // namespace steward::testing
