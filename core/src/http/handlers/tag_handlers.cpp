// Tags on constituents.
//   GET    /api/v1/tags
//   POST   /api/v1/constituents/{id}/tags            {"name": "Volunteer"}  (created when new)
//   DELETE /api/v1/constituents/{id}/tags/{tag_id}
// Tagging and untagging are idempotent.
#include "http/handlers/common.hpp"
#include "http/handlers/constituent_json.hpp"
#include "http/handlers/handlers.hpp"

namespace steward::http {
namespace {

Response list_tags(Call& call) {
  auto tags = call.db.read([&](store::Unit& u) { return store::tags::list(u); });
  if (!tags) return Response::from_status(tags.status());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& t : tags.value()) items.push_back(tag_json(t));
  return Response::json(200, page_json(items, std::nullopt));
}

Response tag_constituent(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_such_constituent();
  nlohmann::json body;
  if (auto bad = parse_json_body(call.request, body)) return *bad;
  JsonReader in(body);
  auto name = in.text("name", true).value_or("");
  in.ignore("id");
  if (Status s = in.finish(); !s) return Response::from_status(s);
  auto tag = call.db.write(call.actor, [&](store::Unit& u) -> Result<store::tags::Tag> {
    auto c = visible_constituent(u, *id, call.sees_restricted());
    if (!c) return c.status();
    auto t = store::tags::find_or_create(u, name);
    if (!t) return t.status();
    if (Status s = store::tags::tag(u, *id, t.value().id); !s) return s;
    return t;
  });
  if (!tag) return Response::from_status(tag.status());
  return Response::json(201, tag_json(tag.value()));
}

Response untag_constituent(Call& call) {
  auto id = path_id(call.request);
  auto tag_id = path_id(call.request, "tag_id");
  if (!id || !tag_id) return no_such_constituent();
  Status s = call.db.write(call.actor, [&](store::Unit& u) -> Status {
    auto c = visible_constituent(u, *id, call.sees_restricted());
    if (!c) return c.status();
    return store::tags::untag(u, *id, *tag_id);
  });
  if (!s) return Response::from_status(s);
  return Response::no_content();
}

}  // namespace

void add_tag_routes(Api& api) {
  Router& r = api.router();
  using auth::Permission;
  r.add({"GET",
         "/api/v1/tags",
         Access::kPermission,
         Permission::kReadDonors,
         "Every tag by name",
         list_tags,
         {}});
  r.add({"POST",
         "/api/v1/constituents/{id}/tags",
         Access::kPermission,
         Permission::kWriteDonors,
         "Tag a constituent (the tag is created when new)",
         tag_constituent,
         {}});
  r.add({"DELETE",
         "/api/v1/constituents/{id}/tags/{tag_id}",
         Access::kPermission,
         Permission::kWriteDonors,
         "Untag a constituent",
         untag_constituent,
         {}});
}

}  // namespace steward::http
