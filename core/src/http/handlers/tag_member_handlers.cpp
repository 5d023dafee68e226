// Tagging many constituents at once (the constituents list's bulk tag).
//   POST /api/v1/tags                          {"name": "Volunteer"}: the tag, created when new
//   POST /api/v1/tags/{id}/members             {"constituent_ids": [1, 2, 3]}
//   POST /api/v1/tags/{id}/members/remove      {"constituent_ids": [1, 2, 3]}
// One unit of work: every constituent is tagged (or untagged) or none is; each change is
// audited per constituent (store::tags::tag / untag; idempotent). An id that does not exist, or
// that the caller may not see (restricted, without the grant), is a 422 naming its place
// ("constituent_ids[2]") and nothing is written.
#include <set>

#include "http/handlers/common.hpp"
#include "http/handlers/constituent_json.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json_body.hpp"
#include "store/tag_members.hpp"

namespace steward::http {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxMembers = 1000;

// The ids in the body, in order, without repeats. Errors name the field or the element.
Result<std::vector<long long>> member_ids(const Request& request, std::optional<Response>& bad) {
  json body;
  if (auto b = parse_json_body(request, body)) {
    bad = *b;
    return Status::invalid("body");
  }
  JsonReader in(body);
  const json* ids = in.array("constituent_ids", true);
  if (Status s = in.finish(); !s) return s;
  if (ids->empty()) return Status::invalid_field("constituent_ids", "name at least one");
  if (ids->size() > kMaxMembers)
    return Status::invalid_field("constituent_ids",
                                 "at most " + std::to_string(kMaxMembers) + " per request");
  std::vector<long long> out;
  std::set<long long> seen;
  for (std::size_t i = 0; i < ids->size(); ++i) {
    const json& v = (*ids)[i];
    if (!v.is_number_integer() || v.get<long long>() <= 0)
      return Status::invalid_field("constituent_ids[" + std::to_string(i) + "]",
                                   "must be a constituent id");
    if (seen.insert(v.get<long long>()).second) out.push_back(v.get<long long>());
  }
  return out;
}

Response change_members(Call& call, bool add) {
  std::optional<Response> bad;
  auto ids = member_ids(call.request, bad);
  if (bad) return *bad;
  if (!ids) return Response::from_status(ids.status());
  auto tag_id = path_id(call.request);
  if (!tag_id) return Response::from_status(Status::not_found("no such tag"));
  auto tag = call.db.write(call.actor, [&](store::Unit& u) -> Result<store::tags::Tag> {
    auto t = store::tag_members::tag_by_id(u, *tag_id);
    if (!t) return t.status();
    for (std::size_t i = 0; i < ids->size(); ++i) {
      const long long id = (*ids)[i];
      if (auto c = visible_constituent(u, id, call.sees_restricted()); !c) {
        if (c.status().code() != StatusCode::kNotFound) return c.status();
        return Status::invalid_field("constituent_ids[" + std::to_string(i) + "]",
                                     "constituent " + std::to_string(id) + " does not exist");
      }
      Status s = add ? store::tags::tag(u, id, t->id) : store::tags::untag(u, id, t->id);
      if (!s) return s;
    }
    return t;
  });
  if (!tag) return Response::from_status(tag.status());
  return Response::json(
      200,
      {{"tag", tag_json(*tag)}, {"constituents", ids->size()}, {"action", add ? "add" : "remove"}});
}

Response create_tag(Call& call) {
  json body;
  if (auto bad = parse_json_body(call.request, body)) return *bad;
  JsonReader in(body);
  auto name = in.text("name", true);
  if (Status s = in.finish(); !s) return Response::from_status(s);
  auto tag = call.db.write(call.actor,
                           [&](store::Unit& u) { return store::tags::find_or_create(u, *name); });
  if (!tag) return Response::from_status(tag.status());
  return Response::json(201, tag_json(*tag));
}

const json kTag = {{"type", "object"},
                   {"properties", {{"id", {{"type", "integer"}}}, {"name", {{"type", "string"}}}}}};

json members_openapi() {
  return {{"request",
           {{"type", "object"},
            {"additionalProperties", false},
            {"required", {"constituent_ids"}},
            {"properties",
             {{"constituent_ids",
               {{"type", "array"},
                {"minItems", 1},
                {"maxItems", kMaxMembers},
                {"items", {{"type", "integer"}}}}}}}}},
          {"response",
           {{"type", "object"},
            {"properties",
             {{"tag", kTag},
              {"constituents", {{"type", "integer"}}},
              {"action", {{"type", "string"}, {"enum", {"add", "remove"}}}}}}}},
          {"status", 200}};
}

}  // namespace

void add_tag_member_routes(Api& api) {
  Router& r = api.router();
  using auth::Permission;
  r.add({"POST",
         "/api/v1/tags",
         Access::kPermission,
         Permission::kWriteDonors,
         "The tag with this name, created when new",
         create_tag,
         {{"request",
           {{"type", "object"},
            {"additionalProperties", false},
            {"required", {"name"}},
            {"properties", {{"name", {{"type", "string"}}}}}}},
          {"response", kTag},
          {"status", 201}}});
  r.add({"POST", "/api/v1/tags/{id}/members", Access::kPermission, Permission::kWriteDonors,
         "Tag many constituents at once (one transaction; audited per constituent)",
         [](Call& call) { return change_members(call, true); }, members_openapi()});
  r.add({"POST", "/api/v1/tags/{id}/members/remove", Access::kPermission, Permission::kWriteDonors,
         "Untag many constituents at once (one transaction; audited per constituent)",
         [](Call& call) { return change_members(call, false); }, members_openapi()});
}

}  // namespace steward::http
