// The acknowledgment queue: gifts nobody has thanked yet, and how each donor should be thanked.
//
// Rule (defaults match what NPSP / Bloomerang users expect): every completed gift with no
// acknowledgment date is in the queue, oldest first. Its donor is thanked by email when they
// can be emailed (a primary address, and not do-not-email; an appeal unsubscribe does not stop
// thank-yous, decision 0211); otherwise
// the gift is listed for a letter. A gift whose base amount is at or above the personal-call
// threshold (mail.personal_call_minor, default 100000 = $1,000.00) is also flagged for a call:
// the email still goes, the call is the fundraiser's to make.
//
// Each gift has a deadline (decision 0220): mail.thank_within_hours (default 48) after the end
// of the day it was received, UTC; past it the gift is overdue, in the 24 hours before it due
// soon. The window is the same for every gift, so oldest first is also most overdue first.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "domain/thank_deadline.hpp"
#include "store/database.hpp"
#include "store/mail_queries.hpp"

namespace steward::engine {

enum class AckChannel { kEmail, kLetter };
inline const char* ack_channel_name(AckChannel c) {
  return c == AckChannel::kEmail ? "email" : "letter";
}

struct AckItem {
  store::mail_queries::AckRow gift;
  AckChannel channel = AckChannel::kLetter;
  std::string reason;  // why a letter: "do not email", "no email address"
  bool personal_call = false;
  domain::ThankDeadline deadline;
};

struct AckRule {
  std::optional<std::string> since;              // only gifts received on or after
  std::optional<long long> gift_id;              // only this gift
  std::optional<long long> personal_call_minor;  // overrides the setting
  int limit = 500;                               // a page: at most this many (1..10000)
  store::QueueCursor after;                      // the page after this gift (oldest first)
  bool overdue_only = false;                     // only gifts past their deadline
  bool include_restricted = true;      // false: a listing for a user without the restricted grant
  std::optional<domain::Instant> now;  // the clock (tests); default: now
};

// Where the next page of `page` starts, when the page was full (there may be more).
std::optional<store::QueueCursor> next_page(const std::vector<AckItem>& page, int limit);

Result<std::vector<AckItem>> ack_queue(store::Unit& unit, const AckRule& rule);

// The whole queue the rule selects (its limit and cursor aside), counted.
struct AckSummary {
  long long total = 0;
  long long overdue = 0;
  long long due_soon = 0;  // not overdue, due within the next 24 hours
  int thank_within_hours = domain::kDefaultThankWithinHours;
  domain::Instant now;
  nlohmann::json to_json() const;  // {"total", "overdue", "due_soon"}
};
Result<AckSummary> ack_summary(store::Unit& unit, const AckRule& rule);

// A queue entry as the API and `steward mail ack-queue --json` show it.
nlohmann::json ack_item_json(const AckItem& item);

// One page of the queue with the counts over all of it, read in one unit: what
// GET /api/v1/mail/ack-queue and `steward mail ack-queue` answer.
struct AckQueueAnswer {
  std::vector<AckItem> items;
  AckSummary summary;
  // {"items", "counts", "thank_within_hours", "as_of"}
  nlohmann::json to_json() const;
};
Result<AckQueueAnswer> ack_queue_answer(store::Unit& unit, const AckRule& rule);

}  // namespace steward::engine
