// Money rules: ISO 4217 currencies, decimal text <-> minor units, proportional splits.
// Pure functions, no I/O; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "steward/sdk/money.hpp"
#include "steward/sdk/result.hpp"

namespace steward::domain {

using sdk::Money;

// True for a known ISO 4217 alphabetic code (upper case, e.g. "USD", "KRW").
bool is_valid_currency(std::string_view code);

// Digits after the decimal point for a currency: 2 for USD, 0 for KRW and JPY, 3 for KWD.
// Unknown codes answer 2; callers validate with is_valid_currency() first.
int minor_unit_digits(std::string_view code);

// Parses a decimal amount written with '.' as the decimal point ("1234.5", "-3", "0.07") into
// minor units of `currency`. Refuses more fraction digits than the currency has, thousands
// separators, exponents, and values that do not fit in 64 bits.
Result<Money> parse_money(std::string_view text, std::string_view currency);

// "1234.50" (no grouping, no symbol): the inverse of parse_money.
std::string format_decimal(const Money& money);

// Converts an amount at `rate` (units of `to` per one unit of money's currency, given as a
// decimal string like "1.1087693103") and rounds half away from zero to the target's minor unit.
Result<Money> convert(const Money& money, std::string_view to, std::string_view rate);

// Splits `total` into parts proportional to `weights` (non-negative, not all zero) so that the
// parts sum exactly to `total`: largest-remainder rounding, ties to the earlier part. Used to
// spread a partial refund across a split gift's allocations.
std::vector<std::int64_t> split_proportionally(std::int64_t total,
                                               const std::vector<std::int64_t>& weights);

}  // namespace steward::domain
