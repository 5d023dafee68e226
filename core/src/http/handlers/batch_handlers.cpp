// Gift batches: a deposit entered as a group and reconciled before it closes.
//   POST /api/v1/batches {name, expected_count, expected_total}
//   GET  /api/v1/batches?status=open|closed&limit=&after= (newest first, with actual count/total)
//   GET  /api/v1/batches/{id} (with the actual count and total)
//   POST /api/v1/batches/{id}/close (409 saying expected vs actual when they differ)
#include "http/handlers/common.hpp"
#include "http/handlers/gift_json.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json_body.hpp"
#include "http/openapi_schema_builders.hpp"
#include "store/batch_list.hpp"
#include "store/batch_repository.hpp"

namespace steward::http {
namespace {

Response no_batch() { return Response::problem(404, "not-found", "no such batch"); }

Response create_batch(Call& call) {
  nlohmann::json body;
  if (auto bad = parse_json_body(call.request, body)) return *bad;
  JsonReader in(body);
  domain::GiftBatchInput input;
  input.name = in.text("name", true).value_or("");
  input.expected_count = in.integer("expected_count", true).value_or(0);
  input.expected_total = in.money("expected_total", true).value_or(sdk::Money{});
  if (Status s = in.finish(); !s) return Response::from_status(s);
  auto batch =
      call.db.write(call.actor, [&](store::Unit& u) { return store::batches::create(u, input); });
  if (!batch) return Response::from_status(batch.status());
  return Response::json(201, batch_json(batch.value()))
      .set("Location", "/api/v1/batches/" + std::to_string(batch->id));
}

Response list_batches(Call& call) {
  auto page = page_request(call.request);
  if (!page) return Response::from_status(page.status());
  store::batches::ListFilter filter;
  filter.status = call.request.query_param("status");
  filter.page = *page;
  auto list = call.db.read([&](store::Unit& u) { return store::batches::list(u, filter); });
  if (!list) return Response::from_status(list.status());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& b : list->items) items.push_back(batch_json(b));
  return Response::json(200, page_json(items, list->next_after_id));
}

nlohmann::json list_schema() {
  using namespace schema;
  json item = answer({{"id", id()},
                      {"name", str()},
                      {"status", one_of({"open", "closed"})},
                      {"expected_count", integer()},
                      {"expected_total", ref("Money")},
                      {"actual_count", integer()},
                      {"actual_total", ref("Money")},
                      {"closed_at", opt_str()},
                      {"created_by", opt_str()},
                      {"created_at", str()}});
  return {{"response", answer({{"items", array_of(item)},
                               {"next_after", {{"type", "integer"}, {"nullable", true}}}})},
          {"status", 200}};
}

Response get_batch(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_batch();
  auto batch = call.db.read([&](store::Unit& u) { return store::batches::get(u, *id); });
  if (!batch) return Response::from_status(batch.status());
  return Response::json(200, batch_json(batch.value()));
}

Response close_batch(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_batch();
  auto batch =
      call.db.write(call.actor, [&](store::Unit& u) { return store::batches::close(u, *id); });
  if (!batch) return Response::from_status(batch.status());
  return Response::json(200, batch_json(batch.value()));
}

}  // namespace

void add_batch_routes(Api& api) {
  Router& r = api.router();
  using auth::Permission;
  r.add({"POST",
         "/api/v1/batches",
         Access::kPermission,
         Permission::kWriteDonors,
         "Open a gift batch {name, expected_count, expected_total}",
         create_batch,
         {}});
  r.add({"GET", "/api/v1/batches", Access::kPermission, Permission::kReadDonors,
         "Gift batches, newest first (?status=open|closed; cursor pages)", list_batches,
         list_schema()});
  r.add({"GET",
         "/api/v1/batches/{id}",
         Access::kPermission,
         Permission::kReadDonors,
         "One batch with its actual gift count and total",
         get_batch,
         {}});
  r.add({"POST",
         "/api/v1/batches/{id}/close",
         Access::kPermission,
         Permission::kWriteDonors,
         "Close a batch (409 with expected vs actual when they differ)",
         close_batch,
         {}});
}

}  // namespace steward::http
