// Saved analytics queries, for roles with Permission::kRunReports (admin, fundraiser, analyst):
//   GET    /api/v1/analytics/saved-queries        -> {"items": [...]} own, shared (admin: all)
//   POST   /api/v1/analytics/saved-queries        {"name", "query": {...}, "shared"?} -> 201
//   GET    /api/v1/analytics/saved-queries/{id}
//   PUT    /api/v1/analytics/saved-queries/{id}   the same body as POST (owner or admin)
//   DELETE /api/v1/analytics/saved-queries/{id}   (owner or admin) -> 204
// The query is checked by the analytics parser (engine::analytics::parse_query) before it is
// stored; its errors name "query.<field>". Someone else's private query is 404, a shared one
// that the caller does not own is 403 to change. Registered by add_analytics_routes.
#include "engine/analytics_query.hpp"
#include "engine/analytics_request.hpp"
#include "http/api.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/nested_errors.hpp"
#include "http/json_body.hpp"
#include "store/saved_query_repository.hpp"

namespace steward::http {

nlohmann::json analytics_query_request_schema();  // analytics_handlers.cpp

namespace {

using nlohmann::json;

Response no_saved_query() { return Response::problem(404, "not-found", "no such saved query"); }

store::saved_queries::Viewer viewer_of(const Call& call) {
  store::saved_queries::Viewer v;
  if (call.identity) {
    v.user_id = call.identity->user.id;
    v.admin = call.identity->user.role == auth::Role::kAdmin;
  }
  return v;
}

json saved_query_json(const domain::SavedQuery& q, const store::saved_queries::Viewer& viewer) {
  const bool mine = q.owner_user_id == viewer.user_id;
  return {{"id", q.id},
          {"name", q.name},
          {"query", json::parse(q.query, nullptr, false)},
          {"shared", q.shared},
          {"owner", q.owner},
          {"mine", mine},
          {"can_change", mine || viewer.admin},
          {"created_at", q.created_at},
          {"updated_at", q.updated_at}};
}

// {"name", "query", "shared"?}; the read-only fields of an answer may be echoed back (ignored).
// The query must be one POST /api/v1/analytics/query would run.
std::optional<Response> read_saved_query(const Request& request, domain::SavedQueryInput& out) {
  json body;
  if (auto bad = parse_json_body(request, body)) return bad;
  JsonReader in(body);
  out.name = in.text("name", true).value_or("");
  const json* query = in.object("query", true);
  out.shared = in.boolean("shared", false).value_or(false);
  for (const char* echoed : {"id", "owner", "mine", "can_change", "created_at", "updated_at"}) {
    in.ignore(echoed);
  }
  if (Status s = in.finish(); !s) return Response::from_status(s);
  auto parsed = engine::analytics::parse_query(*query);
  if (!parsed) return Response::from_status(under_field(parsed.status(), "query"));
  // The parser reads the shape; the names (measures, dimensions, filters) are checked here, as
  // the run would check them, so a query that could never run is not stored.
  if (Status s = engine::analytics::validate(*parsed); !s) {
    return Response::from_status(under_field(s, "query"));
  }
  out.query = query->dump();
  return std::nullopt;
}

Response list_saved(Call& call) {
  const auto viewer = viewer_of(call);
  auto list = call.db.read([&](store::Unit& u) { return store::saved_queries::list(u, viewer); });
  if (!list) return Response::from_status(list.status());
  json items = json::array();
  for (const auto& q : *list) items.push_back(saved_query_json(q, viewer));
  return Response::json(200, {{"items", items}});
}

Response get_saved(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_saved_query();
  const auto viewer = viewer_of(call);
  auto q = call.db.read([&](store::Unit& u) { return store::saved_queries::get(u, viewer, *id); });
  if (!q) return Response::from_status(q.status());
  return Response::json(200, saved_query_json(*q, viewer));
}

Response create_saved(Call& call) {
  domain::SavedQueryInput input;
  if (auto bad = read_saved_query(call.request, input)) return *bad;
  const auto viewer = viewer_of(call);
  auto made = call.db.write(
      call.actor, [&](store::Unit& u) { return store::saved_queries::create(u, viewer, input); });
  if (!made) return Response::from_status(made.status());
  return Response::json(201, saved_query_json(*made, viewer))
      .set("Location", "/api/v1/analytics/saved-queries/" + std::to_string(made->id));
}

Response replace_saved(Call& call) {
  auto id = path_id(call.request);
  domain::SavedQueryInput input;
  if (auto bad = read_saved_query(call.request, input)) return *bad;
  if (!id) return no_saved_query();
  const auto viewer = viewer_of(call);
  auto done = call.db.write(call.actor, [&](store::Unit& u) {
    return store::saved_queries::update(u, viewer, *id, input);
  });
  if (!done) return Response::from_status(done.status());
  return Response::json(200, saved_query_json(*done, viewer));
}

Response delete_saved(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_saved_query();
  const auto viewer = viewer_of(call);
  Status done = call.db.write(
      call.actor, [&](store::Unit& u) { return store::saved_queries::remove(u, viewer, *id); });
  if (!done) return Response::from_status(done);
  return Response::no_content();
}

json saved_query_schema() {
  const json text = {{"type", "string"}};
  return {{"type", "object"},
          {"properties",
           {{"id", {{"type", "integer"}}},
            {"name", text},
            {"query", {{"type", "object"}}},
            {"shared", {{"type", "boolean"}}},
            {"owner", text},
            {"mine", {{"type", "boolean"}}},
            {"can_change", {{"type", "boolean"}}},
            {"created_at", text},
            {"updated_at", text}}}};
}

json saved_query_request() {
  json request = {
      {"type", "object"},
      {"additionalProperties", false},
      {"required", {"name", "query"}},
      {"properties",
       {{"name", {{"type", "string"}, {"maxLength", 200}}},
        {"query", analytics_query_request_schema()},
        {"shared",
         {{"type", "boolean"},
          {"description", "seen by everyone who may run analytics (default false)"}}}}}};
  // Read-only parts of an answer a client may echo back (ignored).
  for (const char* echoed : {"id", "owner", "mine", "can_change", "created_at", "updated_at"}) {
    request["properties"][echoed] = json::object();
  }
  return request;
}

}  // namespace

void add_saved_query_routes(Api& api) {
  auto& r = api.router();
  const std::string all = "/api/v1/analytics/saved-queries";
  const std::string one = all + "/{id}";
  const json item = saved_query_schema();
  const json list = {{"type", "object"},
                     {"properties", {{"items", {{"type", "array"}, {"items", item}}}}}};
  auto route = [&](const char* method, const std::string& path, const char* summary, Handler h,
                   json spec) {
    r.add({method, path, Access::kPermission, auth::Permission::kRunReports, summary, std::move(h),
           std::move(spec)});
  };
  route("GET", all, "Saved analytics queries: your own and the shared ones (an admin sees all)",
        list_saved, {{"response", list}});
  route("POST", all, "Save an analytics query {name, query, shared?}", create_saved,
        {{"request", saved_query_request()}, {"response", item}, {"status", 201}});
  route("GET", one, "One saved analytics query", get_saved, {{"response", item}});
  route("PUT", one, "Replace a saved query's name, query and sharing (its owner or an admin)",
        replace_saved, {{"request", saved_query_request()}, {"response", item}});
  route("DELETE", one, "Delete a saved analytics query (its owner or an admin)", delete_saved,
        {{"status", 204}});
}

}  // namespace steward::http
