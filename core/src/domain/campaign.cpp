#include "domain/campaign.hpp"

#include "domain/money.hpp"
#include "domain/validation.hpp"

namespace steward::domain {
namespace {

Status check_code(const std::string& code) {
  if (Status s = require_text("code", code, 40); !s) return s;
  for (char c : code) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    if (!ok) return Status::invalid_field("code", "use capital letters, digits, '-' and '_' only");
  }
  return Status::ok();
}

Status check_money_and_dates(const std::string& currency, const std::optional<sdk::Money>& goal,
                             const std::optional<Date>& starts_on,
                             const std::optional<Date>& ends_on) {
  if (!is_valid_currency(currency))
    return Status::invalid_field("currency", "'" + currency + "' is not an ISO 4217 currency code");
  if (goal) {
    if (goal->currency != currency)
      return Status::invalid_field("goal.currency", "must be the campaign currency " + currency);
    if (goal->minor < 0) return Status::invalid_field("goal", "cannot be negative");
  }
  if (starts_on && ends_on && *ends_on < *starts_on)
    return Status::invalid_field("ends_on", "must not be before starts_on");
  return Status::ok();
}

}  // namespace

Status validate(const CampaignInput& c) {
  return first_error({check_code(c.code), require_text("name", c.name),
                      check_text("description", c.description, 4000, true),
                      check_money_and_dates(c.currency, c.goal, c.starts_on, c.ends_on)});
}

Status validate(const AppealInput& a) {
  if (a.campaign_id <= 0) return Status::invalid_field("campaign_id", "is required");
  return first_error(
      {check_code(a.code), require_text("name", a.name),
       require_one_of("channel", a.channel, {"mail", "email", "event", "online", "phone", "other"}),
       check_money_and_dates(a.currency, a.goal, a.starts_on, a.ends_on)});
}

}  // namespace steward::domain
