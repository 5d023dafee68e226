// Gift batches: a deposit entered as a group and reconciled before it closes.
//   POST /api/v1/batches {name, expected_count, expected_total}
//   GET  /api/v1/batches/{id} (with the actual count and total)
//   POST /api/v1/batches/{id}/close (409 saying expected vs actual when they differ)
#include "http/handlers/common.hpp"
#include "http/handlers/gift_json.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json_body.hpp"
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
