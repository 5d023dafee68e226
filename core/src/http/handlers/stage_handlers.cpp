// A constituent's moves-management stage, with its history.
//   GET /api/v1/constituents/{id}/stage  -> {"constituent_id", "stage": "cultivate"|null,
//                                            "history": [...]} with an ETag
//   PUT /api/v1/constituents/{id}/stage  {"stage": "solicit", "note": "..."} (If-Match)
// A restricted constituent's stage answers 404 without the restricted grant.
#include "http/handlers/common.hpp"
#include "http/handlers/constituent_json.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json_body.hpp"
#include "store/stage_repository.hpp"

namespace steward::http {
namespace {

nlohmann::json change_json(const domain::StageChange& c) {
  auto opt = [](const auto& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
  return {{"id", c.id},
          {"from_stage", opt(c.from_stage)},
          {"to_stage", opt(c.to_stage)},
          {"changed_by", opt(c.changed_by)},
          {"note", opt(c.note)},
          {"created_at", c.created_at}};
}

Result<nlohmann::json> stage_image(Call& call, store::Unit& u, long long id) {
  if (auto c = visible_constituent(u, id, call.sees_restricted()); !c) return c.status();
  auto current = store::stages::current_stage(u, id);
  if (!current) return current.status();
  auto history = store::stages::history(u, id);
  if (!history) return history.status();
  nlohmann::json h = nlohmann::json::array();
  for (const auto& c : history.value()) h.push_back(change_json(c));
  return nlohmann::json{
      {"constituent_id", id},
      {"stage", current.value() ? nlohmann::json(*current.value()) : nlohmann::json(nullptr)},
      {"history", h}};
}

Response get_stage(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_such_constituent();
  auto image = call.db.read([&](store::Unit& u) { return stage_image(call, u, *id); });
  if (!image) return Response::from_status(image.status());
  return with_etag(Response::json(200, image.value()), etag_of(image.value()));
}

Response put_stage(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_such_constituent();
  nlohmann::json body;
  if (auto bad = parse_json_body(call.request, body)) return *bad;
  JsonReader in(body);
  auto stage = in.text("stage", true).value_or("");
  auto note = in.text("note", false);
  in.ignore("constituent_id");
  in.ignore("history");
  if (Status s = in.finish(); !s) return Response::from_status(s);
  std::optional<Response> refused;
  auto image = call.db.write(call.actor, [&](store::Unit& u) -> Result<nlohmann::json> {
    auto before = stage_image(call, u, *id);
    if (!before) return before.status();
    refused = check_if_match(call.request, etag_of(before.value()));
    if (refused) return Status::precondition_failed("stale");
    if (auto set = store::stages::set_stage(u, *id, stage, note); !set) return set.status();
    return stage_image(call, u, *id);
  });
  if (refused) return *refused;
  if (!image) return Response::from_status(image.status());
  return with_etag(Response::json(200, image.value()), etag_of(image.value()));
}

}  // namespace

void add_stage_routes(Api& api) {
  Router& r = api.router();
  using auth::Permission;
  r.add({"GET",
         "/api/v1/constituents/{id}/stage",
         Access::kPermission,
         Permission::kReadDonors,
         "A constituent's stage and its history, with an ETag",
         get_stage,
         {}});
  r.add({"PUT",
         "/api/v1/constituents/{id}/stage",
         Access::kPermission,
         Permission::kWriteDonors,
         "Move a constituent to a stage {stage, note} (If-Match required)",
         put_stage,
         {}});
}

}  // namespace steward::http
