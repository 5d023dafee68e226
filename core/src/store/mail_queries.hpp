// Read-only queries the mail engine needs: the acknowledgment queue and the rows behind a
// template's merge fields (donor, gift, funds, year totals). Bound values only; both backends.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"
#include "store/queue_cursor.hpp"

namespace steward::store::mail_queries {

// A gift nobody has acknowledged yet, with what decides how to thank its donor.
struct AckRow {
  long long gift_id = 0;
  long long constituent_id = 0;
  std::string donor_name;
  std::string received_on;
  long long amount_minor = 0;
  std::string currency;
  long long base_amount_minor = 0;
  std::string base_currency;
  std::optional<std::string> tribute_type;
  std::optional<std::string> email;  // the primary address (unsubscribed from appeals or not: 0211)
  bool do_not_email = false;
  bool in_flight = false;  // a thank-you is "sending" (claimed, outcome unknown)
};

struct AckQueueFilter {
  std::optional<std::string> since;  // received on or after (YYYY-MM-DD)
  std::optional<long long> gift_id;  // just this gift
  int limit = 500;
  QueueCursor after;                 // only gifts after this one (the next page)
  std::optional<std::string> until;  // received on or before (YYYY-MM-DD)
  bool include_restricted = true;    // false: leave out restricted donors' gifts (a listing for
                                     // a user without the restricted grant)
};

// Completed (or partly refunded) gifts, not deleted, acknowledged_at empty, donor not deleted;
// oldest first.
Result<std::vector<AckRow>> ack_queue(Unit& unit, const AckQueueFilter& filter);

// The whole queue the filter selects (limit and cursor aside), counted by received-on day:
// `up_to_first` counts the gifts received on or before `first_day`, `up_to_second` those after
// it and on or before `second_day` (the overdue and due-soon days of decision 0220).
struct AckQueueCounts {
  long long total = 0;
  long long up_to_first = 0;
  long long up_to_second = 0;
};
Result<AckQueueCounts> ack_queue_counts(Unit& unit, const AckQueueFilter& filter,
                                        const std::string& first_day,
                                        const std::string& second_day);

struct DonorRow {
  long long id = 0;
  std::string kind;
  std::optional<std::string> first_name;
  std::optional<std::string> last_name;
  std::optional<std::string> preferred_name;
  std::optional<std::string> organization_name;
  std::string display_name;
  std::optional<std::string> salutation;
  std::optional<std::string> addressee;
  bool do_not_email = false;
  std::string custom_fields = "{}";
  std::optional<std::string> email;        // primary (appeal unsubscribe aside: 0211)
  std::vector<std::string> address_lines;  // the primary postal address, one line each
};
// Errors: kNotFound (missing or deleted).
Result<DonorRow> donor(Unit& unit, long long constituent_id);

struct GiftRow {
  long long id = 0;
  long long constituent_id = 0;
  std::string received_on;
  long long amount_minor = 0;
  std::string currency;
  std::string payment_method;
  std::optional<long long> recurring_plan_id;
  std::optional<std::string> tribute_type;
  std::optional<std::string> tribute_name;
  std::optional<std::string> receipt_number;
  std::optional<std::string> in_kind_description;
  std::optional<std::string> acknowledged_at;
  std::vector<std::string> funds;  // fund names of the allocations
  bool first_gift = false;         // no earlier gift by this donor
};
// Errors: kNotFound (missing or deleted).
Result<GiftRow> gift(Unit& unit, long long gift_id);
// The donor's most recent gift, if any.
Result<std::optional<long long>> latest_gift_id(Unit& unit, long long constituent_id);

struct YearTotal {
  long long base_minor = 0;  // in the organisation's base currency, refunds taken off
  long long gifts = 0;
};
Result<YearTotal> year_total(Unit& unit, long long constituent_id, const std::string& from,
                             const std::string& to);

// Marks a gift acknowledged (date + method) if it is not yet; false when it already was.
Result<bool> mark_acknowledged(Unit& unit, long long gift_id, const std::string& method);

}  // namespace steward::store::mail_queries
