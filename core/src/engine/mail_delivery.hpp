// One message handed to a mailer plugin during a run (thank-yous, tribute notices, year-end
// statements): what to record for its recipient, and whether the mailer itself is down, so the
// run stops handing it messages and reports the rest as not attempted.
#pragma once

#include <string>
#include <vector>

#include "steward/sdk/mailer.hpp"
#include "steward/sdk/result.hpp"

namespace steward::engine {

struct MailerHealth {
  bool down = false;
  std::string problem;  // "mailer unavailable: ..." once down
};

// The mailer's own answer for the recipient when it gave one; kRejected with the reason when it
// refused the message itself (kInvalid: the message can never be sent); otherwise kDeferred with
// the reason, and `health` marked down.
sdk::RecipientStatus delivery_status(const Result<std::vector<sdk::RecipientStatus>>& delivered,
                                     const std::string& address, MailerHealth& health);

}  // namespace steward::engine
