#include "http/openapi_queries.hpp"

#include <map>
#include <string>

namespace steward::http {
namespace {

using nlohmann::json;

json param(const char* name, json schema, const char* description) {
  return {{"name", name},
          {"in", "query"},
          {"required", false},
          {"schema", std::move(schema)},
          {"description", description}};
}

json paging() {
  return json::array(
      {param("after", {{"type", "integer"}, {"minimum", 1}},
             "the next_after of the previous page (an opaque cursor: the id of its last row)"),
       param("limit", {{"type", "integer"}, {"minimum", 1}, {"maximum", 500}, {"default", 50}},
             "rows per page")});
}

json with_paging(std::initializer_list<json> own) {
  json out = paging();
  for (const json& p : own) out.push_back(p);
  return out;
}

const json kDate = {{"type", "string"}, {"format", "date"}};
const json kBoolean = {{"type", "string"}, {"enum", {"true", "false"}}};

const std::map<std::string, json>& queries_table() {
  static const std::map<std::string, json> t = {
      {"GET /api/v1/constituents/{id}/interactions",
       with_paging(
           {param("newest_first", kBoolean, "true (default): newest first; false: oldest first")})},
      {"GET /api/v1/tasks",
       with_paging(
           {param("assigned_to", {{"type", "string"}}, "me, a user id or a username"),
            param("status", {{"type", "string"}, {"enum", {"open", "done", "cancelled", "all"}}},
                  "default open"),
            param("overdue", kBoolean, "true: open tasks due before as_of (default today)"),
            param("as_of", kDate, "the day overdue counts from"),
            param("due_before", kDate, "due strictly before this day"),
            param("due_after", kDate, "due strictly after this day"),
            param("constituent_id", {{"type", "integer"}, {"minimum", 1}},
                  "tasks about one constituent")})},
      {"GET /api/v1/tasks/overdue",
       with_paging({param("as_of", kDate, "default today"),
                    param("assigned_to", {{"type", "string"}}, "me, a user id or a username")})},
  };
  return t;
}

}  // namespace

nlohmann::json query_parameters(const Route& route) {
  if (route.openapi.is_object() && route.openapi.contains("parameters")) {
    return route.openapi["parameters"];
  }
  auto it = queries_table().find(route.method + " " + route.pattern);
  return it == queries_table().end() ? json::array() : it->second;
}

}  // namespace steward::http
