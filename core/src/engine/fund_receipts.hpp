// What each fund received in a date range: gift allocations of completed and partially
// refunded, non-deleted gifts, net of refunds. Used by needs coverage.
#pragma once

#include <map>
#include <string>

#include "domain/date.hpp"
#include "store/database.hpp"

namespace steward::engine {

// Per fund id, the net amount received in [from, to] in `currency` of that fund (given by
// fund_currency; funds not in the map are skipped). An allocation counts in the fund's currency
// when the gift is in it, or at its share of the gift's base amount when the gift's base
// currency is it; otherwise it is left out. A gift's refund (refunded_minor, base_refunded_minor)
// is spread over its allocations (and any unallocated remainder) in proportion to their amounts
// (domain::split_proportionally). include_restricted = false leaves out restricted
// constituents' gifts.
std::map<long long, long long> net_received_by_fund(
    store::Unit& unit, const domain::Date& from, const domain::Date& to,
    const std::map<long long, std::string>& fund_currency, bool include_restricted = true);

}  // namespace steward::engine
