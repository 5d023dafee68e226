#include "store/settings_repository.hpp"

#include <nlohmann/json.hpp>

#include "domain/date.hpp"
#include "domain/money.hpp"
#include "domain/validation.hpp"
#include "store/audit.hpp"
#include "store/soci_optional.hpp"

namespace steward::store::settings {
namespace {

// A whole number of days in [low, high], or nullopt.
std::optional<int> parse_days(const std::string& value, int low, int high) {
  if (value.empty() || value.size() > 4 ||
      value.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  int n = std::stoi(value);
  if (n < low || n > high) return std::nullopt;
  return n;
}

}  // namespace

Result<OrganizationSettings> get(Unit& unit) {
  OrganizationSettings out;
  std::string key, value;
  soci::statement st =
      (unit.sql().prepare << "SELECT key, value FROM settings", soci::into(key), soci::into(value));
  st.execute();
  while (st.fetch()) {
    if (key == "organization_name") out.organization_name = value;
    if (key == "base_currency") out.base_currency = value;
    if (key == "fiscal_year_start_month") {
      out.fiscal_year_start_month = static_cast<unsigned>(std::stoul(value));
    }
    if (key == "recurring.grace_days") {
      out.recurring_grace_days = parse_days(value, 0, 90).value_or(out.recurring_grace_days);
    }
    if (key == "recurring.lapse_days") {
      out.recurring_lapse_days = parse_days(value, 1, 730).value_or(out.recurring_lapse_days);
    }
  }
  return out;
}

Status set(Unit& unit, const std::string& key, const std::string& value) {
  if (key == "organization_name") {
    if (Status s = domain::require_text(key, value); !s) return s;
  } else if (key == "base_currency") {
    if (!domain::is_valid_currency(value)) {
      return Status::invalid_field(key, "'" + value + "' is not an ISO 4217 currency code");
    }
  } else if (key == "fiscal_year_start_month") {
    bool ok = !value.empty() && value.size() <= 2 &&
              value.find_first_not_of("0123456789") == std::string::npos && std::stoi(value) >= 1 &&
              std::stoi(value) <= 12;
    if (!ok) return Status::invalid_field(key, "must be a month number from 1 to 12");
  } else if (key == "recurring.grace_days") {
    if (!parse_days(value, 0, 90))
      return Status::invalid_field(key, "must be a whole number of days from 0 to 90");
  } else if (key == "recurring.lapse_days") {
    if (!parse_days(value, 1, 730))
      return Status::invalid_field(key, "must be a whole number of days from 1 to 730");
  } else {
    return Status::invalid_field(key,
                                 "unknown setting (known: organization_name, base_currency, "
                                 "fiscal_year_start_month, recurring.grace_days, "
                                 "recurring.lapse_days)");
  }
  std::optional<std::string> before;
  unit.sql() << "SELECT value FROM settings WHERE key = :key", soci::use(key), soci::into(before);
  std::string now = domain::utc_now_iso();
  if (unit.sql().got_data()) {
    unit.sql() << "UPDATE settings SET value = :value, updated_at = :now WHERE key = :key",
        soci::use(value), soci::use(now), soci::use(key);
  } else {
    before.reset();
    unit.sql() << "INSERT INTO settings (key, value, created_at, updated_at) "
                  "VALUES (:key, :value, :c, :u)",
        soci::use(key), soci::use(value), soci::use(now), soci::use(now);
  }
  nlohmann::json b = before ? nlohmann::json{{key, *before}} : nlohmann::json();
  record_audit(unit, before ? "update" : "create", "setting", 0, b, {{key, value}});
  return Status::ok();
}

Result<int> recurring_grace_days(Unit& unit) {
  auto all = get(unit);
  if (!all) return all.status();
  return all->recurring_grace_days;
}

Result<int> recurring_lapse_days(Unit& unit) {
  auto all = get(unit);
  if (!all) return all.status();
  return all->recurring_lapse_days;
}

Status set_recurring_grace_days(Unit& unit, int days) {
  return set(unit, "recurring.grace_days", std::to_string(days));
}

Status set_recurring_lapse_days(Unit& unit, int days) {
  return set(unit, "recurring.lapse_days", std::to_string(days));
}

}  // namespace steward::store::settings
