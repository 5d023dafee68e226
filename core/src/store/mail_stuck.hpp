// Messages left "sending" in the mail log (the process stopped while the mailer had them; see
// mail_message_repository.hpp). They are never resent by themselves; an admin clears the ones
// older than some minutes once the mail server's log has been checked: each is marked deferred
// with the reason (audited), which frees its gift (or statement) for a later run.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace steward::store::mail_stuck {

struct StuckMessage {
  long long id = 0;
  std::string purpose;
  long long constituent_id = 0;
  std::optional<long long> gift_id;
  std::string address;
  std::string created_at;
};

// Messages still "sending" that were claimed before `claimed_before` (UTC timestamp), oldest
// first.
Result<std::vector<StuckMessage>> list(Unit& unit, const std::string& claimed_before);
// Marks them deferred with `reason`, and year-end statements claimed for email before then
// (receipts.email_state "sending") deferred too. Returns the messages cleared.
// Errors: kInvalid naming "reason" when it is empty.
Result<std::vector<StuckMessage>> clear(Unit& unit, const std::string& claimed_before,
                                        const std::string& reason);

}  // namespace steward::store::mail_stuck
