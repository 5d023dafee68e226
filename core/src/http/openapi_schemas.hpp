// JSON Schemas (OpenAPI 3.0 dialect) of the API's request and response bodies, kept in one
// table keyed by "METHOD pattern" (decision 0111) so the route files stay about behaviour.
// openapi_document() adds them to each operation: `requestBody` for POST/PUT/PATCH and the
// main (2xx) response. A route may instead carry its own in Route::openapi:
//   {"request": <schema>, "response": <schema>, "status": 201}
// which wins over the table (new routes can keep their schema next to their definition).
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "http/router.hpp"

namespace steward::http {

struct BodySchemas {
  std::optional<nlohmann::json> request;   // the request body, for POST/PUT/PATCH
  std::optional<nlohmann::json> response;  // the main answer's body (none for 204)
  int status = 200;                        // the main answer's status
};

// The schemas for a route: Route::openapi first, then the table. Empty when neither has any.
BodySchemas body_schemas(const Route& route);
// Shared schemas referenced as #/components/schemas/<Name> (Money, Page, Gift, ...).
nlohmann::json component_schemas();
// Whether a method sends a body (POST, PUT, PATCH).
bool takes_body(const std::string& method);

}  // namespace steward::http
