// Organisation settings (key/value rows in `settings`), with defaults for keys never set:
//   organization_name        ""
//   base_currency            "USD"   ISO 4217; gifts in other currencies carry a base amount
//   fiscal_year_start_month  "1"     1..12; 7 means fiscal years run July to June
//   recurring.grace_days     "7"     0..90; days an installment may be late before a plan fails
//   recurring.lapse_days     "60"    1..730; days a plan may be failing before it lapses
// Writes validate and are audited.
#pragma once

#include <string>

#include "store/database.hpp"

namespace steward::store::settings {

struct OrganizationSettings {
  std::string organization_name;
  std::string base_currency = "USD";
  unsigned fiscal_year_start_month = 1;
  int recurring_grace_days = 7;
  int recurring_lapse_days = 60;
};

Result<OrganizationSettings> get(Unit& unit);
// Sets one key; errors: kInvalid for an unknown key or a bad value (the message says which).
Status set(Unit& unit, const std::string& key, const std::string& value);

// The recurring-plan thresholds (docs/engine-rules.md), with their defaults when never set.
Result<int> recurring_grace_days(Unit& unit);
Result<int> recurring_lapse_days(Unit& unit);
Status set_recurring_grace_days(Unit& unit, int days);
Status set_recurring_lapse_days(Unit& unit, int days);

}  // namespace steward::store::settings
