// Email appeal routes (registered by add_mail_send_routes):
//   GET  /api/v1/appeals/{id}/email-preview?segment_id=N&template_name=T   send mail
//   POST /api/v1/appeals/{id}/email-preview  {"segment_id", "template_name"}   send mail
//   POST /api/v1/appeals/{id}/email-sends    {"segment_id", "template_name", "rate_per_minute"}
//        send mail: freezes the list and queues the "mail.appeal" job (202)
//   GET  /api/v1/appeals/{id}/email-sends                                   send mail
//   GET  /api/v1/appeal-sends/{id}             a send and its recipients by state (send mail)
//   GET  /api/v1/appeal-sends/{id}/recipients?state=&after=&limit=  recipients in cursor pages:
//        name, state and reply; restricted donors left out without the grant (send mail)
//   POST /api/v1/appeal-sends/{id}/cancel      cancel a send still sending: the recipients not
//        yet sent become "cancelled"; answers the send as GET does (send mail; 409 when finished)
//   GET  /api/v1/appeals/{id}/email-results    sent, responders, response rate (read donors)
// See docs/mail.md ("Appeals") and docs/decisions/0162-email-appeals-and-unsubscribe.md.
#include "engine/appeal_cancel.hpp"
#include "engine/appeal_sender.hpp"
#include "engine/mail_starter_templates.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/mail_routes.hpp"
#include "http/json_body.hpp"
#include "store/appeal_email_results.hpp"
#include "store/appeal_send_recipient_pages.hpp"
#include "store/appeal_send_repository.hpp"
#include "store/campaign_repository.hpp"

namespace steward::http {
namespace {

using nlohmann::json;

const json kAppealString = {{"type", "string"}};
const json kAppealInteger = {{"type", "integer"}};
const json kObject = {{"type", "object"}};

json send_record_json(const store::appeal_sends::SendRecord& s) {
  json j = {{"id", s.id},
            {"appeal_id", s.appeal_id},
            {"segment_id", s.segment_id},
            {"template_name", s.template_name},
            {"mailer", s.mailer},
            {"rate_per_minute", s.rate_per_minute},
            {"status", s.status},
            {"recipients", s.recipient_count},
            {"excluded", json::parse(s.exclusions, nullptr, false)},
            {"created_by", s.created_by},
            {"created_at", s.created_at}};
  j["job_id"] = s.job_id ? json(*s.job_id) : json(nullptr);
  j["finished_at"] = s.finished_at ? json(*s.finished_at) : json(nullptr);
  return j;
}

Response appeal_preview(Call& call, engine::appeals::AudienceRequest req) {
  auto installed = call.db.write(
      call.actor, [](store::Unit& u) { return engine::install_starter_templates(u); });
  if (!installed) return Response::from_status(installed.status());
  auto au = call.db.read([&](store::Unit& u) { return engine::appeals::appeal_audience(u, req); });
  if (!au) return Response::from_status(au.status());
  return Response::json(200, au->to_json());
}

Response preview_get(Call& call) {
  auto id = path_id(call.request);
  if (!id) return Response::problem(404, "not-found", "no such appeal");
  engine::appeals::AudienceRequest req;
  req.appeal_id = *id;
  auto segment = call.request.query_param("segment_id");
  if (!segment || segment->empty() ||
      segment->find_first_not_of("0123456789") != std::string::npos || segment->size() > 18) {
    return Response::from_status(
        Status::invalid_field("segment_id", "required: the segment's id (?segment_id=N)"));
  }
  req.segment_id = std::stoll(*segment);
  if (auto t = call.request.query_param("template_name")) req.template_name = *t;
  return appeal_preview(call, req);
}

Response preview_post(Call& call) {
  auto id = path_id(call.request);
  if (!id) return Response::problem(404, "not-found", "no such appeal");
  json body;
  if (auto bad = parse_json_body(call.request, body)) return *bad;
  JsonReader in(body);
  auto segment = in.integer("segment_id", true);
  auto tmpl = in.text("template_name", false);
  if (Status s = in.finish(); !s) return Response::from_status(s);
  return appeal_preview(call, {*id, *segment, tmpl.value_or("appeal")});
}

Response start_send(Call& call) {
  auto id = path_id(call.request);
  if (!id) return Response::problem(404, "not-found", "no such appeal");
  json body;
  if (auto bad = parse_json_body(call.request, body)) return *bad;
  JsonReader in(body);
  auto segment = in.integer("segment_id", true);
  auto tmpl = in.text("template_name", false);
  auto rate = in.integer("rate_per_minute", false);
  if (Status s = in.finish(); !s) return Response::from_status(s);
  if (rate && (*rate < 1 || *rate > 6000)) {
    return Response::from_status(
        Status::invalid_field("rate_per_minute", "must be between 1 and 6000 messages a minute"));
  }
  auto installed = call.db.write(
      call.actor, [](store::Unit& u) { return engine::install_starter_templates(u); });
  if (!installed) return Response::from_status(installed.status());
  auto started = call.db.write(call.actor, [&](store::Unit& u) -> Result<json> {
    engine::appeals::StartRequest req;
    req.audience = {*id, *segment, tmpl.value_or("appeal")};
    auto mailer = choose_mailer(u);
    if (!mailer) return mailer.status();
    req.mailer = *mailer;
    if (rate) req.rate_per_minute = static_cast<int>(*rate);
    auto s = engine::appeals::start_appeal_send(u, req);
    if (!s) return s.status();
    auto send = store::appeal_sends::get(u, s->send_id);
    if (!send) return send.status();
    json j = send_record_json(*send);
    j["audience"] = s->audience.to_json();
    return j;
  });
  if (!started) return Response::from_status(started.status());
  return Response::json(202, *started)
      .set("Location", "/api/v1/appeal-sends/" + std::to_string((*started)["id"].get<long long>()));
}

Response list_sends(Call& call) {
  auto id = path_id(call.request);
  if (!id) return Response::problem(404, "not-found", "no such appeal");
  auto sends = call.db.read([&](store::Unit& u) -> Result<json> {
    auto appeal = store::campaigns::get_appeal(u, *id);
    if (!appeal) return appeal.status();
    auto list = store::appeal_sends::for_appeal(u, *id);
    if (!list) return list.status();
    json items = json::array();
    for (const auto& s : *list) items.push_back(send_record_json(s));
    return items;
  });
  if (!sends) return Response::from_status(sends.status());
  return Response::json(200, {{"items", *sends}});
}

// A send as GET /api/v1/appeal-sends/{id} (and the cancel) answers it: the send and its
// recipients counted by state.
Result<json> send_with_states(store::Unit& u, long long id) {
  auto send = store::appeal_sends::get(u, id);
  if (!send) return send.status();
  auto counts = store::appeal_sends::state_counts(u, id);
  if (!counts) return counts.status();
  json j = send_record_json(*send);
  j["states"] = *counts;
  // Counted apart from the others (a cancelled recipient was never sent and is not "left").
  j["cancelled"] = counts->count("cancelled") > 0 ? counts->at("cancelled") : 0;
  return j;
}

Response get_send(Call& call) {
  auto id = path_id(call.request);
  if (!id) return Response::problem(404, "not-found", "no such appeal send");
  auto out = call.db.read([&](store::Unit& u) { return send_with_states(u, *id); });
  if (!out) return Response::from_status(out.status());
  return Response::json(200, *out);
}

Response cancel_send(Call& call) {
  auto id = path_id(call.request);
  if (!id) return Response::problem(404, "not-found", "no such appeal send");
  auto out = call.db.write(call.actor, [&](store::Unit& u) -> Result<json> {
    auto cancelled = engine::appeals::cancel_appeal_send(u, *id);
    if (!cancelled) return cancelled.status();
    return send_with_states(u, *id);
  });
  if (!out) return Response::from_status(out.status());
  return Response::json(200, *out);
}

Response send_recipients(Call& call) {
  auto id = path_id(call.request);
  if (!id) return Response::problem(404, "not-found", "no such appeal send");
  auto page = page_request(call.request);
  if (!page) return Response::from_status(page.status());
  store::appeal_sends::RecipientPageRequest req;
  req.send_id = *id;
  req.state = call.request.query_param("state").value_or("");
  req.include_restricted = call.sees_restricted();
  req.page = page.value();
  auto out =
      call.db.read([&](store::Unit& u) { return store::appeal_sends::recipient_page(u, req); });
  if (!out) return Response::from_status(out.status());
  json items = json::array();
  for (const auto& r : out->page.items) {
    items.push_back({{"id", r.id},
                     {"constituent_id", r.constituent_id},
                     {"display_name", r.display_name},
                     {"sort_name", r.sort_name},
                     {"address", r.address},
                     {"state", r.state},
                     {"attempts", r.attempts},
                     {"reply", r.reply ? json(*r.reply) : json(nullptr)}});
  }
  json body = page_json(items, out->page.next_after_id);
  body["hidden"] = out->hidden;
  body["hidden_by_state"] = out->hidden_by_state;
  return Response::json(200, body);
}

Response results(Call& call) {
  auto id = path_id(call.request);
  if (!id) return Response::problem(404, "not-found", "no such appeal");
  auto r = call.db.read([&](store::Unit& u) {
    return store::appeal_sends::email_results(u, *id, call.sees_restricted());
  });
  if (!r) return Response::from_status(r.status());
  return Response::json(200, {{"appeal_id", r->appeal_id},
                              {"sends", r->sends},
                              {"recipients", r->recipients},
                              {"sent", r->sent},
                              {"rejected", r->rejected},
                              {"deferred", r->deferred},
                              {"skipped", r->skipped},
                              {"unknown", r->unknown},
                              {"queued", r->queued},
                              {"cancelled", r->cancelled},
                              {"responders", r->responders},
                              {"response_rate", r->response_rate()},
                              {"response_gifts", r->response_gifts},
                              {"response_raised_minor", r->response_raised_minor},
                              {"appeal_gifts", r->appeal_gifts},
                              {"appeal_donors", r->appeal_donors},
                              {"appeal_raised_minor", r->appeal_raised_minor}});
}

}  // namespace

void add_appeal_mail_routes(Api& api) {
  auto& r = api.router();
  const json preview_request = {
      {"type", "object"},
      {"additionalProperties", false},
      {"required", {"segment_id"}},
      {"properties", {{"segment_id", kAppealInteger}, {"template_name", kAppealString}}}};
  r.add({"GET",
         "/api/v1/appeals/{id}/email-preview",
         Access::kPermission,
         auth::Permission::kSendMail,
         "How many an email appeal to a segment would reach, each exclusion counted",
         preview_get,
         {{"parameters", json::array({{{"name", "segment_id"},
                                       {"in", "query"},
                                       {"required", true},
                                       {"schema", kAppealInteger}},
                                      {{"name", "template_name"},
                                       {"in", "query"},
                                       {"required", false},
                                       {"schema", kAppealString}}})},
          {"response", kObject}}});
  r.add({"POST",
         "/api/v1/appeals/{id}/email-preview",
         Access::kPermission,
         auth::Permission::kSendMail,
         "How many an email appeal to a segment would reach, each exclusion counted",
         preview_post,
         {{"request", preview_request}, {"response", kObject}, {"status", 200}}});
  r.add({"POST",
         "/api/v1/appeals/{id}/email-sends",
         Access::kPermission,
         auth::Permission::kSendMail,
         "Send an email appeal to a segment: freezes the recipients and queues the mail.appeal "
         "job",
         start_send,
         {{"request",
           {{"type", "object"},
            {"additionalProperties", false},
            {"required", {"segment_id"}},
            {"properties",
             {{"segment_id", kAppealInteger},
              {"template_name", kAppealString},
              {"rate_per_minute", kAppealInteger}}}}},
          {"response", kObject},
          {"status", 202}}});
  r.add({"GET",
         "/api/v1/appeals/{id}/email-sends",
         Access::kPermission,
         auth::Permission::kSendMail,
         "The email sends of an appeal, newest first",
         list_sends,
         {{"response", kObject}}});
  r.add({"GET",
         "/api/v1/appeal-sends/{id}",
         Access::kPermission,
         auth::Permission::kSendMail,
         "An appeal send and how many recipients are in each state",
         get_send,
         {{"response", kObject}}});
  r.add({"POST",
         "/api/v1/appeal-sends/{id}/cancel",
         Access::kPermission,
         auth::Permission::kSendMail,
         "Cancel an appeal send that is still sending: recipients not yet sent become "
         "cancelled, those sent stay sent; the send as GET returns it (409 when finished)",
         cancel_send,
         {{"request",
           {{"type", "object"},
            {"additionalProperties", false},
            {"properties", json::object()},
            {"description", "no body needed (an empty body or {})"}}},
          {"response", kObject},
          {"status", 200}}});
  r.add(
      {"GET",
       "/api/v1/appeal-sends/{id}/recipients",
       Access::kPermission,
       auth::Permission::kSendMail,
       "The recipients of an appeal send in cursor pages by id (?after=&limit=), optionally "
       "one state (?state=queued|sending|sent|rejected|deferred|skipped|cancelled|failed): "
       "name, address, state, attempts, the server's reply; restricted donors left out "
       "without the grant (counted in hidden, and per state in hidden_by_state)",
       send_recipients,
       {{"parameters",
         json::array(
             {{{"name", "state"}, {"in", "query"}, {"required", false}, {"schema", kAppealString}},
              {{"name", "after"}, {"in", "query"}, {"required", false}, {"schema", kAppealInteger}},
              {{"name", "limit"},
               {"in", "query"},
               {"required", false},
               {"schema", kAppealInteger}}})},
        {"response", kObject}}});
  r.add({"GET",
         "/api/v1/appeals/{id}/email-results",
         Access::kPermission,
         auth::Permission::kReadDonors,
         "What an email appeal achieved: sent, responders, response rate, raised",
         results,
         {{"response", kObject}}});
}

}  // namespace steward::http
