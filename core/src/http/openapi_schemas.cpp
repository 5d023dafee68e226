#include "http/openapi_schemas.hpp"

#include <map>

#include "http/openapi_schema_builders.hpp"

namespace steward::http {
namespace {

using namespace schema;  // NOLINT: the builders read as a schema language here

json reason_body() { return object({{"reason", str(500)}}, {"reason"}); }

json constituent_request() {
  json p = {{"kind", one_of({"individual", "household", "organization"})},
            {"first_name", opt_str()},
            {"middle_name", opt_str()},
            {"last_name", opt_str()},
            {"preferred_name", opt_str()},
            {"organization_name", opt_str()},
            {"display_name", opt_str()},
            {"salutation", opt_str()},
            {"addressee", opt_str()},
            {"organization_type", opt_str()},
            {"restricted", boolean()},
            {"source", opt_str()},
            {"do_not_email", boolean()},
            {"do_not_mail", boolean()},
            {"do_not_call", boolean()},
            {"do_not_solicit", boolean()},
            {"anonymous_giver", boolean()},
            {"notes", opt_str(10000)},
            {"custom_fields", {{"type", "object"}}}};
  // Read-only parts of a GET answer a client may echo back (ignored).
  for (const char* echoed : {"id", "created_at", "updated_at", "version", "sort_name", "deleted_at",
                             "erased_at", "merged_into_id", "emails", "phones", "addresses",
                             "household", "members", "relationships", "tags", "giving"}) {
    p[echoed] = json::object();
  }
  return object(p);
}

json gift_request() {
  json allocation = object({{"fund_id", id()}, {"amount", ref("MoneyIn")}}, {"fund_id", "amount"});
  json soft_credit =
      object({{"constituent_id", id()}, {"amount", ref("MoneyIn")}, {"kind", opt_str(50)}},
             {"constituent_id"});
  json tribute = object({{"type", one_of({"in_honor", "in_memory"})},
                         {"name", str()},
                         {"notify_id", opt_id()},
                         {"notify_name", opt_str()}},
                        {"type", "name"});
  return object({{"constituent_id", id()},
                 {"received_on", date()},
                 {"amount", ref("MoneyIn")},
                 {"base_amount", ref("MoneyIn")},
                 {"exchange_rate", opt_str(40)},
                 {"fee", ref("MoneyIn")},
                 {"payment_method", opt_str(40)},
                 {"check_number", opt_str(60)},
                 {"status", opt_str(40)},
                 {"source", opt_str()},
                 {"external_id", opt_str()},
                 {"campaign_id", opt_id()},
                 {"appeal_id", opt_id()},
                 {"recurring_plan_id", opt_id()},
                 {"pledge_id", opt_id()},
                 {"anonymous", boolean()},
                 {"in_kind_description", opt_str(2000)},
                 {"batch_id", opt_id()},
                 {"notes", opt_str(10000)},
                 {"tribute", tribute},
                 {"allocations", array_of(allocation)},
                 {"soft_credits", array_of(soft_credit)},
                 {"processor_reference", opt_str()}},
                {"constituent_id", "received_on", "amount", "allocations"});
}

json fund_request() {
  return object({{"code", str(40)},
                 {"name", str()},
                 {"program", opt_str()},
                 {"description", opt_str(2000)},
                 {"restricted", boolean()},
                 {"active", boolean()},
                 {"monthly_need", ref("MoneyIn")},
                 {"people_served", {{"type", "integer"}, {"nullable", true}}},
                 {"id", json::object()},
                 {"created_at", json::object()},
                 {"updated_at", json::object()}},
                {"code", "name"});
}

json email_request() {
  return object({{"email", str(254)}, {"kind", opt_str(40)}, {"is_primary", boolean()}}, {"email"});
}
json phone_request() {
  return object({{"phone", str(60)}, {"kind", opt_str(40)}, {"is_primary", boolean()}}, {"phone"});
}
json address_request() {
  return object({{"kind", opt_str(40)},
                 {"line1", str()},
                 {"line2", opt_str()},
                 {"line3", opt_str()},
                 {"city", opt_str()},
                 {"region", opt_str()},
                 {"postal_code", opt_str(40)},
                 {"country", opt_str(2)},
                 {"is_primary", boolean()},
                 {"undeliverable", boolean()}},
                {"line1"});
}

struct Entry {
  std::optional<json> request;
  std::optional<json> response;
  int status = 200;
};

const std::map<std::string, Entry>& schemas_table() {
  static const std::map<std::string, Entry> t = [] {
    std::map<std::string, Entry> m;
    auto add = [&m](const std::string& key, std::optional<json> req, std::optional<json> res,
                    int status = 200) {
      m[key] = Entry{std::move(req), std::move(res), status};
    };
    const json nothing = object(json::object());
    // Sessions, second factor, tokens, users.
    add("POST /api/v1/session",
        object({{"username", str()}, {"password", str(1024)}}, {"username", "password"}),
        ref("Session"), 201);
    add("GET /api/v1/session", std::nullopt, ref("Session"));
    add("DELETE /api/v1/session", std::nullopt, std::nullopt, 204);
    add("POST /api/v1/session/password",
        object({{"current_password", str(1024)}, {"new_password", str(1024)}},
               {"current_password", "new_password"}),
        ref("Session"));
    add("POST /api/v1/session/second-factor", object({{"code", str(20)}}, {"code"}),
        ref("Session"));
    // Starting enrolment reads no body (the session is the proof; confirm needs a code).
    add("POST /api/v1/session/totp", nothing, answer({{"secret", str()}, {"uri", str(1000)}}), 201);
    add("POST /api/v1/session/totp/confirm", object({{"code", str(20)}}, {"code"}),
        answer({{"recovery_codes", array_of(str())}}));
    add("POST /api/v1/session/totp/disable", object({{"password", str(1024)}}, {"password"}),
        std::nullopt, 204);
    add("POST /api/v1/users/{id}/totp-reset", nothing, std::nullopt, 204);
    add("GET /api/v1/session/tokens", std::nullopt, answer({{"items", array_of(ref("ApiToken"))}}));
    add("POST /api/v1/session/tokens",
        object({{"name", str(100)}, {"scope", one_of({"read", "read_write"})}}, {"name"}),
        answer({{"id", id()}, {"token", str()}, {"scope", str()}}), 201);
    add("DELETE /api/v1/session/tokens/{id}", std::nullopt, std::nullopt, 204);
    add("GET /api/v1/users", std::nullopt, answer({{"items", array_of(ref("User"))}}));
    add("POST /api/v1/users",
        object({{"username", str(100)},
                {"display_name", str()},
                {"email", opt_str(254)},
                {"role", one_of({"admin", "fundraiser", "analyst", "viewer"})},
                {"restricted_access", boolean()}},
               {"username", "display_name", "role"}),
        ref("User"), 201);
    add("PUT /api/v1/users/{id}/role",
        object({{"role", one_of({"admin", "fundraiser", "analyst", "viewer"})},
                {"restricted_access", boolean()}},
               {"role"}),
        ref("User"));
    add("POST /api/v1/users/{id}/password-reset", nothing, answer({{"one_time_password", str()}}));
    add("POST /api/v1/users/{id}/disable", nothing, ref("User"));
    add("POST /api/v1/users/{id}/enable", nothing, ref("User"));
    // Settings, funds, audit.
    add("GET /api/v1/settings", std::nullopt, ref("Settings"));
    add("PUT /api/v1/settings",
        object(
            {{"organization_name", opt_str()},
             {"base_currency", opt_str(3)},
             {"fiscal_year_start_month", {{"type", "integer"}, {"minimum", 1}, {"maximum", 12}}}}),
        ref("Settings"));
    add("GET /api/v1/funds", std::nullopt, page_of("Fund"));
    add("POST /api/v1/funds", fund_request(), ref("Fund"), 201);
    add("GET /api/v1/funds/{id}", std::nullopt, ref("Fund"));
    add("PUT /api/v1/funds/{id}", fund_request(), ref("Fund"));
    add("GET /api/v1/audit", std::nullopt, page_of("AuditEvent"));
    // Constituents and their parts.
    add("GET /api/v1/constituents", std::nullopt, page_of("Constituent"));
    add("POST /api/v1/constituents", constituent_request(), ref("Constituent"), 201);
    add("GET /api/v1/constituents/{id}", std::nullopt, ref("Constituent"));
    add("PUT /api/v1/constituents/{id}", constituent_request(), ref("Constituent"));
    add("DELETE /api/v1/constituents/{id}", std::nullopt, std::nullopt, 204);
    add("POST /api/v1/constituents/{id}/restore", nothing, ref("Constituent"));
    add("GET /api/v1/constituents.csv", std::nullopt, std::nullopt);
    for (const char* kind : {"emails", "phones", "addresses"}) {
      const std::string k = kind;
      const std::string id_name = k == "emails"   ? "email_id"
                                  : k == "phones" ? "phone_id"
                                                  : "address_id";
      json req = k == "emails"   ? email_request()
                 : k == "phones" ? phone_request()
                                 : address_request();
      const std::string schema = k == "emails" ? "Email" : k == "phones" ? "Phone" : "Address";
      add("POST /api/v1/constituents/{id}/" + k, req, ref(schema), 201);
      add("PUT /api/v1/constituents/{id}/" + k + "/{" + id_name + "}", req, ref(schema));
      add("DELETE /api/v1/constituents/{id}/" + k + "/{" + id_name + "}", std::nullopt,
          std::nullopt, 204);
    }
    add("POST /api/v1/households",
        object({{"name", opt_str()}, {"member_ids", array_of(id())}}, {"member_ids"}),
        ref("Constituent"), 201);
    add("POST /api/v1/households/{id}/members",
        object({{"member_id", id()}, {"role", opt_str(40)}}, {"member_id"}), ref("Membership"),
        201);
    add("DELETE /api/v1/households/{id}/members/{member_id}", std::nullopt, std::nullopt, 204);
    add("GET /api/v1/constituents/{id}/relationships", std::nullopt,
        answer({{"items", array_of(ref("Relationship"))}}));
    add("POST /api/v1/constituents/{id}/relationships",
        object({{"related_id", id()},
                {"type", str(60)},
                {"started_on", opt_date()},
                {"ended_on", opt_date()},
                {"notes", opt_str(2000)}},
               {"related_id", "type"}),
        ref("Relationship"), 201);
    add("DELETE /api/v1/relationships/{id}", std::nullopt, std::nullopt, 204);
    add("GET /api/v1/tags", std::nullopt, answer({{"items", array_of(ref("Tag"))}}));
    add("POST /api/v1/constituents/{id}/tags", object({{"name", str(100)}}, {"name"}), ref("Tag"),
        201);
    add("DELETE /api/v1/constituents/{id}/tags/{tag_id}", std::nullopt, std::nullopt, 204);
    add("GET /api/v1/constituents/{id}/giving", std::nullopt, ref("Giving"));
    // Gifts, batches, plans, pledges.
    add("GET /api/v1/gifts", std::nullopt, page_of("Gift"));
    add("POST /api/v1/gifts", gift_request(), ref("Gift"), 201);
    add("GET /api/v1/gifts/{id}", std::nullopt, ref("Gift"));
    add("PUT /api/v1/gifts/{id}", gift_request(), ref("Gift"));
    add("DELETE /api/v1/gifts/{id}", std::nullopt, std::nullopt, 204);
    add("POST /api/v1/gifts/{id}/refund",
        object({{"amount", ref("MoneyIn")},
                {"refunded_on", date()},
                {"reason", opt_str(500)},
                {"allocations", array_of(object({{"fund_id", id()}, {"amount", ref("MoneyIn")}}))}},
               {"refunded_on"}),
        ref("Gift"), 201);
    add("GET /api/v1/gifts/unacknowledged", std::nullopt,
        answer({{"items", array_of(ref("Gift"))}}));
    add("POST /api/v1/gifts/acknowledge",
        object({{"gift_ids", array_of(id())},
                {"date", date()},
                {"method", one_of({"email", "letter", "phone", "in_person", "other"})}},
               {"gift_ids", "date", "method"}),
        answer({{"acknowledged", integer()}}));
    add("POST /api/v1/batches",
        object({{"name", str()}, {"expected_count", integer()}, {"expected_total", ref("MoneyIn")}},
               {"name", "expected_count", "expected_total"}),
        ref("Batch"), 201);
    add("GET /api/v1/batches/{id}", std::nullopt, ref("Batch"));
    add("POST /api/v1/batches/{id}/close", nothing, ref("Batch"));
    const json plan_request = object({{"constituent_id", id()},
                                      {"amount", ref("MoneyIn")},
                                      {"frequency", opt_str(20)},
                                      {"anchor_day", {{"type", "integer"}, {"nullable", true}}},
                                      {"starts_on", date()},
                                      {"ends_on", opt_date()},
                                      {"fund_id", opt_id()},
                                      {"campaign_id", opt_id()},
                                      {"appeal_id", opt_id()},
                                      {"processor", opt_str(60)},
                                      {"processor_reference", opt_str()},
                                      {"notes", opt_str(10000)}},
                                     {"constituent_id", "amount", "starts_on"});
    add("GET /api/v1/recurring-plans", std::nullopt, page_of("RecurringPlan"));
    add("POST /api/v1/recurring-plans", plan_request, ref("RecurringPlan"), 201);
    add("GET /api/v1/recurring-plans/{id}", std::nullopt, ref("RecurringPlan"));
    for (const char* action : {"pause", "resume", "cancel"}) {
      add(std::string("POST /api/v1/recurring-plans/{id}/") + action, reason_body(),
          ref("RecurringPlan"));
    }
    const json pledge_request = object({{"constituent_id", id()},
                                        {"amount", ref("MoneyIn")},
                                        {"installments", {{"type", "integer"}, {"minimum", 1}}},
                                        {"frequency", opt_str(20)},
                                        {"first_due_on", date()},
                                        {"pledged_on", date()},
                                        {"fund_id", opt_id()},
                                        {"campaign_id", opt_id()},
                                        {"appeal_id", opt_id()},
                                        {"notes", opt_str(10000)}},
                                       {"constituent_id", "amount", "first_due_on", "pledged_on"});
    add("GET /api/v1/pledges", std::nullopt, page_of("Pledge"));
    add("POST /api/v1/pledges", pledge_request, ref("Pledge"), 201);
    add("GET /api/v1/pledges/{id}", std::nullopt, ref("Pledge"));
    add("POST /api/v1/pledges/{id}/write-off", reason_body(), ref("Pledge"));
    // Moves management and reports (http/openapi_schemas_moves.cpp).
    add_moves_schemas(add);
    add_plugin_schemas(add);
    add_import_schemas(add);
    return m;
  }();
  return t;
}

}  // namespace

bool takes_body(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH";
}

BodySchemas body_schemas(const Route& route) {
  BodySchemas out;
  auto it = schemas_table().find(route.method + " " + route.pattern);
  if (it != schemas_table().end()) {
    out.request = it->second.request;
    out.response = it->second.response;
    out.status = it->second.status;
  }
  if (route.openapi.is_object()) {
    if (route.openapi.contains("request")) out.request = route.openapi["request"];
    if (route.openapi.contains("response")) out.response = route.openapi["response"];
    if (route.openapi.contains("status") && route.openapi["status"].is_number_integer()) {
      out.status = route.openapi["status"].get<int>();
    }
  }
  if (!takes_body(route.method)) out.request.reset();
  return out;
}

}  // namespace steward::http
