// One donor's personal data on request (admins only; docs/privacy.md):
//   GET  /api/v1/constituents/{id}/personal-data -> the export document (audited as "export")
//   POST /api/v1/constituents/{id}/erase {"confirm": "ERASE <id>"}
//        -> {"constituent_id", "display_name", "erased_at", "redacted_audit_ids", "removed"}
// A restricted constituent is 404 for an admin without the restricted grant, like a missing id.
// Erasing twice, or erasing a record merged into another, answers 409 (state).
#include "engine/privacy.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/constituent_json.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json_body.hpp"

namespace steward::http {
namespace {

namespace privacy = engine::privacy;

Response export_personal_data(Call& call) {
  auto id = path_id(call.request);
  if (!id) return Response::from_status(Status::not_found("no such constituent"));
  auto doc = call.db.write(call.actor, [&](store::Unit& u) -> Result<nlohmann::json> {
    auto c = visible_constituent(u, *id, call.sees_restricted(), true);
    if (!c) return c.status();
    privacy::ExportOptions options;
    options.include_restricted = call.sees_restricted();
    return privacy::export_personal_data(u, *id, options);
  });
  if (!doc) return Response::from_status(doc.status());
  Response r = Response::json(200, doc.value());
  r.set("content-disposition",
        "attachment; filename=\"personal-data-" + std::to_string(*id) + ".json\"");
  r.set("cache-control", "no-store");
  return r;
}

Response erase_personal_data(Call& call) {
  auto id = path_id(call.request);
  if (!id) return Response::from_status(Status::not_found("no such constituent"));
  nlohmann::json body;
  if (auto bad = parse_json_body(call.request, body)) return *bad;
  JsonReader in(body);
  std::string confirm = in.text("confirm", true).value_or("");
  if (Status s = in.finish(); !s) return Response::from_status(s);
  auto done = call.db.write(call.actor, [&](store::Unit& u) -> Result<privacy::EraseOutcome> {
    auto c = visible_constituent(u, *id, call.sees_restricted(), true);
    if (!c) return c.status();
    return privacy::erase_personal_data(u, *id, confirm);
  });
  if (!done) return Response::from_status(done.status());
  return Response::json(200, {{"constituent_id", done->constituent_id},
                              {"display_name", done->display_name},
                              {"erased_at", done->erased_at},
                              {"redacted_audit_ids", done->redacted_audit_ids},
                              {"removed", done->removed}});
}

}  // namespace

void add_privacy_routes(Api& api) {
  Router& r = api.router();
  // Admins only: kManageSettings is the permission only the admin role holds for donor data
  // governance (decision 0190).
  r.add({"GET",
         "/api/v1/constituents/{id}/personal-data",
         Access::kPermission,
         auth::Permission::kManageSettings,
         "Everything held about one person, as one JSON document (audited as an export)",
         export_personal_data,
         {{"response",
           {{"type", "object"},
            {"description",
             "format steward-personal-data/1: profile, contact points, gifts, "
             "plans, pledges, mail, receipts, audit (docs/privacy.md)"},
            {"required", {"format", "constituent_id", "exported_at", "profile", "audit"}},
            {"properties",
             {{"format", {{"type", "string"}}},
              {"constituent_id", {{"type", "integer"}}},
              {"exported_at", {{"type", "string"}}},
              {"profile", {{"type", "object"}}},
              {"audit", {{"type", "array"}, {"items", {{"type", "object"}}}}}}}}},
          {"status", 200}}});
  r.add({"POST",
         "/api/v1/constituents/{id}/erase",
         Access::kPermission,
         auth::Permission::kManageSettings,
         "Erase one person's identity, keeping gifts and totals {\"confirm\": \"ERASE <id>\"}",
         erase_personal_data,
         {{"request",
           {{"type", "object"},
            {"required", {"confirm"}},
            {"additionalProperties", false},
            {"properties",
             {{"confirm", {{"type", "string"}, {"description", "exactly \"ERASE <id>\""}}}}}}},
          {"response",
           {{"type", "object"},
            {"required",
             {"constituent_id", "display_name", "erased_at", "redacted_audit_ids", "removed"}},
            {"properties",
             {{"constituent_id", {{"type", "integer"}}},
              {"display_name", {{"type", "string"}}},
              {"erased_at", {{"type", "string"}}},
              {"redacted_audit_ids", {{"type", "array"}, {"items", {{"type", "integer"}}}}},
              {"removed", {{"type", "object"}}}}}}},
          {"status", 200}}});
}

}  // namespace steward::http
