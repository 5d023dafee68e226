// The soft credits a constituent received (credit for gifts others paid: a spouse's gift, a
// church member's gift, a solicitor's credit), newest gift first, for the constituent's page.
#pragma once

#include <string>

#include "store/database.hpp"
#include "store/page.hpp"

namespace steward::store::soft_credits {

struct ReceivedSoftCredit {
  long long id = 0;
  long long gift_id = 0;
  long long donor_id = 0;  // who paid the gift (the hard credit)
  std::string donor_name;  // the donor's display name
  std::string role;        // household_member | solicitor | church | matching_employer | ...
  long long amount_minor = 0;
  std::string currency;
  std::string received_on;  // the gift's date
  std::string gift_status;
};

// Credits of `constituent_id` on gifts that are not deleted, ordered by the gift's date then id,
// newest first; page.after_id is the last soft credit id seen. Without `include_restricted`,
// credits on gifts paid by restricted donors are left out (in SQL, so pages stay full).
// Errors: kInvalid naming `after` when the cursor no longer exists.
Result<Page<ReceivedSoftCredit>> received_page(Unit& unit, long long constituent_id,
                                               bool include_restricted, const PageRequest& page);

}  // namespace steward::store::soft_credits
