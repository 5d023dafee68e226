// steward/plugin_common/amount.hpp: decimal text -> integer minor units, never through a double.
//
// parse_amount("1,234.56", 2, kAuto) == 123456; ("1.234,56", 2, kComma) == 123456;
// ("50000", 0) == 50000 (KRW); ("1.234", 3) == 1234 (BHD). Negative forms: "-12.00", "12.00-",
// "(12.00)", "−12.00" (U+2212). Currency symbols and codes around the number are ignored
// ("$12.00", "12,00 €", "₩50,000", "USD 5"). Thousands separators: the other of . and , plus
// spaces, NO-BREAK SPACEs and apostrophes (1'234.50). More decimals than the currency has are an
// error unless they are zeros ("27600.000" USD is fine, "1.005" USD is not).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "steward/sdk/result.hpp"

namespace steward::plugin_common {

enum class DecimalStyle {
  kAuto,   // the last of '.' and ',' when both appear; a lone ',' before exactly 3 digits (or
           // repeated separators) is a thousands separator, otherwise the separator is decimal
  kDot,    // 1,234.56
  kComma,  // 1.234,56
};

// "auto", "dot", "comma" (a setting's text); nothing for anything else.
std::optional<DecimalStyle> decimal_style_from_name(std::string_view name);

// Minor-unit digits of an ISO 4217 currency: 0 for KRW, JPY, VND ...; 3 for BHD, KWD, JOD,
// OMR, TND, IQD, LYD; 4 for CLF; 2 otherwise.
int currency_exponent(std::string_view code);
// Upper-cased, trimmed code; "" when it is not three ASCII letters.
std::string normalize_currency(std::string_view code);

// The amount in minor units. Error messages quote the text and say what is wrong.
Result<std::int64_t> parse_amount(std::string_view text, int exponent,
                                  DecimalStyle style = DecimalStyle::kAuto);

}  // namespace steward::plugin_common
