// The analytics query API, for roles with Permission::kRunReports (admin, fundraiser, analyst).
//   POST /api/v1/analytics/query   body: engine/analytics_request.hpp ->
//        {"columns", "rows", "chart", "from", "to", "groups", "truncated", "message"?}
//        ?format=csv|xlsx (or Accept: text/csv / the XLSX type) answers a download instead,
//        which also needs Permission::kExport; a truncated download carries the message in the
//        X-Steward-Truncated header.
// Unknown names are 400s naming the field and listing the known names; restricted donors are
// left out for callers without the grant (engine/analytics_query.hpp). Every answered query is
// audited (engine/analytics_audit.hpp).
#include "engine/analytics_audit.hpp"
#include "engine/analytics_query.hpp"
#include "engine/analytics_request.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/constituent_csv.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json_body.hpp"
#include "http/report_render.hpp"

namespace steward::http {
namespace {

constexpr const char* kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// ?format wins over Accept; Accept text/csv or the XLSX type picks a download.
Result<std::string> answer_format(const Request& request) {
  if (auto f = request.query_param("format")) {
    if (*f != "json" && *f != "csv" && *f != "xlsx")
      return Status::invalid_field("format", "must be json, csv or xlsx");
    return *f;
  }
  const std::string accept = request.header("accept").value_or("");
  if (accept.find("text/csv") != std::string::npos) return std::string("csv");
  if (accept.find(kXlsxType) != std::string::npos) return std::string("xlsx");
  return std::string("json");
}

Response analytics_query(Call& call) {
  auto format = answer_format(call.request);
  if (!format) return Response::from_status(format.status());
  if (*format != "json" &&
      !(call.identity && auth::allows(call.identity->user.role, auth::Permission::kExport)))
    return Response::from_status(
        Status::permission_denied("exporting needs the export permission"));
  nlohmann::json body;
  if (auto bad = parse_json_body(call.request, body)) return *bad;
  auto q = engine::analytics::parse_query(body);
  if (!q) return Response::from_status(q.status());
  auto answer = engine::analytics::run(call.db, *q, call.sees_restricted());
  if (!answer) return Response::from_status(answer.status());
  Status audited = engine::analytics::record_run(call.db, call.actor, body, *answer, *format,
                                                 call.sees_restricted());
  if (!audited) return Response::from_status(audited);
  if (*format == "csv" || *format == "xlsx") {
    Response r;
    if (*format == "csv") {
      r = csv_response(report_table_csv(answer->table), "analytics.csv");
    } else {
      auto book = report_table_xlsx(answer->table, "Analytics");
      if (!book) return Response::from_status(book.status());
      r.status = 200;
      r.content_type = kXlsxType;
      r.body = std::move(*book);
      r.set("Content-Disposition", "attachment; filename=\"analytics.xlsx\"");
    }
    if (answer->truncated) r.set("X-Steward-Truncated", answer->message);
    return r;
  }
  nlohmann::json out = report_table_json(answer->table);
  out["from"] = answer->from;
  out["to"] = answer->to;
  out["groups"] = answer->groups;
  out["truncated"] = answer->truncated;
  if (answer->truncated) out["message"] = answer->message;
  return Response::json(200, out);
}

nlohmann::json names(const std::vector<std::string>& list) {
  return {{"type", "string"}, {"enum", list}};
}

}  // namespace

// The body of POST /api/v1/analytics/query as a schema (a saved query's "query" too).
nlohmann::json analytics_query_request_schema() {
  using nlohmann::json;
  const json filter = {
      {"type", "object"},
      {"additionalProperties", false},
      {"required", {"field"}},
      {"properties",
       {{"field", names(engine::analytics::filter_names())},
        {"op", {{"type", "string"}, {"enum", {"=", "!=", "in", "not_in", "<", "<=", ">", ">="}}}},
        {"value", {{"type", {"integer", "string"}}}},
        {"values", {{"type", "array"}, {"items", {{"type", {"integer", "string"}}}}}}}}};
  const json sort_key = {
      {"oneOf",
       {{{"type", "string"}, {"description", "a measure or dimension; '-name' descending"}},
        {{"type", "object"},
         {"properties",
          {{"field", {{"type", "string"}}},
           {"direction", {{"type", "string"}, {"enum", {"asc", "desc"}}}}}}}}}};
  return {
      {"type", "object"},
      {"additionalProperties", false},
      {"required", {"measures"}},
      {"properties",
       {{"measures", {{"type", "array"}, {"items", names(engine::analytics::measure_names())}}},
        {"dimensions",
         {{"type", "array"},
          {"maxItems", 4},
          {"items", names(engine::analytics::dimension_names())}}},
        {"grain", names(engine::analytics::grain_names())},
        {"from", {{"type", "string"}, {"format", "date"}}},
        {"to", {{"type", "string"}, {"format", "date"}}},
        {"filters", {{"type", "array"}, {"items", filter}}},
        {"sort", {{"type", "array"}, {"items", sort_key}}},
        {"limit", {{"type", "integer"}, {"minimum", 1}, {"maximum", engine::analytics::kMaxLimit}}},
        {"fiscal_year_start_month", {{"type", "integer"}, {"minimum", 1}, {"maximum", 12}}}}}};
}

namespace {

nlohmann::json query_openapi() {
  using nlohmann::json;
  return {{"request", analytics_query_request_schema()},
          {"response",
           {{"type", "object"},
            {"properties",
             {{"columns", {{"type", "array"}, {"items", {{"type", "object"}}}}},
              {"rows", {{"type", "array"}, {"items", {{"type", "array"}}}}},
              {"chart", {{"type", {"object", "null"}}}},
              {"from", {{"type", "string"}, {"format", "date"}}},
              {"to", {{"type", "string"}, {"format", "date"}}},
              {"groups", {{"type", "integer"}}},
              {"truncated", {{"type", "boolean"}}},
              {"message", {{"type", "string"}}}}}}},
          {"status", 200}};
}

}  // namespace

void add_saved_query_routes(Api& api);  // saved_query_handlers.cpp

void add_analytics_routes(Api& api) {
  api.router().add({"POST", "/api/v1/analytics/query", Access::kPermission,
                    auth::Permission::kRunReports,
                    "Giving measures by dimensions (JSON, or ?format=csv|xlsx to download)",
                    [](Call& call) { return analytics_query(call); }, query_openapi()});
  add_saved_query_routes(api);
}

}  // namespace steward::http
