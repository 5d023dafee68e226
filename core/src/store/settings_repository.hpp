// Organisation settings (key/value rows in `settings`), with defaults for keys never set:
//   organization_name        ""
//   base_currency            "USD"   ISO 4217; gifts in other currencies carry a base amount
//   fiscal_year_start_month  "1"     1..12; 7 means fiscal years run July to June
// Writes validate and are audited.
#pragma once

#include <string>

#include "store/database.hpp"

namespace steward::store::settings {

struct OrganizationSettings {
  std::string organization_name;
  std::string base_currency = "USD";
  unsigned fiscal_year_start_month = 1;
};

Result<OrganizationSettings> get(Unit& unit);
// Sets one key; errors: kInvalid for an unknown key or a bad value (the message says which).
Status set(Unit& unit, const std::string& key, const std::string& value);

}  // namespace steward::store::settings
