// GET /api/v1/openapi.json: the OpenAPI 3 document, generated from the route table so that no
// route is undocumented and no documented route is missing.
#include "http/handlers/handlers.hpp"
#include "http/openapi_queries.hpp"
#include "http/openapi_schemas.hpp"

namespace steward::http {
namespace {

std::string openapi_lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string required_role(const Route& route) {
  if (route.access == Access::kPublic) return "anyone";
  if (route.access == Access::kSignedIn || route.access == Access::kPartial) {
    return "any signed-in user";
  }
  std::string roles;
  for (auth::Role r :
       {auth::Role::kAdmin, auth::Role::kFundraiser, auth::Role::kAnalyst, auth::Role::kViewer}) {
    if (auth::allows(r, route.permission))
      roles += (roles.empty() ? "" : ", ") + auth::to_string(r);
  }
  return roles;
}

}  // namespace

nlohmann::json openapi_document(const Router& router) {
  nlohmann::json paths = nlohmann::json::object();
  for (const Route& route : router.routes()) {
    nlohmann::json op = {
        {"summary", route.summary},
        {"description", "Who may call it: " + required_role(route) + "."},
        {"x-steward-access", required_role(route)},
        {"responses", {{"default", {{"description", "JSON, or application/problem+json"}}}}}};
    nlohmann::json params = nlohmann::json::array();
    std::string p = route.pattern;
    for (std::size_t at = p.find('{'); at != std::string::npos; at = p.find('{', at + 1)) {
      std::string name = p.substr(at + 1, p.find('}', at) - at - 1);
      params.push_back(
          {{"name", name}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}});
    }
    for (const nlohmann::json& q : query_parameters(route)) params.push_back(q);
    if (!params.empty()) op["parameters"] = params;
    // Body schemas (http/openapi_schemas.hpp): the request and the main answer.
    BodySchemas bodies = body_schemas(route);
    if (bodies.request) {
      op["requestBody"] = {{"required", true},
                           {"content", {{"application/json", {{"schema", *bodies.request}}}}}};
    }
    if (bodies.response) {
      // A route answering something else (application/pdf) names it in its fragment.
      const std::string type =
          route.openapi.is_object()
              ? route.openapi.value("response_content_type", "application/json")
              : "application/json";
      op["responses"][std::to_string(bodies.status)] = {
          {"description", "the answer"}, {"content", {{type, {{"schema", *bodies.response}}}}}};
    } else if (bodies.status == 204) {
      op["responses"]["204"] = {{"description", "done; no body"}};
    }
    if (route.access != Access::kPublic) {
      op["security"] = nlohmann::json::array(
          {{{"session", nlohmann::json::array()}}, {{"token", nlohmann::json::array()}}});
    }
    paths[route.pattern][openapi_lower(route.method)] = op;
  }
  return {{"openapi", "3.0.3"},
          {"info", {{"title", "Steward API"}, {"version", STEWARD_VERSION}}},
          {"servers", nlohmann::json::array({{{"url", "/"}}})},
          {"components",
           {{"schemas", component_schemas()},
            {"securitySchemes",
             {{"session", {{"type", "apiKey"}, {"in", "cookie"}, {"name", kSessionCookie}}},
              {"token", {{"type", "http"}, {"scheme", "bearer"}}}}}}},
          {"paths", paths}};
}

void add_openapi_routes(Api& api) {
  const Router& router = api.router();
  api.router().add({"GET",
                    "/api/v1/openapi.json",
                    Access::kPublic,
                    auth::Permission::kReadDonors,
                    "This OpenAPI document",
                    [&router](Call&) { return Response::json(200, openapi_document(router)); },
                    {}});
}

}  // namespace steward::http
