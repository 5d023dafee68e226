// Mail: settings, templates (versions), preview. The sending routes (acknowledgment queue,
// thank, statements, generated PDFs) are in mail_send_handlers.cpp; add_mail_routes registers
// both. See docs/api.md and docs/mail.md.
//   GET  /api/v1/mail/settings                       send mail
//   PUT  /api/v1/mail/settings                       manage settings (admin), If-Match
//   GET  /api/v1/mail/templates                      send mail: the current version of each
//   GET  /api/v1/mail/templates/{name}/versions      send mail: ?language=en (newest first)
//   POST /api/v1/mail/templates                      send mail: saves a new version
//   POST /api/v1/mail/preview                        send mail: render for a donor, send nothing
#include "engine/mail_starter_templates.hpp"
#include "engine/thank_you_sender.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/mail_routes.hpp"
#include "http/json_body.hpp"
#include "store/mail_settings.hpp"
#include "store/mail_template_repository.hpp"

namespace steward::http {
namespace {

using nlohmann::json;

json mail_settings_json(const store::mail_settings::MailSettings& s) {
  return {{"mail.from", s.from},
          {"mail.mailer", s.mailer},
          {"mail.default_language", s.default_language},
          {"mail.personal_call_minor", std::to_string(s.personal_call_minor)},
          {"mail.org_address", s.org_address},
          {"mail.org_phone", s.org_phone},
          {"mail.org_website", s.org_website},
          {"mail.org_email", s.org_email},
          {"mail.tax_id", s.tax_id},
          {"mail.signer_name", s.signer_name},
          {"mail.signer_title", s.signer_title},
          {"mail.paper_size", s.paper_size},
          {"mail.legal_text", s.legal_text},
          {"mail.statement_year", s.statement_year},
          {"mail.public_url", s.public_url},
          {"mail.appeal_rate_per_minute", std::to_string(s.appeal_rate_per_minute)},
          {"mail.thank_within_hours", std::to_string(s.thank_within_hours)}};
}

json mail_template_json(const domain::MailTemplate& t) {
  return {{"id", t.id},
          {"name", t.name},
          {"kind", t.kind},
          {"language", t.language},
          {"version", t.version},
          {"subject", t.subject},
          {"body_text", t.text},
          {"body_html", t.html},
          {"active", t.active},
          {"created_by", t.created_by},
          {"created_at", t.created_at}};
}

Response get_mail_settings(Call& call) {
  auto s = call.db.read([](store::Unit& u) { return store::mail_settings::get(u); });
  if (!s) return Response::from_status(s.status());
  json j = mail_settings_json(*s);
  return with_etag(Response::json(200, j), etag_of(j));
}

Response put_mail_settings(Call& call) {
  json body;
  if (auto bad = parse_json_body(call.request, body)) return *bad;
  if (!body.is_object())
    return Response::from_status(Status::invalid("the body must be an object"));
  std::vector<std::pair<std::string, std::string>> changes;
  for (const auto& [key, value] : body.items()) {
    if (!value.is_string()) {
      return Response::from_status(Status::invalid_field(key, "must be a string"));
    }
    changes.emplace_back(key, value.get<std::string>());
  }
  std::optional<Response> refused;
  auto updated =
      call.db.write(call.actor, [&](store::Unit& u) -> Result<store::mail_settings::MailSettings> {
        auto current = store::mail_settings::get(u);
        if (!current) return current.status();
        refused = check_if_match(call.request, etag_of(mail_settings_json(*current)));
        if (refused) return Status::precondition_failed("stale");
        for (const auto& [key, value] : changes) {
          if (Status s = store::mail_settings::set(u, key, value); !s) return s;
        }
        return store::mail_settings::get(u);
      });
  if (refused) return *refused;
  if (!updated) return Response::from_status(updated.status());
  json j = mail_settings_json(*updated);
  return with_etag(Response::json(200, j), etag_of(j));
}

Status mail_ensure_templates(Call& call) {
  auto installed = call.db.write(
      call.actor, [](store::Unit& u) { return engine::install_starter_templates(u); });
  return installed ? Status::ok() : installed.status();
}

Response list_templates(Call& call) {
  if (Status s = mail_ensure_templates(call); !s) return Response::from_status(s);
  auto list = call.db.read([](store::Unit& u) { return store::mail_templates::list_current(u); });
  if (!list) return Response::from_status(list.status());
  json items = json::array();
  for (const auto& t : *list) items.push_back(mail_template_json(t));
  return Response::json(200, {{"items", items}});
}

Response template_versions(Call& call) {
  std::string name = call.request.path_params.at("name");
  std::string language = call.request.query_param("language").value_or("en");
  auto list = call.db.read(
      [&](store::Unit& u) { return store::mail_templates::history(u, name, language); });
  if (!list) return Response::from_status(list.status());
  if (list->empty()) {
    return Response::from_status(Status::not_found("template " + name + " (" + language + ")"));
  }
  json items = json::array();
  for (const auto& t : *list) items.push_back(mail_template_json(t));
  return Response::json(200, {{"items", items}});
}

Response save_template(Call& call) {
  json body;
  if (auto bad = parse_json_body(call.request, body)) return *bad;
  JsonReader in(body);
  domain::MailTemplateInput t;
  auto name = in.text("name", true);
  auto language = in.text("language", true);
  auto kind = in.text("kind", false);
  auto subject = in.text("subject", false);
  auto text = in.text("body_text", false);
  auto html = in.text("body_html", false);
  auto active = in.boolean("active", false);
  if (Status s = in.finish(); !s) return Response::from_status(s);
  auto saved = call.db.write(call.actor, [&](store::Unit& u) -> Result<domain::MailTemplate> {
    if (auto installed = engine::install_starter_templates(u); !installed) {
      return installed.status();
    }
    // A new version starts from the current one: send only what changes.
    auto current = store::mail_templates::current(u, *name, *language);
    if (current) {
      t = *current;
    } else if (current.status().code() != StatusCode::kNotFound) {
      return current.status();
    }
    t.name = *name;
    t.language = *language;
    if (kind) t.kind = *kind;
    if (subject) t.subject = *subject;
    if (text) t.text = *text;
    if (html) t.html = *html;
    if (active) t.active = *active;
    return store::mail_templates::save(u, t);
  });
  if (!saved) return Response::from_status(saved.status());
  return Response::json(201, mail_template_json(*saved));
}

Response mail_preview(Call& call) {
  json body;
  if (auto bad = parse_json_body(call.request, body)) return *bad;
  JsonReader in(body);
  auto constituent = in.integer("constituent_id", true);
  auto gift = in.integer("gift_id", false);
  auto name = in.text("template", false);
  auto language = in.text("language", false);
  if (Status s = in.finish(); !s) return Response::from_status(s);
  if (Status s = mail_ensure_templates(call); !s) return Response::from_status(s);
  auto p = call.db.read(
      [&](store::Unit& u) { return engine::preview_mail(u, *constituent, gift, name, language); });
  if (!p) return Response::from_status(p.status());
  return Response::json(200, {{"template_id", p->template_id},
                              {"template_version", p->template_version},
                              {"language", p->language},
                              {"subject", p->rendered.subject},
                              {"text", p->rendered.text},
                              {"html", p->rendered.html},
                              {"fields", p->fields}});
}

const json kMailString = {{"type", "string"}};

json settings_schema() {
  json props = json::object();
  for (const char* key :
       {"mail.from", "mail.mailer", "mail.default_language", "mail.personal_call_minor",
        "mail.org_address", "mail.org_phone", "mail.org_website", "mail.org_email", "mail.tax_id",
        "mail.signer_name", "mail.signer_title", "mail.paper_size", "mail.legal_text",
        "mail.statement_year", "mail.public_url", "mail.appeal_rate_per_minute"}) {
    props[key] = kMailString;
  }
  return {{"type", "object"}, {"additionalProperties", false}, {"properties", props}};
}

json template_schema() {
  return {{"type", "object"},
          {"properties",
           {{"id", {{"type", "integer"}}},
            {"name", kMailString},
            {"kind", kMailString},
            {"language", kMailString},
            {"version", {{"type", "integer"}}},
            {"subject", kMailString},
            {"body_text", kMailString},
            {"body_html", kMailString},
            {"active", {{"type", "boolean"}}},
            {"created_by", kMailString},
            {"created_at", kMailString}}}};
}

json items_of(const json& item) {
  return {{"type", "object"}, {"properties", {{"items", {{"type", "array"}, {"items", item}}}}}};
}

}  // namespace

void add_mail_routes(Api& api) {
  auto& r = api.router();
  r.add({"GET",
         "/api/v1/mail/settings",
         Access::kPermission,
         auth::Permission::kSendMail,
         "Mail settings (mail.*), with their ETag",
         get_mail_settings,
         {{"response", settings_schema()}, {"status", 200}}});
  r.add({"PUT",
         "/api/v1/mail/settings",
         Access::kPermission,
         auth::Permission::kManageSettings,
         "Change mail settings: any subset of the keys (If-Match required)",
         put_mail_settings,
         {{"request", settings_schema()}, {"response", settings_schema()}, {"status", 200}}});
  r.add({"GET",
         "/api/v1/mail/templates",
         Access::kPermission,
         auth::Permission::kSendMail,
         "The current version of every mail template",
         list_templates,
         {{"response", items_of(template_schema())}, {"status", 200}}});
  r.add({"GET",
         "/api/v1/mail/templates/{name}/versions",
         Access::kPermission,
         auth::Permission::kSendMail,
         "Every version of a template, newest first",
         template_versions,
         {{"parameters", json::array({{{"name", "language"},
                                       {"in", "query"},
                                       {"required", false},
                                       {"schema", kMailString},
                                       {"description", "en (default), ko"}}})},
          {"response", items_of(template_schema())},
          {"status", 200}}});
  r.add(
      {"POST",
       "/api/v1/mail/templates",
       Access::kPermission,
       auth::Permission::kSendMail,
       "Save a new version of a template (fields not sent are kept from the current version)",
       save_template,
       {{"request",
         {{"type", "object"},
          {"additionalProperties", false},
          {"required", {"name", "language"}},
          {"properties",
           {{"name", kMailString},
            {"language", kMailString},
            {"kind",
             {{"type", "string"},
              {"enum", {"thank_you_email", "thank_you_letter", "tribute", "year_end", "appeal"}}}},
            {"subject", kMailString},
            {"body_text", kMailString},
            {"body_html", kMailString},
            {"active", {{"type", "boolean"}}}}}}},
        {"response", template_schema()},
        {"status", 201}}});
  r.add({"POST",
         "/api/v1/mail/preview",
         Access::kPermission,
         auth::Permission::kSendMail,
         "Render a template for a donor (and gift) without sending anything",
         mail_preview,
         {{"request",
           {{"type", "object"},
            {"additionalProperties", false},
            {"required", {"constituent_id"}},
            {"properties",
             {{"constituent_id", {{"type", "integer"}}},
              {"gift_id", {{"type", "integer"}}},
              {"template", kMailString},
              {"language", kMailString}}}}},
          {"response",
           {{"type", "object"},
            {"properties",
             {{"template_id", {{"type", "integer"}}},
              {"template_version", {{"type", "integer"}}},
              {"language", kMailString},
              {"subject", kMailString},
              {"text", kMailString},
              {"html", kMailString},
              {"fields", {{"type", "object"}}}}}}},
          {"status", 200}}});
  add_mail_send_routes(api);
}

}  // namespace steward::http
