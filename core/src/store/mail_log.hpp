// The recent deliveries for the mail pages: mail_messages (migration 0010) newest first, with
// the donor's display name; restricted donors' messages left out unless asked for.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace steward::store::mail_log {

struct Delivery {
  long long id = 0;
  std::string purpose;
  long long constituent_id = 0;
  std::string donor;
  std::optional<long long> gift_id;
  std::string address;
  std::string subject;
  std::string mailer;
  std::string state;
  std::optional<std::string> reply;
  std::optional<std::string> sent_at;
  std::string created_at;
};

// At most `limit` (1..500) messages, newest first; `state` (sending, accepted, rejected,
// deferred) narrows them. Errors: kInvalid naming "state" or "limit".
Result<std::vector<Delivery>> recent(Unit& unit, int limit, const std::optional<std::string>& state,
                                     bool include_restricted);

}  // namespace steward::store::mail_log
