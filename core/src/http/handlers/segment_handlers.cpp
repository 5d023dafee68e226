// Saved segments (docs/segments.md) and who is in them.
//   GET  /api/v1/segments[?after=&limit=]          POST /api/v1/segments
//   GET  /api/v1/segments/{id} (ETag)  PUT (If-Match)  DELETE (soft)
//   GET  /api/v1/segments/{id}/count               -> {"count": n}
//   GET  /api/v1/segments/{id}/members[?after=&limit=] (cursor pages by constituent id)
//   POST /api/v1/segments/preview {"filter": {...}} -> {"count": n} for an unsaved filter
// Without the restricted grant, restricted constituents are never counted nor listed.
#include "engine/segment_service.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/segment_json.hpp"
#include "http/json_body.hpp"
#include "store/segment_repository.hpp"

namespace steward::http {
namespace {

Response no_segment() { return Response::problem(404, "not-found", "no such segment"); }

Response segment_response(int status, const domain::Segment& s) {
  nlohmann::json j = segment_json(s);
  return with_etag(Response::json(status, j), etag_of(j));
}

// {"name", "description"?, "filter": {...}}; the filter is a JSON object, stored as text.
std::optional<Response> read_segment(const Request& request, domain::SegmentInput& out) {
  nlohmann::json body;
  if (auto bad = parse_json_body(request, body)) return bad;
  JsonReader in(body);
  out.name = in.text("name", true).value_or("");
  out.description = in.text("description", false);
  if (const nlohmann::json* filter = in.object("filter", true)) out.filter = filter->dump();
  for (const char* echoed : {"id", "created_by", "created_at", "updated_at"}) in.ignore(echoed);
  if (Status s = in.finish(); !s) return Response::from_status(s);
  return std::nullopt;
}

Response list_segments(Call& call) {
  auto page = page_request(call.request);
  if (!page) return Response::from_status(page.status());
  auto list = call.db.read([&](store::Unit& u) { return store::segments::list(u, page.value()); });
  if (!list) return Response::from_status(list.status());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& s : list.value().items) items.push_back(segment_json(s));
  return Response::json(200, page_json(items, list.value().next_after_id));
}

Response get_segment(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_segment();
  auto s = call.db.read([&](store::Unit& u) { return store::segments::get(u, *id); });
  if (!s) return Response::from_status(s.status());
  return segment_response(200, s.value());
}

Response create_segment(Call& call) {
  domain::SegmentInput input;
  if (auto bad = read_segment(call.request, input)) return *bad;
  auto made = call.db.write(call.actor, [&](store::Unit& u) -> Result<domain::Segment> {
    if (auto f = engine::segments::parse_filter(u, input.filter); !f) {
      return filter_error(f.status());
    }
    return store::segments::create(u, input);
  });
  if (!made) return Response::from_status(made.status());
  return segment_response(201, made.value())
      .set("Location", "/api/v1/segments/" + std::to_string(made.value().id));
}

Response replace_segment(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_segment();
  domain::SegmentInput input;
  if (auto bad = read_segment(call.request, input)) return *bad;
  std::optional<Response> refused;
  auto done = call.db.write(call.actor, [&](store::Unit& u) -> Result<domain::Segment> {
    auto current = store::segments::get(u, *id);
    if (!current) return current.status();
    refused = check_if_match(call.request, etag_of(segment_json(current.value())));
    if (refused) return Status::precondition_failed("stale");
    if (auto f = engine::segments::parse_filter(u, input.filter); !f) {
      return filter_error(f.status());
    }
    return store::segments::update(u, *id, input);
  });
  if (refused) return *refused;
  if (!done) return Response::from_status(done.status());
  return segment_response(200, done.value());
}

Response delete_segment(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_segment();
  Status done =
      call.db.write(call.actor, [&](store::Unit& u) { return store::segments::remove(u, *id); });
  if (!done) return Response::from_status(done);
  return Response::no_content();
}

Response count_segment(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_segment();
  auto n = call.db.read([&](store::Unit& u) -> Result<long long> {
    auto filter = saved_filter_for(call, u, *id);
    if (!filter) return filter.status();
    return engine::segments::count(u, filter.value());
  });
  if (!n) return Response::from_status(n.status());
  return Response::json(200, {{"segment_id", *id}, {"count", n.value()}});
}

Response segment_members(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_segment();
  auto page = page_request(call.request);
  if (!page) return Response::from_status(page.status());
  auto members = call.db.read([&](store::Unit& u) -> Result<store::Page<engine::segments::Member>> {
    auto filter = saved_filter_for(call, u, *id);
    if (!filter) return filter.status();
    return engine::segments::members(u, filter.value(), page.value());
  });
  if (!members) return Response::from_status(members.status());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& m : members.value().items) {
    items.push_back({{"id", m.id}, {"display_name", m.display_name}});
  }
  return Response::json(200, page_json(items, members.value().next_after_id));
}

Response preview_filter(Call& call) {
  nlohmann::json body;
  if (auto bad = parse_json_body(call.request, body)) return *bad;
  JsonReader in(body);
  const nlohmann::json* filter = in.object("filter", true);
  if (Status s = in.finish(); !s) return Response::from_status(s);
  auto n = call.db.read([&](store::Unit& u) -> Result<long long> {
    auto text = filter_for(call, u, filter->dump());
    if (!text) return text.status();
    return engine::segments::count(u, text.value());
  });
  if (!n) return Response::from_status(n.status());
  return Response::json(200, {{"count", n.value()}});
}

}  // namespace

void add_segment_routes(Api& api) {
  Router& r = api.router();
  using auth::Permission;
  auto route = [&](const char* method, const char* pattern, Permission p, const char* summary,
                   Handler h) {
    r.add({method, pattern, Access::kPermission, p, summary, std::move(h), {}});
  };
  route("GET", "/api/v1/segments", Permission::kReadDonors, "Saved segments by name",
        list_segments);
  route("POST", "/api/v1/segments", Permission::kRunReports,
        "Save a segment {name, description?, filter}", create_segment);
  route("POST", "/api/v1/segments/preview", Permission::kReadDonors,
        "Count the constituents an unsaved filter selects {filter}", preview_filter);
  route("GET", "/api/v1/segments/{id}", Permission::kReadDonors, "One segment, with its ETag",
        get_segment);
  route("PUT", "/api/v1/segments/{id}", Permission::kRunReports,
        "Replace a segment (If-Match required)", replace_segment);
  route("DELETE", "/api/v1/segments/{id}", Permission::kRunReports, "Delete a segment (soft)",
        delete_segment);
  route("GET", "/api/v1/segments/{id}/count", Permission::kReadDonors,
        "How many constituents the segment selects now", count_segment);
  route("GET", "/api/v1/segments/{id}/members", Permission::kReadDonors,
        "The segment's members by constituent id (cursor pages)", segment_members);
}

}  // namespace steward::http
