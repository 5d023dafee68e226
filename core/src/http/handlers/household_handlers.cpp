// Households (a household is a constituent of kind "household"; read it with
// GET /api/v1/constituents/{id}).
//   POST   /api/v1/households                        {"name"?, "member_ids": [..]}
//   POST   /api/v1/households/{id}/members           {"member_id", "role"?}
//   DELETE /api/v1/households/{id}/members/{member_id}   (ends the membership, keeps history)
#include "http/handlers/common.hpp"
#include "http/handlers/constituent_json.hpp"
#include "http/handlers/handlers.hpp"

namespace steward::http {
namespace {

Response no_such_household() { return Response::problem(404, "not-found", "no such household"); }

Response create_household(Call& call) {
  nlohmann::json body;
  if (auto bad = parse_json_body(call.request, body)) return *bad;
  JsonReader in(body);
  store::households::HouseholdInput input;
  input.name = in.text("name", false);
  if (const nlohmann::json* ids = in.array("member_ids", true)) {
    for (const auto& v : *ids) {
      if (!v.is_number_integer() || v.get<long long>() <= 0) {
        in.error("member_ids", "must be an array of constituent ids");
        break;
      }
      input.member_ids.push_back(v.get<long long>());
    }
  }
  if (Status s = in.finish(); !s) return Response::from_status(s);
  if (input.name && input.name->empty()) input.name.reset();
  nlohmann::json out;
  Status s = call.db.write(call.actor, [&](store::Unit& u) -> Status {
    for (long long member : input.member_ids) {
      auto m = visible_constituent(u, member, call.sees_restricted());
      if (!m) return m.status();
    }
    auto household = store::households::create(u, input);
    if (!household) return household.status();
    out = constituent_json(household.value());
    auto members = store::households::members(u, household.value().id);
    if (!members) return members.status();
    out["members"] = nlohmann::json::array();
    for (const auto& m : members.value()) out["members"].push_back(membership_json(m));
    return Status::ok();
  });
  if (!s) return Response::from_status(s);
  return Response::json(201, out).set(
      "Location", "/api/v1/constituents/" + std::to_string(out["id"].get<long long>()));
}

Response add_member(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_such_household();
  nlohmann::json body;
  if (auto bad = parse_json_body(call.request, body)) return *bad;
  JsonReader in(body);
  auto member_id = in.integer("member_id", true);
  auto role = in.text("role", false).value_or("member");
  if (member_id && *member_id <= 0) in.error("member_id", "must be a constituent id");
  if (Status s = in.finish(); !s) return Response::from_status(s);
  auto membership =
      call.db.write(call.actor, [&](store::Unit& u) -> Result<store::households::Membership> {
        auto household = visible_constituent(u, *id, call.sees_restricted());
        if (!household) return household.status();
        if (household.value().kind != domain::kHousehold)
          return Status::not_found("no such household");
        auto member = visible_constituent(u, *member_id, call.sees_restricted());
        if (!member) return member.status();
        return store::households::add_member(u, *id, *member_id, role);
      });
  if (!membership) return Response::from_status(membership.status());
  return Response::json(201, membership_json(membership.value()));
}

Response remove_member(Call& call) {
  auto id = path_id(call.request);
  auto member_id = path_id(call.request, "member_id");
  if (!id || !member_id) return no_such_household();
  Status s = call.db.write(call.actor, [&](store::Unit& u) -> Status {
    auto household = visible_constituent(u, *id, call.sees_restricted());
    if (!household) return household.status();
    auto member = visible_constituent(u, *member_id, call.sees_restricted());
    if (!member) return member.status();
    return store::households::remove_member(u, *id, *member_id);
  });
  if (!s) return Response::from_status(s);
  return Response::no_content();
}

}  // namespace

void add_household_routes(Api& api) {
  Router& r = api.router();
  using auth::Permission;
  r.add({"POST",
         "/api/v1/households",
         Access::kPermission,
         Permission::kWriteDonors,
         "Create a household with its first members",
         create_household,
         {}});
  r.add({"POST",
         "/api/v1/households/{id}/members",
         Access::kPermission,
         Permission::kWriteDonors,
         "Add a person to a household",
         add_member,
         {}});
  r.add({"DELETE",
         "/api/v1/households/{id}/members/{member_id}",
         Access::kPermission,
         Permission::kWriteDonors,
         "End a person's membership of a household",
         remove_member,
         {}});
}

}  // namespace steward::http
