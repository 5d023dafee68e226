#include "store/settings_repository.hpp"

#include <nlohmann/json.hpp>

#include "domain/date.hpp"
#include "domain/money.hpp"
#include "domain/validation.hpp"
#include "store/audit.hpp"
#include "store/soci_optional.hpp"

namespace steward::store::settings {

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
  } else {
    return Status::invalid_field(key,
                                 "unknown setting (known: organization_name, base_currency, "
                                 "fiscal_year_start_month)");
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

}  // namespace steward::store::settings
