// Pledges and giving summaries:
//   GET  /api/v1/pledges[?status=&constituent_id=]   POST /api/v1/pledges
//   GET  /api/v1/pledges/{id} (installments, paid, balance)
//   POST /api/v1/pledges/{id}/write-off {reason}
//   GET  /api/v1/constituents/{id}/giving (summary with fiscal-year buckets)
// Records of restricted constituents are invisible to callers without the restricted grant.
#include "domain/pledge.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/visibility.hpp"
#include "http/json_body.hpp"
#include "store/giving_summary_repository.hpp"
#include "store/pledge_repository.hpp"

namespace steward::http {
namespace {

nlohmann::json pledge_json(const domain::Pledge& p) {
  const std::string& cur = p.amount.currency;
  nlohmann::json installments = nlohmann::json::array();
  for (const auto& i : p.installments) {
    installments.push_back({{"seq", i.seq},
                            {"due_on", i.due_on.to_string()},
                            {"amount", money_json({i.amount_minor, cur})},
                            {"paid", money_json({i.paid_minor, cur})}});
  }
  return {{"id", p.id},
          {"constituent_id", p.constituent_id},
          {"amount", money_json(p.amount)},
          {"fund_id", optional_json(p.fund_id)},
          {"campaign_id", optional_json(p.campaign_id)},
          {"appeal_id", optional_json(p.appeal_id)},
          {"pledged_on", p.pledged_on.to_string()},
          {"status", domain::to_string(p.status)},
          {"written_off", money_json({p.written_off_minor, cur})},
          {"written_off_on",
           p.written_off_on ? nlohmann::json(p.written_off_on->to_string()) : nullptr},
          {"write_off_reason", optional_json(p.write_off_reason)},
          {"notes", optional_json(p.notes)},
          {"installments", installments},
          {"paid", money_json({p.paid_minor, cur})},
          {"balance", money_json({p.balance_minor, cur})},
          {"created_at", p.created_at},
          {"updated_at", p.updated_at}};
}

Response no_pledge() { return Response::problem(404, "not-found", "no such pledge"); }

Result<domain::Pledge> visible_pledge(Call& call, store::Unit& u, long long id) {
  return visible_record(call, u, id, "pledge", [](store::Unit& unit, long long i) {
    return store::pledges::get(unit, i);
  });
}

Response list_pledges(Call& call) {
  auto page = page_request(call.request);
  if (!page) return Response::from_status(page.status());
  store::pledges::ListFilter f;
  f.page = page.value();
  if (Status s = id_param(call.request, "constituent_id", f.constituent_id); !s) {
    return Response::from_status(s);
  }
  if (auto status = call.request.query_param("status")) {
    auto parsed = domain::parse_pledge_status(*status, "status");
    if (!parsed) return Response::from_status(parsed.status());
    f.status = parsed.value();
  }
  f.include_restricted = call.sees_restricted();
  return filtered_page(
      call, [&](store::Unit& u) { return store::pledges::list(u, f); },
      [](const auto& item) { return pledge_json(item); });
}

Response get_pledge(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_pledge();
  auto pledge = call.db.read([&](store::Unit& u) { return visible_pledge(call, u, *id); });
  if (!pledge) return Response::from_status(pledge.status());
  return Response::json(200, pledge_json(pledge.value()));
}

Response create_pledge(Call& call) {
  nlohmann::json body;
  if (auto bad = parse_json_body(call.request, body)) return *bad;
  JsonReader in(body);
  domain::PledgeInput p;
  p.constituent_id = in.integer("constituent_id", true).value_or(0);
  p.amount = in.money("amount", true).value_or(sdk::Money{});
  auto count = in.integer("installments", false);
  auto frequency = in.text("frequency", false);
  auto first_due = in.text("first_due_on", true);
  auto pledged = in.text("pledged_on", true);
  p.fund_id = in.integer("fund_id", false);
  p.campaign_id = in.integer("campaign_id", false);
  p.appeal_id = in.integer("appeal_id", false);
  p.notes = in.text("notes", false);
  if (count) {
    if (*count < 1 || *count > domain::kMaxPledgeInstallments) {
      in.error("installments", "must be 1 to " + std::to_string(domain::kMaxPledgeInstallments));
    } else {
      p.installments = static_cast<int>(*count);
    }
  }
  if (frequency) {
    auto f = domain::parse_frequency(*frequency, "frequency");
    if (!f)
      in.error("frequency", "must be weekly, monthly, quarterly or yearly");
    else
      p.frequency = f.value();
  }
  for (auto [text, field, out] : {std::tuple{&first_due, "first_due_on", &p.first_due_on},
                                  std::tuple{&pledged, "pledged_on", &p.pledged_on}}) {
    if (!*text) continue;
    auto d = domain::Date::parse(**text, field);
    if (!d)
      in.error(field, "must be a date YYYY-MM-DD");
    else
      *out = d.value();
  }
  if (Status s = in.finish(); !s) return Response::from_status(s);
  auto pledge = call.db.write(call.actor, [&](store::Unit& u) -> Result<domain::Pledge> {
    if (Status s = require_visible(call, u, p.constituent_id, "constituent"); !s) {
      return hidden_constituent(p.constituent_id);
    }
    return store::pledges::create(u, p);
  });
  if (!pledge) return Response::from_status(pledge.status());
  return Response::json(201, pledge_json(pledge.value()))
      .set("Location", "/api/v1/pledges/" + std::to_string(pledge->id));
}

Response write_off(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_pledge();
  nlohmann::json body;
  if (auto bad = parse_json_body(call.request, body)) return *bad;
  JsonReader in(body);
  std::string reason = in.text("reason", true).value_or("");
  if (Status s = in.finish(); !s) return Response::from_status(s);
  auto pledge = call.db.write(call.actor, [&](store::Unit& u) -> Result<domain::Pledge> {
    if (auto visible = visible_pledge(call, u, *id); !visible) return visible.status();
    return store::pledges::write_off(u, *id, reason, domain::Date::today());
  });
  if (!pledge) return Response::from_status(pledge.status());
  return Response::json(200, pledge_json(pledge.value()));
}

Response giving(Call& call) {
  auto id = path_id(call.request);
  if (!id) return Response::problem(404, "not-found", "no such constituent");
  auto summary = call.db.read([&](store::Unit& u) -> Result<store::giving::Summary> {
    if (Status s =
            require_visible(call, u, *id, "constituent " + std::to_string(*id) + " does not exist");
        !s)
      return s;
    return store::giving::get(u, *id);
  });
  if (!summary) return Response::from_status(summary.status());
  const store::giving::Summary& s = summary.value();
  auto money = [&](long long minor) { return money_json({minor, s.currency}); };
  nlohmann::json years = nlohmann::json::array();
  for (const auto& y : s.by_year) {
    years.push_back({{"fiscal_year", y.fiscal_year},
                     {"gift_count", y.gift_count},
                     {"total", money(y.total_minor)},
                     {"soft_credit", money(y.soft_credit_minor)}});
  }
  return Response::json(200, {{"constituent_id", s.constituent_id},
                              {"currency", s.currency},
                              {"first_gift_on", optional_json(s.first_gift_on)},
                              {"first_gift", money(s.first_gift_minor)},
                              {"last_gift_on", optional_json(s.last_gift_on)},
                              {"last_gift", money(s.last_gift_minor)},
                              {"largest_gift", money(s.largest_gift_minor)},
                              {"gift_count", s.gift_count},
                              {"lifetime", money(s.lifetime_minor)},
                              {"soft_credit_count", s.soft_credit_count},
                              {"soft_credit", money(s.soft_credit_minor)},
                              {"by_fiscal_year", years}});
}

}  // namespace

void add_pledge_routes(Api& api) {
  Router& r = api.router();
  using auth::Permission;
  auto route = [&](const char* method, const char* pattern, Permission p, const char* summary,
                   Handler h) {
    r.add({method, pattern, Access::kPermission, p, summary, std::move(h), {}});
  };
  route("GET", "/api/v1/pledges", Permission::kReadDonors,
        "List pledges by id (?status=&constituent_id=, cursor pages)", list_pledges);
  route("POST", "/api/v1/pledges", Permission::kWriteDonors, "Create a pledge", create_pledge);
  route("GET", "/api/v1/pledges/{id}", Permission::kReadDonors,
        "One pledge with installments, paid and balance", get_pledge);
  route("POST", "/api/v1/pledges/{id}/write-off", Permission::kWriteDonors,
        "Write off a pledge's balance {reason}", write_off);
  route("GET", "/api/v1/constituents/{id}/giving", Permission::kReadDonors,
        "A constituent's giving summary with fiscal-year totals", giving);
}

}  // namespace steward::http
