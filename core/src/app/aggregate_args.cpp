#include "app/aggregate_args.hpp"

#include "domain/money.hpp"

namespace steward::app::args {

domain::Date date(const std::string& text, const std::string& field) {
  return value_or_exit(domain::Date::parse(text, field));
}

std::optional<domain::Date> opt_date(const std::string& text, const std::string& field) {
  if (text.empty()) return std::nullopt;
  return date(text, field);
}

sdk::Money money(const std::string& amount, const std::string& currency, const std::string& field) {
  if (!domain::is_valid_currency(currency))
    ok_or_exit(
        Status::invalid_field("--currency", "'" + currency + "' is not an ISO 4217 currency code"));
  auto parsed = domain::parse_money(amount, currency);
  if (!parsed) {
    const auto& fields = parsed.status().fields();
    ok_or_exit(Status::invalid_field(
        field, fields.empty() ? parsed.status().message() : fields.front().message));
  }
  return *parsed;
}

std::string money_text(long long minor, const std::string& currency) {
  return domain::format_decimal(sdk::Money{minor, currency}) + " " + currency;
}

store::Database& database(Context& ctx) {
  store::Database* db = ctx.database();
  if (!db) throw CLI::RuntimeError(1);
  return *db;
}

}  // namespace steward::app::args
