// Query parameters of list routes for the OpenAPI document (`in: query`), keyed by
// "METHOD pattern" like the body schemas (http/openapi_schemas.hpp). A route may also carry its
// own in Route::openapi["parameters"] (an array of OpenAPI parameter objects), which is used
// instead of the table.
#pragma once

#include <nlohmann/json.hpp>

#include "http/router.hpp"

namespace steward::http {

// The route's query parameters: an array, empty when none are documented.
nlohmann::json query_parameters(const Route& route);

}  // namespace steward::http
