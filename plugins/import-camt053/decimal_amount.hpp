// decimal_amount.hpp: bank-statement amounts as exact integer minor units.
//
// parse_decimal_minor("1234.5", "EUR") -> 123450. Accepts an optional leading '+', digits, and
// an optional '.' with no more fractional digits than the currency has (ISO 4217 exponent);
// never goes through floating point. Rejects signs, exponents, thousands separators and
// anything over 2^63-1 minor units. currency_digits() knows the ISO 4217 currencies whose
// exponent is not 2 (JPY and KRW 0, KWD 3, ...).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace steward::plugins::camt053 {

int currency_digits(std::string_view currency);
bool valid_currency_code(std::string_view currency);  // three ASCII upper-case letters
std::optional<std::int64_t> parse_decimal_minor(std::string_view text, std::string_view currency);

}  // namespace steward::plugins::camt053
