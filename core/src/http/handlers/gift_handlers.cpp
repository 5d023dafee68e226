// Gifts (docs/api.md, "Gifts"):
//   GET  /api/v1/gifts[?constituent_id=&fund_id=&campaign_id=&from=&to=&status=&batch_id=]
//   POST /api/v1/gifts (Idempotency-Key header honoured)
//   GET  /api/v1/gifts/unacknowledged[?from=&to=&min=&fund_id=]
//   POST /api/v1/gifts/acknowledge {gift_ids, date, method}
//   GET, PUT (If-Match), DELETE /api/v1/gifts/{id};  POST /api/v1/gifts/{id}/refund
// Gifts of restricted constituents are invisible (404, left out of lists) to callers without
// the restricted grant.
#include "domain/date.hpp"
#include "domain/money.hpp"
#include "engine/gift_service.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/gift_json.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/visibility.hpp"
#include "http/json_body.hpp"
#include "store/gift_repository.hpp"
#include "store/settings_repository.hpp"

namespace steward::http {
namespace {

Response no_gift() { return Response::problem(404, "not-found", "no such gift"); }

// A gift the caller may see, or kNotFound.
Result<domain::Gift> visible_gift(Call& call, store::Unit& u, long long id) {
  return visible_record(call, u, id, "gift",
                        [](store::Unit& unit, long long i) { return store::gifts::get(unit, i); });
}

Response gift_response(int status, const domain::Gift& g) {
  nlohmann::json j = gift_json(g);
  return with_etag(Response::json(status, j), etag_of(j));
}

Response list_gifts(Call& call) {
  auto page = page_request(call.request);
  if (!page) return Response::from_status(page.status());
  store::gifts::ListFilter f;
  f.page = page.value();
  const Request& r = call.request;
  for (Status s :
       {id_param(r, "constituent_id", f.constituent_id), id_param(r, "fund_id", f.fund_id),
        id_param(r, "campaign_id", f.campaign_id), id_param(r, "batch_id", f.batch_id),
        date_param(r, "from", f.from), date_param(r, "to", f.to)}) {
    if (!s) return Response::from_status(s);
  }
  f.status = r.query_param("status");
  f.include_restricted = call.sees_restricted();
  return filtered_page(
      call, [&](store::Unit& u) { return store::gifts::list(u, f); },
      [](const domain::Gift& g) { return gift_json(g); });
}

Response get_gift(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_gift();
  auto gift = call.db.read([&](store::Unit& u) { return visible_gift(call, u, *id); });
  if (!gift) return Response::from_status(gift.status());
  return gift_response(200, gift.value());
}

Response create_gift(Call& call) {
  nlohmann::json body;
  if (auto bad = parse_json_body(call.request, body)) return *bad;
  JsonReader in(body);
  std::optional<std::string> reference;
  auto input = read_gift(in, &reference);
  if (!input) return Response::from_status(input.status());
  if (auto key = call.request.header("idempotency-key")) {
    if (key->empty() || key->size() > 200) {
      return Response::from_status(
          Status::invalid_field("Idempotency-Key", "must be 1 to 200 characters"));
    }
    input.value().idempotency_key = *key;
  }
  auto recorded = call.db.write(call.actor, [&](store::Unit& u) -> Result<engine::RecordedGift> {
    if (Status s = require_visible(call, u, input->constituent_id, "constituent"); !s) {
      return hidden_constituent(input->constituent_id);
    }
    return engine::record_gift(u, input.value(), reference);
  });
  if (!recorded) return Response::from_status(recorded.status());
  const domain::Gift& g = recorded->gift;
  nlohmann::json j = gift_json(g);
  engine::MatchOutcome plan = recorded->plan;
  if (g.replayed) {
    // The first request's match is not stored; report what the gift is attached to now.
    plan = {};
    if (g.recurring_plan_id) {
      plan.result = g.status == "failed" ? engine::MatchResult::kFailedAttempt
                                         : engine::MatchResult::kAttached;
      plan.plan_id = g.recurring_plan_id;
    }
  }
  j["plan_match"] = match_json(plan);
  Response response = with_etag(Response::json(g.replayed ? 200 : 201, j), etag_of(gift_json(g)));
  return response.set("Location", "/api/v1/gifts/" + std::to_string(g.id));
}

Response replace_gift(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_gift();
  nlohmann::json body;
  if (auto bad = parse_json_body(call.request, body)) return *bad;
  JsonReader in(body);
  auto input = read_gift(in, nullptr);
  if (!input) return Response::from_status(input.status());
  std::optional<Response> refused;
  auto gift = call.db.write(call.actor, [&](store::Unit& u) -> Result<domain::Gift> {
    auto current = visible_gift(call, u, *id);
    if (!current) return current.status();
    refused = check_if_match(call.request, etag_of(gift_json(current.value())));
    if (refused) return Status::precondition_failed("stale");
    if (Status s = require_visible(call, u, input->constituent_id, "constituent"); !s) {
      return hidden_constituent(input->constituent_id);
    }
    return store::gifts::update(u, *id, input.value());
  });
  if (refused) return *refused;
  if (!gift) return Response::from_status(gift.status());
  return gift_response(200, gift.value());
}

Response refund_gift(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_gift();
  nlohmann::json body;
  if (auto bad = parse_json_body(call.request, body)) return *bad;
  JsonReader in(body);
  store::gifts::RefundInput refund;
  refund.amount = in.money("amount", false);
  refund.refunded_on = in.text("refunded_on", true).value_or("");
  refund.reason = in.text("reason", false);
  if (Status s = in.finish(); !s) return Response::from_status(s);
  auto gift = call.db.write(call.actor, [&](store::Unit& u) -> Result<domain::Gift> {
    if (auto visible = visible_gift(call, u, *id); !visible) return visible.status();
    return store::gifts::refund(u, *id, refund);
  });
  if (!gift) return Response::from_status(gift.status());
  return gift_response(200, gift.value());
}

Response delete_gift(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_gift();
  auto done = call.db.write(call.actor, [&](store::Unit& u) -> Status {
    if (auto visible = visible_gift(call, u, *id); !visible) return visible.status();
    return store::gifts::soft_delete(u, *id);
  });
  if (!done) return Response::from_status(done);
  return Response::no_content();
}

Response unacknowledged(Call& call) {
  store::gifts::UnacknowledgedFilter f;
  const Request& r = call.request;
  for (Status s : {date_param(r, "from", f.from), date_param(r, "to", f.to),
                   id_param(r, "fund_id", f.fund_id)}) {
    if (!s) return Response::from_status(s);
  }
  auto min = r.query_param("min");
  auto items = call.db.read([&](store::Unit& u) -> Result<nlohmann::json> {
    if (min) {
      auto settings = store::settings::get(u);
      if (!settings) return settings.status();
      auto amount = domain::parse_money(*min, settings->base_currency);
      if (!amount) {
        return Status::invalid_field(
            "min", "must be an amount in " + settings->base_currency + " like \"50.00\"");
      }
      f.min_amount_minor = amount->minor;
    }
    f.include_restricted = call.sees_restricted();
    auto gifts = store::gifts::unacknowledged(u, f);
    if (!gifts) return gifts.status();
    nlohmann::json out = nlohmann::json::array();
    for (const domain::Gift& g : gifts.value()) out.push_back(gift_json(g));
    return out;
  });
  if (!items) return Response::from_status(items.status());
  return Response::json(200, {{"items", items.value()}});
}

Response acknowledge(Call& call) {
  nlohmann::json body;
  if (auto bad = parse_json_body(call.request, body)) return *bad;
  JsonReader in(body);
  std::vector<long long> ids;
  if (const nlohmann::json* list = in.array("gift_ids", true)) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      const nlohmann::json& v = (*list)[i];
      if (!v.is_number_integer() || v.get<long long>() <= 0) {
        in.error("gift_ids[" + std::to_string(i) + "]", "must be a gift id");
      } else {
        ids.push_back(v.get<long long>());
      }
    }
    if (list->empty()) in.error("gift_ids", "must list at least one gift");
  }
  std::string date = in.text("date", true).value_or("");
  std::string method = in.text("method", true).value_or("");
  if (Status s = in.finish(); !s) return Response::from_status(s);
  auto changed = call.db.write(call.actor, [&](store::Unit& u) -> Result<int> {
    for (long long id : ids) {
      auto visible = visible_gift(call, u, id);
      if (!visible && visible.status().code() == StatusCode::kNotFound) return visible.status();
    }
    return store::gifts::acknowledge(u, ids, date, method);
  });
  if (!changed) return Response::from_status(changed.status());
  return Response::json(200, {{"acknowledged", changed.value()}});
}

}  // namespace

void add_gift_routes(Api& api) {
  Router& r = api.router();
  using auth::Permission;
  auto route = [&](const char* method, const char* pattern, Permission p, const char* summary,
                   Handler h) {
    r.add({method, pattern, Access::kPermission, p, summary, std::move(h), {}});
  };
  route("GET", "/api/v1/gifts", Permission::kReadDonors,
        "List gifts, newest first (?constituent_id=&fund_id=&campaign_id=&from=&to=&status="
        "&batch_id=, cursor pages)",
        list_gifts);
  route("POST", "/api/v1/gifts", Permission::kWriteDonors,
        "Record a gift (Idempotency-Key honoured); answers the recurring plan match", create_gift);
  route("GET", "/api/v1/gifts/unacknowledged", Permission::kReadDonors,
        "Gifts not yet thanked (?from=&to=&min=&fund_id=)", unacknowledged);
  route("POST", "/api/v1/gifts/acknowledge", Permission::kWriteDonors,
        "Mark gifts thanked {gift_ids, date, method} (all or nothing)", acknowledge);
  route("GET", "/api/v1/gifts/{id}", Permission::kReadDonors,
        "One gift with allocations and soft credits, with its ETag", get_gift);
  route("PUT", "/api/v1/gifts/{id}", Permission::kWriteDonors, "Replace a gift (If-Match required)",
        replace_gift);
  route("DELETE", "/api/v1/gifts/{id}", Permission::kWriteDonors, "Delete a gift (soft)",
        delete_gift);
  route("POST", "/api/v1/gifts/{id}/refund", Permission::kWriteDonors,
        "Refund all or part of a gift {amount?, refunded_on, reason?}", refund_gift);
}

}  // namespace steward::http
