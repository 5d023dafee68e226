// Small builders for the JSON Schemas of http/openapi_schemas.cpp and
// http/openapi_components.cpp (OpenAPI 3.0 dialect), and of routes that carry their own schema
// in Route::openapi (e.g. handlers/soft_credit_handlers.cpp).
#pragma once

#include <functional>
#include <initializer_list>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace steward::http::schema {

using nlohmann::json;

inline json ref(const std::string& name) { return {{"$ref", "#/components/schemas/" + name}}; }
inline json str(int max = 200) { return {{"type", "string"}, {"maxLength", max}}; }
inline json opt_str(int max = 200) {
  return {{"type", "string"}, {"maxLength", max}, {"nullable", true}};
}
inline json date() { return {{"type", "string"}, {"format", "date"}}; }
inline json opt_date() { return {{"type", "string"}, {"format", "date"}, {"nullable", true}}; }
inline json id() { return {{"type", "integer"}, {"format", "int64"}, {"minimum", 1}}; }
inline json opt_id() {
  return {{"type", "integer"}, {"format", "int64"}, {"minimum", 1}, {"nullable", true}};
}
inline json boolean() { return {{"type", "boolean"}}; }
inline json integer() { return {{"type", "integer"}}; }
inline json one_of(std::initializer_list<const char*> values) {
  json e = json::array();
  for (const char* v : values) e.push_back(v);
  return {{"type", "string"}, {"enum", e}};
}
inline json array_of(json item) { return {{"type", "array"}, {"items", std::move(item)}}; }
// A closed object: unknown fields are refused by the API (422), so the schema says so too.
inline json object(json properties, std::initializer_list<const char*> required = {}) {
  json o = {
      {"type", "object"}, {"properties", std::move(properties)}, {"additionalProperties", false}};
  if (required.size() > 0) {
    json r = json::array();
    for (const char* f : required) r.push_back(f);
    o["required"] = r;
  }
  return o;
}
// An answer: open (new fields may be added without breaking clients).
inline json answer(json properties) {
  return {{"type", "object"}, {"properties", std::move(properties)}};
}
inline json page_of(const std::string& item) {
  return answer(
      {{"items", array_of(ref(item))}, {"next_after", {{"type", "integer"}, {"nullable", true}}}});
}

// Adds one route's schemas to the table: "METHOD pattern", request, answer, answer status.
using AddSchemas = std::function<void(const std::string& key, std::optional<json> request,
                                      std::optional<json> response, int status)>;
// The routes of campaigns, appeals, interactions, tasks, stages, segments, duplicates, needs,
// recurring revenue and the dashboard (http/openapi_schemas_moves.cpp), and their components.
void add_moves_schemas(const AddSchemas& add);
// The import routes (http/openapi_schemas_imports.cpp).
void add_import_schemas(const AddSchemas& add);
json moves_components();
// The admin plugin routes (http/openapi_schemas_plugins.cpp) and their components.
void add_plugin_schemas(const AddSchemas& add);
json plugin_components();

}  // namespace steward::http::schema
