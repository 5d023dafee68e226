// Small helpers shared by the recurring, pledges, tasks and engagement commands: turn option
// text into domain values (or print the error naming the option and exit 1), and run a unit of
// work on the configured database.
#pragma once

#include <optional>
#include <string>

#include "app/cli.hpp"
#include "domain/date.hpp"
#include "steward/sdk/money.hpp"

namespace steward::app::args {

// Each throws CLI::RuntimeError(1) after printing the error.
domain::Date date(const std::string& text, const std::string& field);
std::optional<domain::Date> opt_date(const std::string& text, const std::string& field);
sdk::Money money(const std::string& amount, const std::string& currency, const std::string& field);
// "50.00 USD"
std::string money_text(long long minor, const std::string& currency);
// Unwraps a Result or prints its status and exits 1.
template <typename T>
T value_or_exit(Result<T> result) {
  if (!result) throw CLI::RuntimeError(fail(result.status()));
  return std::move(result).value();
}
inline void ok_or_exit(const Status& status) {
  if (!status) throw CLI::RuntimeError(fail(status));
}
// The database, or exit 1.
store::Database& database(Context& ctx);

}  // namespace steward::app::args
