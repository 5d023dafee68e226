// The shared schemas of the OpenAPI document (#/components/schemas/<Name>).
#include "http/openapi_schema_builders.hpp"
#include "http/openapi_schemas.hpp"

namespace steward::http {
namespace schema {
json import_components();  // http/openapi_schemas_imports.cpp
}  // namespace schema

using namespace schema;  // NOLINT: the builders read as a schema language here

json component_schemas() {
  json money_out = answer({{"amount", str(40)}, {"currency", str(3)}, {"minor", integer()}});
  json all = {
      {"MoneyIn", object({{"amount", {{"type", "string"}, {"pattern", "^-?[0-9]+(\\.[0-9]+)?$"}}},
                          {"currency", {{"type", "string"}, {"pattern", "^[A-Z]{3}$"}}},
                          {"minor", integer()}},
                         {"amount", "currency"})},
      {"Money", money_out},
      {"Session", answer({{"user", ref("User")},
                          {"csrf_token", str()},
                          {"must_change_password", boolean()},
                          {"second_factor_required", boolean()}})},
      {"User", answer({{"id", id()},
                       {"username", str()},
                       {"display_name", str()},
                       {"email", opt_str()},
                       {"role", str()},
                       {"restricted_access", boolean()}})},
      {"ApiToken", answer({{"id", id()},
                           {"name", str()},
                           {"scope", str()},
                           {"last_used_at", opt_str()},
                           {"revoked", boolean()}})},
      {"Settings", answer({{"organization_name", str()},
                           {"base_currency", str(3)},
                           {"fiscal_year_start_month", integer()}})},
      {"Fund", answer({{"id", id()},
                       {"code", str()},
                       {"name", str()},
                       {"active", boolean()},
                       {"monthly_need", ref("Money")}})},
      {"AuditEvent", answer({{"id", id()},
                             {"actor", str()},
                             {"action", str()},
                             {"entity_type", str()},
                             {"entity_id", opt_id()},
                             {"created_at", str()}})},
      {"Constituent", answer({{"id", id()},
                              {"kind", str()},
                              {"display_name", str()},
                              {"sort_name", str()},
                              {"restricted", boolean()},
                              {"emails", array_of(ref("Email"))},
                              {"phones", array_of(ref("Phone"))},
                              {"addresses", array_of(ref("Address"))}})},
      {"Email",
       answer({{"id", id()}, {"email", str()}, {"kind", str()}, {"is_primary", boolean()}})},
      {"Phone",
       answer({{"id", id()}, {"phone", str()}, {"kind", str()}, {"is_primary", boolean()}})},
      {"Address", answer({{"id", id()},
                          {"line1", str()},
                          {"city", opt_str()},
                          {"postal_code", opt_str()},
                          {"country", str()},
                          {"is_primary", boolean()}})},
      {"Membership",
       answer({{"id", id()}, {"household_id", id()}, {"member_id", id()}, {"role", str()}})},
      {"Relationship", answer({{"id", id()},
                               {"constituent_id", id()},
                               {"related_id", id()},
                               {"related_name", str()},
                               {"type", str()},
                               {"notes", opt_str()}})},
      {"Tag", answer({{"id", id()}, {"name", str()}})},
      {"Giving", answer({{"lifetime", ref("Money")},
                         {"first_gift", json::object()},
                         {"last_gift", json::object()},
                         {"by_year", array_of(json::object())}})},
      {"Gift", answer({{"id", id()},
                       {"constituent_id", id()},
                       {"received_on", date()},
                       {"amount", ref("Money")},
                       {"status", str()},
                       {"allocations", array_of(json::object())},
                       {"plan_match", json::object()}})},
      {"Batch", answer({{"id", id()},
                        {"name", str()},
                        {"status", str()},
                        {"expected_count", integer()},
                        {"expected_total", ref("Money")}})},
      {"RecurringPlan", answer({{"id", id()},
                                {"constituent_id", id()},
                                {"amount", ref("Money")},
                                {"frequency", str()},
                                {"status", str()},
                                {"next_expected_on", opt_date()}})},
      {"Pledge", answer({{"id", id()},
                         {"constituent_id", id()},
                         {"amount", ref("Money")},
                         {"status", str()},
                         {"balance", ref("Money")}})},
  };
  all.update(moves_components());
  all.update(plugin_components());
  all.update(import_components());
  return all;
}

}  // namespace steward::http
