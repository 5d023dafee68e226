// The refund and dispute figures processors stated for imported gifts (migration 0013,
// decision 0154): one row per refund line identity, keeping the largest amount seen for it.
// engine/import_refunds.* turns them into the amount a gift is refunded by.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace steward::store::import_refunds {

struct RefundLine {
  std::string source;
  std::string external_id;
  long long gift_id = 0;
  std::string part;  // refund_total refund dispute_total dispute
  long long amount_minor = 0;
};

Result<std::optional<RefundLine>> find(Unit& unit, const std::string& source,
                                       const std::string& external_id);
// Inserts the line, or raises an existing line's amount to `line.amount_minor` when larger
// (a later payments export with more refunded). Audited ("refund_line" on the gift).
Status upsert(Unit& unit, const RefundLine& line, std::optional<long long> import_id);
Result<std::vector<RefundLine>> for_gift(Unit& unit, long long gift_id);

}  // namespace steward::store::import_refunds
