// What a campaign raised (store::campaigns::results): gifts pointing at the campaign that
// count (completed or partially refunded, not deleted), net of refunds, in the campaign's
// currency. A gift in another currency counts at its base amount when the campaign is in the
// organisation's base currency, and is left out (counted in `other_currency_gifts`) otherwise.
// Read-only.
#pragma once

#include <optional>
#include <vector>

#include "store/database.hpp"

namespace steward::store::campaigns {

struct Tally {
  long long raised_minor = 0;
  long long gift_count = 0;
  long long donor_count = 0;  // distinct constituents
  long long other_currency_gifts = 0;
};

struct AppealTally {
  long long appeal_id = 0;
  Tally tally;
};

struct Results {
  long long campaign_id = 0;
  std::string currency;
  Tally total;
  std::vector<AppealTally> by_appeal;  // appeals with gifts, by appeal id
  Tally no_appeal;                     // gifts with the campaign but no appeal
};

// include_restricted = false leaves out the gifts of restricted constituents (for callers
// without the restricted grant: neither counts nor totals may reveal them).
// Errors: kNotFound for the campaign.
Result<Results> results(Unit& unit, long long campaign_id, bool include_restricted = true);

}  // namespace steward::store::campaigns
