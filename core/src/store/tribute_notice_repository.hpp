// Tribute notifications (migration 0021): the one notice per tribute gift to the person the
// donor asked to tell (gifts.tribute_notify_id), by email or printed letter, recorded once
// (UNIQUE gift_id). See engine/tribute_notices.hpp and docs/mail.md ("Tribute notifications").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/queue_cursor.hpp"

namespace steward::store::tribute_notices {

// A tribute gift whose notification is still to be made.
struct DueNotice {
  long long gift_id = 0;
  long long donor_id = 0;
  std::string donor_name;
  bool donor_restricted = false;
  std::string received_on;  // the gift's (the queue's order)
  long long notify_id = 0;
  std::string notify_name;
  std::optional<std::string> notify_email;  // primary (appeal unsubscribe aside: 0211)
  bool notify_do_not_email = false;
  bool in_flight = false;  // a notification email is "sending" (outcome unknown)
};

struct DueFilter {
  std::optional<std::string> since;  // gifts received on or after (YYYY-MM-DD)
  std::optional<long long> gift_id;  // just this gift
  int limit = 500;
  QueueCursor after;  // only gifts after this one (the next page)
};

// Live tribute gifts (completed or partly refunded, not deleted, donor not deleted) naming a
// person to notify who is not deleted, with no notification recorded, that are still waiting
// for their thank-you or had an earlier notification attempt (rejected or deferred): a gift
// thanked before notifications existed is not notified out of the blue. Oldest first.
Result<std::vector<DueNotice>> due(Unit& unit, const DueFilter& filter);

// Records the notification (audited). Errors: kConflict when the gift already has one.
Status record(Unit& unit, long long gift_id, long long notify_id, const std::string& method,
              std::optional<long long> mail_message_id, const std::string& document);

// Records that staff told the person by hand ("by_hand", migration 0022), with an optional note
// (audited). The gift is then no longer due. Errors: kConflict when the gift already has one.
Status record_by_hand(Unit& unit, long long gift_id, long long notify_id,
                      const std::optional<std::string>& note);

struct NoticeRecord {
  long long id = 0;
  long long gift_id = 0;
  long long constituent_id = 0;
  std::string method;  // email | letter | by_hand
  std::optional<long long> mail_message_id;
  std::optional<std::string> document;
  std::string created_at;
};
// The notification of a gift, if any.
Result<std::optional<NoticeRecord>> for_gift(Unit& unit, long long gift_id);

}  // namespace steward::store::tribute_notices
