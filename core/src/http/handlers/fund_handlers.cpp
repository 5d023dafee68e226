// Funds (designations and the programs' monthly needs).
//   GET  /api/v1/funds[?active=true|false&after=&limit=]   POST /api/v1/funds
//   GET  /api/v1/funds/{id}                                PUT  /api/v1/funds/{id} (If-Match)
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json_body.hpp"
#include "store/fund_repository.hpp"

namespace steward::http {
namespace {

nlohmann::json fund_json(const domain::Fund& f) {
  auto opt = [](const auto& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); };
  return {{"id", f.id},
          {"code", f.code},
          {"name", f.name},
          {"program", opt(f.program)},
          {"description", opt(f.description)},
          {"restricted", f.restricted},
          {"active", f.active},
          {"monthly_need", f.monthly_need ? money_json(*f.monthly_need) : nlohmann::json(nullptr)},
          {"people_served", opt(f.people_served)},
          {"created_at", f.created_at},
          {"updated_at", f.updated_at}};
}

Response fund_response(int status, const domain::Fund& f) {
  nlohmann::json j = fund_json(f);
  return with_etag(Response::json(status, j), etag_of(j));
}

// Reads a whole fund from the body (create and replace take the same shape).
Result<domain::FundInput> read_fund(const Request& request, std::optional<Response>& bad) {
  nlohmann::json body;
  bad = parse_json_body(request, body);
  if (bad) return Status::invalid("bad body");
  JsonReader in(body);
  domain::FundInput f;
  f.code = in.text("code", true).value_or("");
  f.name = in.text("name", true).value_or("");
  f.program = in.text("program", false);
  f.description = in.text("description", false);
  f.restricted = in.boolean("restricted", false).value_or(false);
  f.active = in.boolean("active", false).value_or(true);
  f.monthly_need = in.money("monthly_need", false);
  f.people_served = in.integer("people_served", false);
  for (const char* echoed : {"id", "created_at", "updated_at"}) in.ignore(echoed);
  if (Status s = in.finish(); !s) return s;
  return f;
}

Response list_funds(Call& call) {
  auto page = page_request(call.request);
  if (!page) return Response::from_status(page.status());
  store::funds::ListFilter filter;
  filter.page = page.value();
  if (auto active = call.request.query_param("active")) {
    if (*active != "true" && *active != "false") {
      return Response::from_status(Status::invalid_field("active", "must be true or false"));
    }
    filter.active = *active == "true";
  }
  auto funds = call.db.read([&](store::Unit& u) { return store::funds::list(u, filter); });
  if (!funds) return Response::from_status(funds.status());
  nlohmann::json items = nlohmann::json::array();
  for (const domain::Fund& f : funds.value().items) items.push_back(fund_json(f));
  return Response::json(200, page_json(items, funds.value().next_after_id));
}

Response get_fund(Call& call) {
  auto id = path_id(call.request);
  if (!id) return Response::problem(404, "not-found", "no such fund");
  auto fund = call.db.read([&](store::Unit& u) { return store::funds::get(u, *id); });
  if (!fund) return Response::from_status(fund.status());
  return fund_response(200, fund.value());
}

Response create_fund(Call& call) {
  std::optional<Response> bad;
  auto input = read_fund(call.request, bad);
  if (bad) return *bad;
  if (!input) return Response::from_status(input.status());
  auto fund = call.db.write(call.actor,
                            [&](store::Unit& u) { return store::funds::create(u, input.value()); });
  if (!fund) return Response::from_status(fund.status());
  return fund_response(201, fund.value())
      .set("Location", "/api/v1/funds/" + std::to_string(fund.value().id));
}

Response replace_fund(Call& call) {
  auto id = path_id(call.request);
  if (!id) return Response::problem(404, "not-found", "no such fund");
  std::optional<Response> bad;
  auto input = read_fund(call.request, bad);
  if (bad) return *bad;
  if (!input) return Response::from_status(input.status());
  std::optional<Response> refused;
  auto fund = call.db.write(call.actor, [&](store::Unit& u) -> Result<domain::Fund> {
    auto current = store::funds::get(u, *id);
    if (!current) return current.status();
    refused = check_if_match(call.request, etag_of(fund_json(current.value())));
    if (refused) return Status::precondition_failed("stale");
    return store::funds::update(u, *id, input.value());
  });
  if (refused) return *refused;
  if (!fund) return Response::from_status(fund.status());
  return fund_response(200, fund.value());
}

}  // namespace

void add_fund_routes(Api& api) {
  Router& r = api.router();
  using auth::Permission;
  r.add({"GET",
         "/api/v1/funds",
         Access::kPermission,
         Permission::kReadDonors,
         "List funds (cursor pages; ?active=)",
         list_funds,
         {}});
  r.add({"POST",
         "/api/v1/funds",
         Access::kPermission,
         Permission::kManageSettings,
         "Create a fund",
         create_fund,
         {}});
  r.add({"GET",
         "/api/v1/funds/{id}",
         Access::kPermission,
         Permission::kReadDonors,
         "One fund, with its ETag",
         get_fund,
         {}});
  r.add({"PUT",
         "/api/v1/funds/{id}",
         Access::kPermission,
         Permission::kManageSettings,
         "Replace a fund (If-Match required)",
         replace_fund,
         {}});
}

}  // namespace steward::http
