// Read-only queries behind receipts and year-end statements: who gave in a period, and each
// donor's gifts in it. Counted gifts: not deleted, completed or partially refunded, something
// left after refunds (a fully refunded gift does not appear; a partial refund shows the net).
// Only the donor's own (hard-credit) gifts: soft credits are not receipted to the soft-credited.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace steward::store::statement_queries {

struct StatementGift {
  long long gift_id = 0;
  std::string received_on;
  long long net_minor = 0;  // amount less refunds, in the gift's currency
  std::string currency;
  std::string payment_method;
  std::optional<std::string> in_kind_description;
  std::vector<std::string> funds;  // fund names of its allocations
};

// Donors (ids, ascending) with at least one counted gift in [from, to]; `only` narrows to one.
Result<std::vector<long long>> donors(Unit& unit, const std::string& from, const std::string& to,
                                      std::optional<long long> only);
// The donor's counted gifts in [from, to], oldest first.
Result<std::vector<StatementGift>> gifts(Unit& unit, long long constituent_id,
                                         const std::string& from, const std::string& to);

}  // namespace steward::store::statement_queries
