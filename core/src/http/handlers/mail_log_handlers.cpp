// The recent deliveries (the mail pages' "Deliveries"):
//   GET /api/v1/mail/messages?limit=100&state=rejected     send mail
// Newest first, with the donor's name and the mailer's answer; restricted donors' messages are
// left out for callers without the grant.
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "store/mail_log.hpp"

namespace steward::http {
namespace {

using nlohmann::json;

Response recent(Call& call) {
  int limit = 100;
  if (auto text = call.request.query_param("limit")) {
    try {
      std::size_t used = 0;
      limit = std::stoi(*text, &used);
      if (used != text->size()) limit = 0;
    } catch (const std::exception&) {
      limit = 0;
    }
  }
  std::optional<std::string> state = call.request.query_param("state");
  if (state && state->empty()) state.reset();
  auto list = call.db.read([&](store::Unit& u) {
    return store::mail_log::recent(u, limit, state, call.sees_restricted());
  });
  if (!list) return Response::from_status(list.status());
  json items = json::array();
  for (const auto& d : *list) {
    json j = {{"id", d.id},
              {"purpose", d.purpose},
              {"constituent_id", d.constituent_id},
              {"donor", d.donor},
              {"gift_id", d.gift_id ? json(*d.gift_id) : json(nullptr)},
              {"address", d.address},
              {"subject", d.subject},
              {"mailer", d.mailer},
              {"state", d.state},
              {"reply", d.reply ? json(*d.reply) : json(nullptr)},
              {"sent_at", d.sent_at ? json(*d.sent_at) : json(nullptr)},
              {"created_at", d.created_at}};
    items.push_back(std::move(j));
  }
  return Response::json(200, {{"items", items}});
}

json delivery_schema() {
  const json text = {{"type", "string"}};
  const json opt_text = {{"type", {"string", "null"}}};
  return {
      {"type", "object"},
      {"properties",
       {{"id", {{"type", "integer"}}},
        {"purpose", text},
        {"constituent_id", {{"type", "integer"}}},
        {"donor", text},
        {"gift_id", {{"type", {"integer", "null"}}}},
        {"address", text},
        {"subject", text},
        {"mailer", text},
        {"state", {{"type", "string"}, {"enum", {"sending", "accepted", "rejected", "deferred"}}}},
        {"reply", opt_text},
        {"sent_at", opt_text},
        {"created_at", text}}}};
}

}  // namespace

void add_mail_log_routes(Api& api) {
  api.router().add(
      {"GET",
       "/api/v1/mail/messages",
       Access::kPermission,
       auth::Permission::kSendMail,
       "Recent deliveries, newest first (?limit=1..500, default 100; ?state=)",
       recent,
       {{"parameters",
         json::array({{{"name", "limit"},
                       {"in", "query"},
                       {"required", false},
                       {"schema", {{"type", "integer"}, {"minimum", 1}, {"maximum", 500}}}},
                      {{"name", "state"},
                       {"in", "query"},
                       {"required", false},
                       {"schema",
                        {{"type", "string"},
                         {"enum", {"sending", "accepted", "rejected", "deferred"}}}}}})},
        {"response",
         {{"type", "object"},
          {"properties", {{"items", {{"type", "array"}, {"items", delivery_schema()}}}}}}},
        {"status", 200}}});
}

}  // namespace steward::http
