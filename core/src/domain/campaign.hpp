// Campaigns and their appeals. A campaign is a fundraising effort with a goal and dates
// ("2026 Capital Campaign"); an appeal is one solicitation within it ("Spring mail appeal").
// Gifts, pledges and plans point at both. Goals are Money in the campaign's currency.
#pragma once

#include <optional>
#include <string>

#include "domain/date.hpp"
#include "steward/sdk/money.hpp"
#include "steward/sdk/result.hpp"

namespace steward::domain {

struct CampaignInput {
  std::string code;  // short unique code, e.g. "CAP2026"
  std::string name;
  std::optional<std::string> description;
  std::string currency = "USD";
  std::optional<sdk::Money> goal;  // in `currency`; zero or more
  std::optional<Date> starts_on;
  std::optional<Date> ends_on;
  bool active = true;
};

struct Campaign : CampaignInput {
  long long id = 0;
  std::string created_at;
  std::string updated_at;
};

struct AppealInput {
  long long campaign_id = 0;
  std::string code;
  std::string name;
  std::string channel = "mail";  // mail, email, event, online, phone, other
  std::string currency = "USD";
  std::optional<sdk::Money> goal;
  std::optional<Date> starts_on;
  std::optional<Date> ends_on;
};

struct Appeal : AppealInput {
  long long id = 0;
  std::string created_at;
  std::string updated_at;
};

Status validate(const CampaignInput& campaign);
Status validate(const AppealInput& appeal);

}  // namespace steward::domain
