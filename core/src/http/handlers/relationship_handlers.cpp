// Relationships between constituents, typed from the constituent's side.
//   GET    /api/v1/constituents/{id}/relationships
//   POST   /api/v1/constituents/{id}/relationships   {"related_id","type","started_on"?,...}
//   DELETE /api/v1/relationships/{id}
// A relationship to a constituent the caller may not see is left out (and is 404 to delete).
#include "http/handlers/common.hpp"
#include "http/handlers/constituent_json.hpp"
#include "http/handlers/handlers.hpp"
#include "store/relationship_parties.hpp"

namespace steward::http {
namespace {

Response list_relationships(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_such_constituent();
  nlohmann::json items = nlohmann::json::array();
  Status s = call.db.read([&](store::Unit& u) -> Status {
    auto c = visible_constituent(u, *id, call.sees_restricted());
    if (!c) return c.status();
    auto rows = store::relationships::list_for(u, *id);
    if (!rows) return rows.status();
    for (const auto& r : rows.value()) {
      if (visible_constituent(u, r.related_id, call.sees_restricted()))
        items.push_back(relationship_json(r));
    }
    return Status::ok();
  });
  if (!s) return Response::from_status(s);
  return Response::json(200, page_json(items, std::nullopt));
}

Response create_relationship(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_such_constituent();
  nlohmann::json body;
  if (auto bad = parse_json_body(call.request, body)) return *bad;
  JsonReader in(body);
  domain::RelationshipInput input;
  input.constituent_id = *id;
  input.related_id = in.integer("related_id", true).value_or(0);
  input.type = in.text("type", true).value_or("");
  input.started_on = in.text("started_on", false);
  input.ended_on = in.text("ended_on", false);
  input.notes = in.text("notes", false);
  for (const char* echoed : {"id", "constituent_id", "related_name"}) in.ignore(echoed);
  if (Status s = in.finish(); !s) return Response::from_status(s);
  auto created =
      call.db.write(call.actor, [&](store::Unit& u) -> Result<store::relationships::Relationship> {
        auto c = visible_constituent(u, *id, call.sees_restricted());
        if (!c) return c.status();
        if (input.related_id > 0) {
          auto related = visible_constituent(u, input.related_id, call.sees_restricted());
          if (!related) return related.status();
        }
        return store::relationships::create(u, input);
      });
  if (!created) return Response::from_status(created.status());
  return Response::json(201, relationship_json(created.value()));
}

Response delete_relationship(Call& call) {
  auto id = path_id(call.request);
  if (!id) return Response::problem(404, "not-found", "no such relationship");
  Status s = call.db.write(call.actor, [&](store::Unit& u) -> Status {
    auto parties = store::relationships::parties(u, *id);
    if (!parties) return parties.status();
    for (long long party : {parties.value().first, parties.value().second}) {
      if (!visible_constituent(u, party, call.sees_restricted(), true))
        return Status::not_found("relationship " + std::to_string(*id) + " does not exist");
    }
    return store::relationships::remove(u, *id);
  });
  if (!s) return Response::from_status(s);
  return Response::no_content();
}

}  // namespace

void add_relationship_routes(Api& api) {
  Router& r = api.router();
  using auth::Permission;
  r.add({"GET",
         "/api/v1/constituents/{id}/relationships",
         Access::kPermission,
         Permission::kReadDonors,
         "A constituent's relationships, typed from its side",
         list_relationships,
         {}});
  r.add({"POST",
         "/api/v1/constituents/{id}/relationships",
         Access::kPermission,
         Permission::kWriteDonors,
         "Relate two constituents",
         create_relationship,
         {}});
  r.add({"DELETE",
         "/api/v1/relationships/{id}",
         Access::kPermission,
         Permission::kWriteDonors,
         "Remove a relationship",
         delete_relationship,
         {}});
}

}  // namespace steward::http
