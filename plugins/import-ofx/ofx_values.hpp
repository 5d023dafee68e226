// ofx_values.hpp: OFX amounts and dates read exactly from their text.
//
// parse_ofx_amount("-1.025,53", "EUR") -> -102553 minor units. Banks write TRNAMT as "-6.60",
// "+25", "-80", "10000,50", "10.000,50" or "1 025,53": the last '.' or ',' followed by at most
// the currency's minor digits is the decimal mark, other separators and spaces are dropped.
// parse_ofx_date("20090401122017.000[-5:EST]") -> 2009-04-01: the civil date as the bank wrote
// it (the first eight digits), never shifted through UTC.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "steward/sdk/date.hpp"

namespace steward::plugins::ofx {

int currency_digits(std::string_view currency);
bool valid_currency_code(std::string_view currency);
std::optional<std::int64_t> parse_ofx_amount(std::string_view text, std::string_view currency);
std::optional<sdk::Date> parse_ofx_date(std::string_view text);

}  // namespace steward::plugins::ofx
