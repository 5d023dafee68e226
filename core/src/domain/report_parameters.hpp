// Report parameters: turning what a caller supplied (typed JSON values from the API, or text
// from `--param key=value`) into the values a report's ParameterSpecs declare, with defaults.
// Pure rules, no I/O; thread-safe.
//
// resolve_parameters():
//   - a name no spec declares is refused ("unknown parameter (known: a, b)");
//   - a supplied value must have the spec's type; text is parsed into it (integer "2026",
//     number "1.5", boolean true/false/yes/no/1/0, date YYYY-MM-DD, money "12.50" in the base
//     currency or "12.50 KRW"); an integer is accepted for a number;
//   - a text parameter with choices must be one of them;
//   - a parameter not supplied gets its declared default; when it declares none, the host
//     supplies one for three well-known names (HostDefaults): fiscal_year_start_month (integer,
//     the organisation setting), as_of (date, today UTC) and currency (text, base currency);
//   - a required parameter left without a value is refused ("is required").
// Every error is Status::invalid_field(<parameter name>, why); the result has one entry per
// spec (monostate when optional and empty).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "steward/sdk/report.hpp"
#include "steward/sdk/result.hpp"

namespace steward::domain {

struct HostDefaults {
  std::string today;  // YYYY-MM-DD
  unsigned fiscal_year_start_month = 1;
  std::string base_currency = "USD";
};

Result<sdk::Value> coerce_parameter(const sdk::ParameterSpec& spec, const sdk::Value& supplied,
                                    const HostDefaults& host);

Result<std::map<std::string, sdk::Value>> resolve_parameters(
    const std::vector<sdk::ParameterSpec>& specs, const std::map<std::string, sdk::Value>& supplied,
    const HostDefaults& host);

// "12.5", 12, "2026-07-01" ... as display text (CSV cells, table output, JSON strings).
std::string value_text(const sdk::Value& value);

}  // namespace steward::domain
