// Recurring plans:
//   GET  /api/v1/recurring-plans[?status=&constituent_id=]   POST /api/v1/recurring-plans
//   GET  /api/v1/recurring-plans/{id} (with its transitions)
//   POST /api/v1/recurring-plans/{id}/pause|resume|cancel {reason}
// Plans of restricted constituents are invisible to callers without the restricted grant.
#include <map>

#include "domain/recurring_plan.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/visibility.hpp"
#include "http/json_body.hpp"
#include "store/recurring_plan_repository.hpp"

namespace steward::http {
namespace {

nlohmann::json plan_json(const domain::RecurringPlan& p) {
  return {{"id", p.id},
          {"constituent_id", p.constituent_id},
          {"amount", money_json(p.amount)},
          {"frequency", domain::to_string(p.frequency)},
          {"anchor_day", p.anchor_day},
          {"starts_on", p.starts_on.to_string()},
          {"ends_on", date_json(p.ends_on)},
          {"fund_id", optional_json(p.fund_id)},
          {"campaign_id", optional_json(p.campaign_id)},
          {"appeal_id", optional_json(p.appeal_id)},
          {"processor", optional_json(p.processor)},
          {"processor_reference", optional_json(p.processor_reference)},
          {"notes", optional_json(p.notes)},
          {"status", domain::to_string(p.status)},
          {"next_expected_on", date_json(p.next_expected_on)},
          {"last_paid_on", date_json(p.last_paid_on)},
          {"consecutive_failures", p.consecutive_failures},
          {"status_changed_at", optional_json(p.status_changed_at)},
          {"version", p.version},
          {"created_at", p.created_at},
          {"updated_at", p.updated_at}};
}

Response no_plan() { return Response::problem(404, "not-found", "no such recurring plan"); }

Result<domain::RecurringPlan> visible_plan(Call& call, store::Unit& u, long long id) {
  return visible_record(call, u, id, "recurring plan", [](store::Unit& unit, long long i) {
    return store::recurring_plans::get(unit, i);
  });
}

Response list_plans(Call& call) {
  auto page = page_request(call.request);
  if (!page) return Response::from_status(page.status());
  store::recurring_plans::ListFilter f;
  f.page = page.value();
  if (Status s = id_param(call.request, "constituent_id", f.constituent_id); !s) {
    return Response::from_status(s);
  }
  if (auto status = call.request.query_param("status")) {
    auto parsed = domain::parse_plan_status(*status, "status");
    if (!parsed) return Response::from_status(parsed.status());
    f.status = parsed.value();
  }
  f.include_restricted = call.sees_restricted();
  return filtered_page(
      call, [&](store::Unit& u) { return store::recurring_plans::list(u, f); },
      [](const auto& item) { return plan_json(item); });
}

Result<nlohmann::json> full_plan(Call& call, store::Unit& u, long long id) {
  auto plan = visible_plan(call, u, id);
  if (!plan) return plan.status();
  auto transitions = store::recurring_plans::transitions(u, id);
  if (!transitions) return transitions.status();
  nlohmann::json j = plan_json(plan.value());
  nlohmann::json list = nlohmann::json::array();
  for (const auto& t : transitions.value()) {
    list.push_back({{"from_status", optional_json(t.from_status)},
                    {"to_status", t.to_status},
                    {"reason", t.reason},
                    {"created_at", t.created_at}});
  }
  j["transitions"] = list;
  return j;
}

Response get_plan(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_plan();
  auto j = call.db.read([&](store::Unit& u) { return full_plan(call, u, *id); });
  if (!j) return Response::from_status(j.status());
  return Response::json(200, j.value());
}

Response create_plan(Call& call) {
  nlohmann::json body;
  if (auto bad = parse_json_body(call.request, body)) return *bad;
  JsonReader in(body);
  domain::PlanInput p;
  p.constituent_id = in.integer("constituent_id", true).value_or(0);
  p.amount = in.money("amount", true).value_or(sdk::Money{});
  auto frequency = in.text("frequency", false);
  auto anchor = in.integer("anchor_day", false);
  auto starts = in.text("starts_on", true);
  auto ends = in.text("ends_on", false);
  p.fund_id = in.integer("fund_id", false);
  p.campaign_id = in.integer("campaign_id", false);
  p.appeal_id = in.integer("appeal_id", false);
  p.processor = in.text("processor", false);
  p.processor_reference = in.text("processor_reference", false);
  p.notes = in.text("notes", false);
  if (frequency) {
    auto f = domain::parse_frequency(*frequency, "frequency");
    if (!f)
      in.error("frequency", "must be weekly, monthly, quarterly or yearly");
    else
      p.frequency = f.value();
  }
  if (starts) {
    auto d = domain::Date::parse(*starts, "starts_on");
    if (!d)
      in.error("starts_on", "must be a date YYYY-MM-DD");
    else
      p.starts_on = d.value();
  }
  if (ends) {
    auto d = domain::Date::parse(*ends, "ends_on");
    if (!d)
      in.error("ends_on", "must be a date YYYY-MM-DD");
    else
      p.ends_on = d.value();
  }
  if (anchor) {
    if (*anchor < 1 || *anchor > 31)
      in.error("anchor_day", "must be 1 to 31");
    else
      p.anchor_day = static_cast<unsigned>(*anchor);
  } else {
    p.anchor_day = p.starts_on.day();
  }
  if (Status s = in.finish(); !s) return Response::from_status(s);
  auto j = call.db.write(call.actor, [&](store::Unit& u) -> Result<nlohmann::json> {
    if (Status s = require_visible(call, u, p.constituent_id, "constituent"); !s) {
      return hidden_constituent(p.constituent_id);
    }
    auto plan = store::recurring_plans::create(u, p);
    if (!plan) return plan.status();
    return full_plan(call, u, plan->id);
  });
  if (!j) return Response::from_status(j.status());
  return Response::json(201, j.value())
      .set("Location",
           "/api/v1/recurring-plans/" + std::to_string(j.value()["id"].get<long long>()));
}

Handler change(const std::string& action) {
  return [action](Call& call) -> Response {
    auto id = path_id(call.request);
    if (!id) return no_plan();
    nlohmann::json body;
    if (auto bad = parse_json_body(call.request, body)) return *bad;
    JsonReader in(body);
    std::string reason = in.text("reason", true).value_or("");
    if (Status s = in.finish(); !s) return Response::from_status(s);
    auto j = call.db.write(call.actor, [&](store::Unit& u) -> Result<nlohmann::json> {
      if (auto plan = visible_plan(call, u, *id); !plan) return plan.status();
      Result<domain::RecurringPlan> changed =
          action == "pause" ? store::recurring_plans::pause(u, *id, reason)
          : action == "resume"
              ? store::recurring_plans::resume(u, *id, domain::Date::today(), reason)
              : store::recurring_plans::cancel(u, *id, reason);
      if (!changed) return changed.status();
      return full_plan(call, u, *id);
    });
    if (!j) return Response::from_status(j.status());
    return Response::json(200, j.value());
  };
}

}  // namespace

void add_recurring_plan_routes(Api& api) {
  Router& r = api.router();
  using auth::Permission;
  auto route = [&](const char* method, const char* pattern, Permission p, const char* summary,
                   Handler h) {
    r.add({method, pattern, Access::kPermission, p, summary, std::move(h), {}});
  };
  route("GET", "/api/v1/recurring-plans", Permission::kReadDonors,
        "List recurring plans by id (?status=&constituent_id=, cursor pages)", list_plans);
  route("POST", "/api/v1/recurring-plans", Permission::kWriteDonors, "Create a recurring plan",
        create_plan);
  route("GET", "/api/v1/recurring-plans/{id}", Permission::kReadDonors,
        "One recurring plan with its status transitions", get_plan);
  route("POST", "/api/v1/recurring-plans/{id}/pause", Permission::kWriteDonors,
        "Pause a plan {reason}", change("pause"));
  route("POST", "/api/v1/recurring-plans/{id}/resume", Permission::kWriteDonors,
        "Resume a paused plan {reason}", change("resume"));
  route("POST", "/api/v1/recurring-plans/{id}/cancel", Permission::kWriteDonors,
        "Cancel a plan (final) {reason}", change("cancel"));
}

}  // namespace steward::http
