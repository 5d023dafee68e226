// Text and JSON renderings of gifts, batches and summaries for the command line.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "domain/gift.hpp"
#include "domain/gift_batch.hpp"

namespace steward::app {

// One line: "gift 12  2025-01-05  50.00 USD  donor 3  completed  funds 1:50.00".
std::string gift_line(const domain::Gift& g);
nlohmann::json gift_json(const domain::Gift& g);
std::string batch_text(const domain::GiftBatch& b);
nlohmann::json batch_json(const domain::GiftBatch& b);

}  // namespace steward::app
