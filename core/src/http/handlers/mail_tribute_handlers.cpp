// POST /api/v1/mail/tribute-notifications/{gift_id}/by-hand   send mail: {"note": "..."}
// Marks a tribute gift's notification as made by hand (engine/tribute_by_hand.hpp), so the
// acknowledgment run no longer lists it. Registered by add_mail_send_routes.
#include "engine/tribute_by_hand.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/mail_routes.hpp"
#include "http/json_body.hpp"

namespace steward::http {
namespace {

using nlohmann::json;

Response by_hand(Call& call) {
  auto gift = path_id(call.request, "gift_id");
  if (!gift) return Response::problem(404, "not-found", "no such gift");
  json body = json::object();
  if (!call.request.body.empty()) {
    if (auto bad = parse_json_body(call.request, body)) return *bad;
  }
  JsonReader in(body);
  auto note = in.text("note", false);
  if (Status s = in.finish(); !s) return Response::from_status(s);
  auto out = call.db.write(
      call.actor, [&](store::Unit& u) { return engine::mark_tribute_by_hand(u, *gift, note); });
  if (!out) return Response::from_status(out.status());
  return Response::json(200, *out);
}

}  // namespace

void add_tribute_notice_routes(Api& api) {
  api.router().add(
      {"POST",
       "/api/v1/mail/tribute-notifications/{gift_id}/by-hand",
       Access::kPermission,
       auth::Permission::kSendMail,
       "Mark a tribute gift's notification as made by hand (a restricted donor's gift is never "
       "notified automatically): the acknowledgment run no longer lists it; 409 when already "
       "notified",
       by_hand,
       {{"request",
         {{"type", "object"},
          {"additionalProperties", false},
          {"properties", {{"note", {{"type", "string"}, {"maxLength", 500}}}}}}},
        {"response", {{"type", "object"}}},
        {"status", 200}}});
}

}  // namespace steward::http
