// Small helpers shared by handler files: ids from the path, pages from the query, ETags.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "domain/user.hpp"
#include "http/message.hpp"
#include "store/page.hpp"

namespace steward::http {

// The {name} path parameter as a positive id; nullopt when it is not one (answer 404).
std::optional<long long> path_id(const Request& request, const std::string& name = "id");
// ?after=ID&limit=N (limit 1..500, default 50). Errors name the parameter.
Result<store::PageRequest> page_request(const Request& request);
// {"items": [...], "next_after": 123 | null}
nlohmann::json page_json(nlohmann::json items, const std::optional<long long>& next_after);

// A strong ETag for a JSON image of a record: "\"<16 hex of BLAKE2b>\"".
std::string etag_of(const nlohmann::json& image);
// For updates: nullopt when If-Match matches `current`; else the 428 (missing) or 412 (stale)
// response to send.
std::optional<Response> check_if_match(const Request& request, const std::string& current);
Response with_etag(Response response, const std::string& etag);

nlohmann::json user_json(const domain::User& user);

}  // namespace steward::http
