// GET /api/v1/constituents/{id}/soft-credits: the soft credits a constituent received (credit
// for gifts others paid), newest gift first, in cursor pages. The constituent must be visible to
// the caller; credits on gifts paid by restricted donors are left out for callers without the
// restricted grant (in SQL, so pages stay full).
#include "http/handlers/constituent_json.hpp"
#include "http/handlers/gift_json.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/visibility.hpp"
#include "http/json_body.hpp"
#include "http/openapi_schema_builders.hpp"
#include "store/soft_credit_queries.hpp"

namespace steward::http {
namespace {

nlohmann::json received_json(const store::soft_credits::ReceivedSoftCredit& c) {
  return {{"id", c.id},
          {"gift_id", c.gift_id},
          {"donor", {{"id", c.donor_id}, {"display_name", c.donor_name}}},
          {"role", c.role},
          {"amount", money_json(sdk::Money{c.amount_minor, c.currency})},
          {"received_on", c.received_on},
          {"gift_status", c.gift_status}};
}

Response received(Call& call) {
  auto id = path_id(call.request);
  if (!id) return no_such_constituent();
  auto page = page_request(call.request);
  if (!page) return Response::from_status(page.status());
  return filtered_page(
      call,
      [&](store::Unit& u) -> Result<store::Page<store::soft_credits::ReceivedSoftCredit>> {
        if (auto c = visible_constituent(u, *id, call.sees_restricted()); !c) return c.status();
        return store::soft_credits::received_page(u, *id, call.sees_restricted(), *page);
      },
      received_json);
}

nlohmann::json received_schema() {
  using namespace schema;
  json item = answer({{"id", id()},
                      {"gift_id", id()},
                      {"donor", answer({{"id", id()}, {"display_name", str()}})},
                      {"role", str(40)},
                      {"amount", ref("Money")},
                      {"received_on", date()},
                      {"gift_status", str(40)}});
  return {{"response", answer({{"items", array_of(item)},
                               {"next_after", {{"type", "integer"}, {"nullable", true}}}})},
          {"status", 200}};
}

}  // namespace

void add_soft_credit_routes(Api& api) {
  api.router().add({"GET", "/api/v1/constituents/{id}/soft-credits", Access::kPermission,
                    auth::Permission::kReadDonors,
                    "Soft credits the constituent received, newest gift first (cursor pages)",
                    received, received_schema()});
}

}  // namespace steward::http
