// JSON images of campaigns, appeals and campaign results, and the body readers for them.
#pragma once

#include <optional>

#include <nlohmann/json.hpp>

#include "domain/campaign.hpp"
#include "http/json_body.hpp"
#include "store/campaign_results.hpp"

namespace steward::http {

nlohmann::json campaign_json(const domain::Campaign& c);
nlohmann::json appeal_json(const domain::Appeal& a);
nlohmann::json results_json(const store::campaigns::Results& r,
                            const std::optional<sdk::Money>& goal);

// The whole campaign / appeal from a body (errors are collected in `in`).
domain::CampaignInput read_campaign(JsonReader& in);
domain::AppealInput read_appeal(JsonReader& in);

}  // namespace steward::http
