// The few gift columns recurring plans need (store::plan_gifts): read a gift, the gifts attached
// to a plan, and set or clear gifts.recurring_plan_id (audited). The gift repository proper is
// owned elsewhere; this file only touches the plan link.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "steward/sdk/money.hpp"
#include "store/database.hpp"

namespace steward::store::plan_gifts {

struct GiftRef {
  long long id = 0;
  long long constituent_id = 0;
  domain::Date received_on;
  sdk::Money amount;
  long long refunded_minor = 0;
  std::string status;  // completed, pending, failed, refunded, partially_refunded
  std::optional<std::string> source;
  std::optional<std::string> external_id;
  std::optional<long long> recurring_plan_id;
  bool deleted = false;

  // A payment that pays an installment: not failed, not fully refunded.
  bool pays() const { return status != "failed" && status != "refunded"; }
};

// Errors: kNotFound.
Result<GiftRef> get(Unit& unit, long long gift_id);
// Non-deleted gifts attached to the plan, by received_on then id.
Result<std::vector<GiftRef>> of_plan(Unit& unit, long long plan_id);
// Sets (or with nullopt clears) the gift's recurring_plan_id; audited as an "update" of the gift.
Status link(Unit& unit, long long gift_id, std::optional<long long> plan_id);

}  // namespace steward::store::plan_gifts
