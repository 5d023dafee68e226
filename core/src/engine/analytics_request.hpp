// An analytics query from its JSON form (the body of POST /api/v1/analytics/query and
// `steward analytics query --json`):
//   {"measures": ["amount", "median"], "dimensions": ["period", "fund"], "grain": "quarter",
//    "from": "2025-01-01", "to": "2025-12-31",
//    "filters": [{"field": "fund", "op": "in", "values": [1, 2]},
//                {"field": "amount", "op": ">=", "value": 10000}],
//    "sort": [{"field": "amount", "direction": "desc"}], "limit": 100,
//    "fiscal_year_start_month": 7}
// "sort" entries may also be strings: "amount" (ascending) or "-amount" (descending). Unknown
// keys and wrong JSON types are kInvalid naming the key ("filters[0].values[1]").
#pragma once

#include <nlohmann/json.hpp>

#include "engine/analytics_query.hpp"

namespace steward::engine::analytics {

steward::Result<Query> parse_query(const nlohmann::json& body);

}  // namespace steward::engine::analytics
