// Organisation settings.  GET /api/v1/settings   PUT /api/v1/settings (If-Match; any subset)
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/json_body.hpp"
#include "store/settings_repository.hpp"

namespace steward::http {
namespace {

nlohmann::json organization_settings_json(const store::settings::OrganizationSettings& s) {
  return {{"organization_name", s.organization_name},
          {"base_currency", s.base_currency},
          {"fiscal_year_start_month", s.fiscal_year_start_month}};
}

Response get_organization_settings(Call& call) {
  auto s = call.db.read([](store::Unit& u) { return store::settings::get(u); });
  if (!s) return Response::from_status(s.status());
  nlohmann::json j = organization_settings_json(s.value());
  return with_etag(Response::json(200, j), etag_of(j));
}

Response put_organization_settings(Call& call) {
  nlohmann::json body;
  if (auto bad = parse_json_body(call.request, body)) return *bad;
  JsonReader in(body);
  std::vector<std::pair<std::string, std::string>> changes;
  if (auto v = in.text("organization_name", false)) changes.emplace_back("organization_name", *v);
  if (auto v = in.text("base_currency", false)) changes.emplace_back("base_currency", *v);
  if (auto v = in.integer("fiscal_year_start_month", false)) {
    changes.emplace_back("fiscal_year_start_month", std::to_string(*v));
  }
  if (Status s = in.finish(); !s) return Response::from_status(s);
  std::optional<Response> refused;
  auto updated = call.db.write(
      call.actor, [&](store::Unit& u) -> Result<store::settings::OrganizationSettings> {
        auto current = store::settings::get(u);
        if (!current) return current.status();
        refused =
            check_if_match(call.request, etag_of(organization_settings_json(current.value())));
        if (refused) return Status::precondition_failed("stale");
        for (const auto& [key, value] : changes) {
          if (Status s = store::settings::set(u, key, value); !s) return s;
        }
        return store::settings::get(u);
      });
  if (refused) return *refused;
  if (!updated) return Response::from_status(updated.status());
  nlohmann::json j = organization_settings_json(updated.value());
  return with_etag(Response::json(200, j), etag_of(j));
}

}  // namespace

void add_settings_routes(Api& api) {
  api.router().add({"GET",
                    "/api/v1/settings",
                    Access::kPermission,
                    auth::Permission::kReadDonors,
                    "Organisation settings, with their ETag",
                    get_organization_settings,
                    {}});
  api.router().add({"PUT",
                    "/api/v1/settings",
                    Access::kPermission,
                    auth::Permission::kManageSettings,
                    "Change organisation settings (If-Match required)",
                    put_organization_settings,
                    {}});
}

}  // namespace steward::http
