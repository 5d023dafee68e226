// Gifts in the database, with their fund allocations and soft credits. Every function runs in
// the caller's unit of work; writes validate first, write nothing on error, are audited, and
// recompute the giving summaries of everyone the gift credits (store::giving) in the same unit,
// so summaries are always exact. Rules: docs/giving-rules.md.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/gift.hpp"
#include "store/database.hpp"
#include "store/page.hpp"

namespace steward::store::gifts {

// Records a gift. When the donor is a current household member, every other current member
// gets a household_member soft credit for the full amount (unless the input already credits
// them). With an idempotency_key: the same key and the same content returns the earlier gift
// with replayed = true (nothing written); the same key with different content is kConflict
// naming the key. Errors: kInvalid (names the field), kConflict (idempotency key, or
// source + external_id already recorded), kPreconditionFailed (closed batch), kNotFound
// (donor, fund or batch missing).
Result<domain::Gift> create(Unit& unit, const domain::GiftInput& input);
// A gift with its allocations and soft credits. Deleted gifts are kNotFound.
Result<domain::Gift> get(Unit& unit, long long id);
// Replaces every field, allocation and soft credit (household soft credits are derived again).
// The idempotency key and its hash stay those of the creating request. A gift with refunds
// cannot be edited (kPreconditionFailed): refunds are tracked against its allocations.
Result<domain::Gift> update(Unit& unit, long long id, const domain::GiftInput& input);

struct RefundInput {
  std::optional<sdk::Money> amount;  // empty: everything not yet refunded
  std::string refunded_on;           // YYYY-MM-DD, not before the gift was received
  std::optional<std::string> reason;
};
// Refunds all or part of a completed or partially refunded gift. The amount is spread over the
// allocations in proportion to what each still holds (largest remainder, exact to the cent);
// the status becomes partially_refunded or refunded. Errors: kInvalid (amount too large, bad
// date), kPreconditionFailed (pending/failed/refunded gift, closed batch), kNotFound.
Result<domain::Gift> refund(Unit& unit, long long id, const RefundInput& input);
// Marks the gift deleted (kept for the audit trail, excluded everywhere). Errors: kNotFound,
// kPreconditionFailed (closed batch).
Status soft_delete(Unit& unit, long long id);

struct ListFilter {
  std::optional<long long> constituent_id;
  std::optional<std::string> from;  // received_on >= from
  std::optional<std::string> to;    // received_on <= to
  std::optional<long long> fund_id;
  std::optional<long long> campaign_id;
  std::optional<long long> appeal_id;
  std::optional<long long> batch_id;
  std::optional<std::string> status;
  bool include_restricted = true;  // false leaves out gifts of restricted constituents
  PageRequest page;
};
// Newest first (received_on descending, then id descending); deleted gifts never appear.
Result<Page<domain::Gift>> list(Unit& unit, const ListFilter& filter);

struct UnacknowledgedFilter {
  std::optional<std::string> from;
  std::optional<std::string> to;
  std::optional<long long> min_amount_minor;  // in the base currency
  std::optional<long long> fund_id;
  bool largest_first = false;      // default: oldest first (received_on, id)
  bool include_restricted = true;  // false leaves out gifts of restricted constituents
  int limit = 500;
};
// Completed and partially refunded gifts not yet thanked. Refunded, pending, failed and deleted
// gifts are never listed.
Result<std::vector<domain::Gift>> unacknowledged(Unit& unit, const UnacknowledgedFilter& filter);
// Marks gifts thanked on `date` (YYYY-MM-DD) by `method` (email, letter, phone, in_person,
// other). All or nothing: an unknown, deleted, refunded or already acknowledged gift refuses
// the whole call (kNotFound / kPreconditionFailed naming the gift). Returns how many changed.
Result<int> acknowledge(Unit& unit, const std::vector<long long>& ids, const std::string& date,
                        const std::string& method);

}  // namespace steward::store::gifts
