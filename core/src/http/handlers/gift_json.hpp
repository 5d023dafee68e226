// JSON for gifts and batches in the API (docs/api.md): money as {"amount","minor","currency"},
// and the strict reader of a gift body shared by create and replace.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "domain/gift.hpp"
#include "domain/gift_batch.hpp"
#include "engine/recurring_matcher.hpp"
#include "http/json_body.hpp"

namespace steward::http {

nlohmann::json gift_json(const domain::Gift& g);
nlohmann::json batch_json(const domain::GiftBatch& b);
nlohmann::json match_json(const engine::MatchOutcome& m);

// Reads a whole gift. `processor_reference` (create only) is the subscription id used to find
// the recurring plan the gift pays; pass nullptr to refuse it.
Result<domain::GiftInput> read_gift(JsonReader& in,
                                    std::optional<std::string>* processor_reference);

}  // namespace steward::http
