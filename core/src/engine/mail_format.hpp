// How amounts and dates read in a letter, per language. Pure; thread-safe.
//   format_amount({50000, "KRW"}, "ko") -> "50,000원"    ({50000, "KRW"}, "en") -> "₩50,000"
//   format_amount({123450, "USD"}, "en")  -> "$1,234.50"   ({123450, "USD"}, "ko")  -> "$1,234.50"
//   format_date("2026-11-29", "en") -> "November 29, 2026"; "ko" -> "2026년 11월 29일"
// Currencies without a common symbol read "1,234.50 CHF".
#pragma once

#include <string>

#include "steward/sdk/money.hpp"

namespace steward::engine {

std::string format_amount(const sdk::Money& money, const std::string& language);
std::string format_date(const std::string& iso_date, const std::string& language);

}  // namespace steward::engine
