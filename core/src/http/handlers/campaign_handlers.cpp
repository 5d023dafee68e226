// Campaigns, their appeals and what they raised.
//   GET  /api/v1/campaigns[?active=true|false&after=&limit=] (by id)   POST /api/v1/campaigns
//   GET  /api/v1/campaigns/{id} (ETag)              PUT  /api/v1/campaigns/{id} (If-Match)
//   GET  /api/v1/campaigns/{id}/results (goal, raised, gifts, donors; per appeal)
//   GET  /api/v1/campaigns/{id}/appeals             POST /api/v1/campaigns/{id}/appeals
//   GET  /api/v1/appeals/{id} (ETag)                PUT  /api/v1/appeals/{id} (If-Match)
#include "http/handlers/campaign_json.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "store/appeal_changes.hpp"
#include "store/campaign_pages.hpp"
#include "store/campaign_repository.hpp"

namespace steward::http {
namespace {

Response no_campaign() { return Response::problem(404, "not-found", "no such campaign"); }

Response campaign_response(int status, const domain::Campaign& c) {
  nlohmann::json j = campaign_json(c);
  return with_etag(Response::json(status, j), etag_of(j));
}

Response list_campaigns(Call& call) {
  std::optional<bool> active;
  if (auto a = call.request.query_param("active")) {
    if (*a != "true" && *a != "false") {
      return Response::from_status(Status::invalid_field("active", "must be true or false"));
    }
    active = *a == "true";
  }
  auto page = page_request(call.request);
  if (!page) return Response::from_status(page.status());
  auto list = call.db.read(
      [&](store::Unit& u) { return store::campaigns::list_page(u, active, page.value()); });
  if (!list) return Response::from_status(list.status());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& c : list->items) items.push_back(campaign_json(c));
  return Response::json(200, page_json(items, list->next_after_id));
}

Response get_campaign(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_campaign();
  auto c = call.db.read([&](store::Unit& u) { return store::campaigns::get(u, *id); });
  if (!c) return Response::from_status(c.status());
  return campaign_response(200, c.value());
}

Response create_campaign(Call& call) {
  nlohmann::json body;
  if (auto bad = parse_json_body(call.request, body)) return *bad;
  JsonReader in(body);
  domain::CampaignInput c = read_campaign(in);
  if (Status s = in.finish(); !s) return Response::from_status(s);
  auto made =
      call.db.write(call.actor, [&](store::Unit& u) { return store::campaigns::create(u, c); });
  if (!made) return Response::from_status(made.status());
  return campaign_response(201, made.value())
      .set("Location", "/api/v1/campaigns/" + std::to_string(made.value().id));
}

Response replace_campaign(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_campaign();
  nlohmann::json body;
  if (auto bad = parse_json_body(call.request, body)) return *bad;
  JsonReader in(body);
  domain::CampaignInput c = read_campaign(in);
  if (Status s = in.finish(); !s) return Response::from_status(s);
  std::optional<Response> refused;
  auto done = call.db.write(call.actor, [&](store::Unit& u) -> Result<domain::Campaign> {
    auto current = store::campaigns::get(u, *id);
    if (!current) return current.status();
    refused = check_if_match(call.request, etag_of(campaign_json(current.value())));
    if (refused) return Status::precondition_failed("stale");
    return store::campaigns::update(u, *id, c);
  });
  if (refused) return *refused;
  if (!done) return Response::from_status(done.status());
  return campaign_response(200, done.value());
}

Response campaign_results(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_campaign();
  auto j = call.db.read([&](store::Unit& u) -> Result<nlohmann::json> {
    auto c = store::campaigns::get(u, *id);
    if (!c) return c.status();
    auto r = store::campaigns::results(u, *id, call.sees_restricted());
    if (!r) return r.status();
    nlohmann::json j = results_json(r.value(), c->goal);
    j["includes_restricted"] = call.sees_restricted();
    return j;
  });
  if (!j) return Response::from_status(j.status());
  return Response::json(200, j.value());
}

Response list_appeals(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_campaign();
  auto page = page_request(call.request);
  if (!page) return Response::from_status(page.status());
  auto list = call.db.read(
      [&](store::Unit& u) { return store::campaigns::appeals_page(u, *id, page.value()); });
  if (!list) return Response::from_status(list.status());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& a : list->items) items.push_back(appeal_json(a));
  return Response::json(200, page_json(items, list->next_after_id));
}

Response get_appeal(Call& call) {
  auto id = path_id(call.request);
  if (!id) return Response::problem(404, "not-found", "no such appeal");
  auto a = call.db.read([&](store::Unit& u) { return store::campaigns::get_appeal(u, *id); });
  if (!a) return Response::from_status(a.status());
  nlohmann::json j = appeal_json(a.value());
  return with_etag(Response::json(200, j), etag_of(j));
}

// PUT: replaces the appeal's fields; it stays in its campaign (campaign_id is ignored).
Response replace_appeal(Call& call) {
  auto id = path_id(call.request);
  if (!id) return Response::problem(404, "not-found", "no such appeal");
  nlohmann::json body;
  if (auto bad = parse_json_body(call.request, body)) return *bad;
  JsonReader in(body);
  domain::AppealInput a = read_appeal(in);
  if (Status s = in.finish(); !s) return Response::from_status(s);
  std::optional<Response> refused;
  auto done = call.db.write(call.actor, [&](store::Unit& u) -> Result<domain::Appeal> {
    auto current = store::campaigns::get_appeal(u, *id);
    if (!current) return current.status();
    refused = check_if_match(call.request, etag_of(appeal_json(current.value())));
    if (refused) return Status::precondition_failed("stale");
    return store::campaigns::update_appeal(u, *id, a);
  });
  if (refused) return *refused;
  if (!done) return Response::from_status(done.status());
  nlohmann::json j = appeal_json(done.value());
  return with_etag(Response::json(200, j), etag_of(j));
}

Response create_appeal(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_campaign();
  nlohmann::json body;
  if (auto bad = parse_json_body(call.request, body)) return *bad;
  JsonReader in(body);
  domain::AppealInput a = read_appeal(in);
  a.campaign_id = *id;
  if (Status s = in.finish(); !s) return Response::from_status(s);
  auto made = call.db.write(call.actor, [&](store::Unit& u) -> Result<domain::Appeal> {
    if (auto c = store::campaigns::get(u, *id); !c) return c.status();
    return store::campaigns::create_appeal(u, a);
  });
  if (!made) return Response::from_status(made.status());
  return Response::json(201, appeal_json(made.value()))
      .set("Location", "/api/v1/appeals/" + std::to_string(made.value().id));
}

}  // namespace

void add_campaign_routes(Api& api) {
  Router& r = api.router();
  using auth::Permission;
  auto route = [&](const char* method, const char* pattern, Permission p, const char* summary,
                   Handler h) {
    r.add({method, pattern, Access::kPermission, p, summary, std::move(h), {}});
  };
  route("GET", "/api/v1/campaigns", Permission::kReadDonors,
        "List campaigns by id (?active=, ?after=&limit=)", list_campaigns);
  route("POST", "/api/v1/campaigns", Permission::kWriteDonors, "Create a campaign",
        create_campaign);
  route("GET", "/api/v1/campaigns/{id}", Permission::kReadDonors, "One campaign, with its ETag",
        get_campaign);
  route("PUT", "/api/v1/campaigns/{id}", Permission::kWriteDonors,
        "Replace a campaign (If-Match required)", replace_campaign);
  route("GET", "/api/v1/campaigns/{id}/results", Permission::kReadDonors,
        "What a campaign raised: goal, raised, gifts and donors, per appeal", campaign_results);
  route("GET", "/api/v1/campaigns/{id}/appeals", Permission::kReadDonors,
        "The campaign's appeals by id (?after=&limit=)", list_appeals);
  route("POST", "/api/v1/campaigns/{id}/appeals", Permission::kWriteDonors,
        "Add an appeal to a campaign", create_appeal);
  route("GET", "/api/v1/appeals/{id}", Permission::kReadDonors, "One appeal, with its ETag",
        get_appeal);
  route("PUT", "/api/v1/appeals/{id}", Permission::kWriteDonors,
        "Replace an appeal (If-Match required)", replace_appeal);
}

}  // namespace steward::http
