// Reports, for roles with Permission::kRunReports (admin, fundraiser, analyst).
//   GET  /api/v1/reports                      installed report plugins
//   GET  /api/v1/reports/{report_id}          one report with its parameters
//   POST /api/v1/reports/{report_id}/run      {"parameters": {"name": value, ...}} ->
//        {"report", "name", "parameters", "columns", "rows", "chart"}; ?format=csv|xlsx answers
//        a download instead (which also needs Permission::kExport)
// Parameter errors are 400s naming the parameter; a report that tries to read or change what it
// may not is a 403; restricted constituents are left out for callers without the grant
// (engine/report_runner.hpp). Every run is audited.
#include "engine/report_runner.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/constituent_csv.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json_body.hpp"
#include "http/report_render.hpp"

namespace steward::http {
namespace {

struct ReportCtx {
  Api& api;
  engine::ReportSource source() const {
    engine::ReportSource s;
    s.plugin_dir = api.options().plugin_dir;
    return s;
  }
};

std::string report_id(const Call& call) {
  auto it = call.request.path_params.find("report_id");
  return it == call.request.path_params.end() ? "" : it->second;
}

Response list_reports(const ReportCtx&, Call& call) {
  auto list = call.db.read([](store::Unit& u) { return engine::list_reports(u); });
  if (!list) return Response::from_status(list.status());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& r : *list)
    items.push_back({{"id", r.plugin_id},
                     {"name", r.name},
                     {"version", r.version},
                     {"enabled", r.enabled},
                     {"state", r.state}});
  return Response::json(200, {{"items", items}});
}

Response get_report(const ReportCtx& ctx, Call& call) {
  std::string id = report_id(call);
  auto specs = engine::report_parameters(call.db, ctx.source(), id);
  if (!specs) return Response::from_status(specs.status());
  return Response::json(200, {{"id", id}, {"parameters", parameter_specs_json(*specs)}});
}

Result<sdk::Value> value_from_json(const std::string& name, const nlohmann::json& v) {
  if (v.is_null()) return sdk::Value{};
  if (v.is_boolean()) return sdk::Value{v.get<bool>()};
  if (v.is_number_integer()) return sdk::Value{v.get<std::int64_t>()};
  if (v.is_number_float()) return sdk::Value{v.get<double>()};
  if (v.is_string()) return sdk::Value{v.get<std::string>()};
  return Status::invalid_field("parameters." + name, "must be a string, number, boolean or null");
}

Response run_report(const ReportCtx& ctx, Call& call) {
  std::string id = report_id(call);
  std::string format = call.request.query_param("format").value_or("json");
  if (format != "json" && format != "csv" && format != "xlsx")
    return Response::from_status(Status::invalid_field("format", "must be json, csv or xlsx"));
  if (format != "json" &&
      !(call.identity && auth::allows(call.identity->user.role, auth::Permission::kExport)))
    return Response::from_status(
        Status::permission_denied("exporting needs the export permission"));
  std::map<std::string, sdk::Value> supplied;
  if (!call.request.body.empty()) {
    nlohmann::json body;
    if (auto bad = parse_json_body(call.request, body)) return *bad;
    for (auto it = body.begin(); it != body.end(); ++it) {
      if (it.key() != "parameters")
        return Response::from_status(Status::invalid_field(it.key(), "unknown field"));
    }
    if (body.contains("parameters")) {
      const auto& params = body["parameters"];
      if (!params.is_object())
        return Response::from_status(Status::invalid_field("parameters", "must be an object"));
      for (auto it = params.begin(); it != params.end(); ++it) {
        auto v = value_from_json(it.key(), it.value());
        if (!v) return Response::from_status(v.status());
        supplied[it.key()] = *v;
      }
    }
  }
  engine::ReportCaller caller{call.actor, call.sees_restricted()};
  auto result = engine::run_report(call.db, ctx.source(), id, supplied, caller);
  if (!result) return Response::from_status(result.status());
  if (format == "csv") return csv_response(report_table_csv(result->table), id + ".csv");
  if (format == "xlsx") {
    auto book = report_table_xlsx(result->table, result->name);
    if (!book) return Response::from_status(book.status());
    Response r;
    r.status = 200;
    r.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    r.body = std::move(*book);
    r.set("Content-Disposition", "attachment; filename=\"" + id + ".xlsx\"");
    return r;
  }
  nlohmann::json out = report_table_json(result->table);
  out["report"] = result->report_id;
  out["name"] = result->name;
  nlohmann::json p = nlohmann::json::object();
  for (const auto& [k, v] : result->parameters) p[k] = report_value_json(v);
  out["parameters"] = p;
  return Response::json(200, out);
}

nlohmann::json run_openapi() {
  return {{"request",
           {{"type", "object"},
            {"additionalProperties", false},
            {"properties",
             {{"parameters",
               {{"type", "object"},
                {"description", "values by parameter name (see GET /api/v1/reports/{id})"}}}}}}},
          {"response",
           {{"type", "object"},
            {"properties",
             {{"report", {{"type", "string"}}},
              {"name", {{"type", "string"}}},
              {"parameters", {{"type", "object"}}},
              {"columns", {{"type", "array"}, {"items", {{"type", "object"}}}}},
              {"rows", {{"type", "array"}, {"items", {{"type", "array"}}}}},
              {"chart", {{"type", {"object", "null"}}}}}}}},
          {"status", 200}};
}

}  // namespace

void add_report_routes(Api& api) {
  Router& r = api.router();
  ReportCtx ctx{api};
  auto route = [&](const char* method, const char* path, const char* summary,
                   std::function<Response(const ReportCtx&, Call&)> fn, nlohmann::json openapi) {
    r.add({method, path, Access::kPermission, auth::Permission::kRunReports, summary,
           [ctx, fn](Call& call) { return fn(ctx, call); }, std::move(openapi)});
  };
  route("GET", "/api/v1/reports", "Installed report plugins", list_reports,
        {{"response",
          {{"type", "object"},
           {"properties", {{"items", {{"type", "array"}, {"items", {{"type", "object"}}}}}}}}},
         {"status", 200}});
  route("GET", "/api/v1/reports/{report_id}", "A report and its parameters", get_report,
        {{"response",
          {{"type", "object"},
           {"properties",
            {{"id", {{"type", "string"}}},
             {"parameters", {{"type", "array"}, {"items", {{"type", "object"}}}}}}}}},
         {"status", 200}});
  route("POST", "/api/v1/reports/{report_id}/run",
        "Run a report: a JSON table with a chart hint, or ?format=csv|xlsx to download", run_report,
        run_openapi());
}

}  // namespace steward::http
