// Exchange rates the admin keeps for imports (migration 0013, decision 0154): base-currency
// units per one unit of a foreign currency, by date. An import converts a foreign payment the
// file gives no converted amount for at the latest rate on or before the payment's date.
// Writes are audited ("exchange_rate").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace steward::store::exchange_rates {

struct ExchangeRate {
  long long id = 0;
  std::string currency;  // ISO 4217, not the base currency
  std::string rate_on;   // YYYY-MM-DD
  std::string rate;      // decimal text, e.g. "1.0875"
  std::string base_currency;
};

// Sets (or replaces) the rate for currency on a date. Errors: kInvalid naming currency (unknown,
// or the base currency itself), rate_on, rate (not a positive decimal).
Result<ExchangeRate> set(Unit& unit, const std::string& currency, const std::string& rate_on,
                         const std::string& rate);
// The latest rate on or before `on` for the currency, against the current base currency.
Result<std::optional<ExchangeRate>> find_on_or_before(Unit& unit, const std::string& currency,
                                                      const std::string& on);
// Every rate, by currency then date.
Result<std::vector<ExchangeRate>> list(Unit& unit);

}  // namespace steward::store::exchange_rates
