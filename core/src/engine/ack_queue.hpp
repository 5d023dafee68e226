// The acknowledgment queue: gifts nobody has thanked yet, and how each donor should be thanked.
//
// Rule (defaults match what NPSP / Bloomerang users expect): every completed gift with no
// acknowledgment date is in the queue, oldest first. Its donor is thanked by email when they
// can be emailed (a primary address, and not do-not-email; an appeal unsubscribe does not stop
// thank-yous, decision 0211); otherwise
// the gift is listed for a letter. A gift whose base amount is at or above the personal-call
// threshold (mail.personal_call_minor, default 100000 = $1,000.00) is also flagged for a call:
// the email still goes, the call is the fundraiser's to make.
#pragma once

#include <optional>
#include <string>
#include <vector>

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
};

struct AckRule {
  std::optional<std::string> since;              // only gifts received on or after
  std::optional<long long> gift_id;              // only this gift
  std::optional<long long> personal_call_minor;  // overrides the setting
  int limit = 500;                               // a page: at most this many (1..10000)
  store::QueueCursor after;                      // the page after this gift (oldest first)
};

// Where the next page of `page` starts, when the page was full (there may be more).
std::optional<store::QueueCursor> next_page(const std::vector<AckItem>& page, int limit);

Result<std::vector<AckItem>> ack_queue(store::Unit& unit, const AckRule& rule);

}  // namespace steward::engine
