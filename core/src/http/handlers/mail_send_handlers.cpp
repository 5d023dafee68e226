// Mail sending routes (registered by add_mail_routes, mail_handlers.cpp):
//   GET  /api/v1/mail/ack-queue                          send mail: ?since=YYYY-MM-DD&overdue=true
//   POST /api/v1/mail/thank                              send mail: {"send": false} is a dry run
//   POST /api/v1/mail/statements                         send mail: {"year": 2026, "send": ...}
//   GET  /api/v1/mail/statements/{constituent_id}/{year} send mail: the statement PDF (preview)
//   GET  /api/v1/mail/documents/{file}                   send mail: a generated PDF (letters,
//                                                        statements), as an attachment
// A dry run ("send": false) runs in the request and writes nothing; sending starts a mail run,
// a background job (mail_run_handlers.cpp, decision 0211). The mailer is the plugin named by
// mail.mailer, else the only enabled mailer.
#include <fstream>
#include <regex>
#include <sstream>

#include "engine/ack_queue.hpp"
#include "engine/mail_run_items.hpp"
#include "engine/mailer_choice.hpp"
#include "engine/thank_dry_run.hpp"
#include "engine/thank_you_letters.hpp"
#include "engine/thank_you_sender.hpp"
#include "engine/tribute_notices.hpp"
#include "engine/year_end_statements.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/mail_routes.hpp"
#include "http/json_body.hpp"
#include "plugins/plugin_service.hpp"
#include "store/mail_settings.hpp"
#include "store/plugin_repository.hpp"

namespace steward::http {
namespace {

using nlohmann::json;

const json kSendString = {{"type", "string"}};
const json kSendInteger = {{"type", "integer"}};
const json kSendBool = {{"type", "boolean"}};
// A dry run renders at most this many items per list (default 20); its counts cover everything.
const json kSampleLimit = {{"type", "integer"}, {"minimum", 1}, {"maximum", 500}};
const json kPdfAnswer = {{"response", {{"type", "string"}, {"format", "binary"}}},
                         {"response_content_type", "application/pdf"},
                         {"status", 200}};

}  // namespace

Result<std::string> choose_mailer(store::Unit& unit) { return engine::choose_mailer_id(unit); }

namespace {

// The queue (at most 500 gifts, most overdue first) and its counts over every gift it holds.
Response ack_queue(Call& call) {
  engine::AckRule rule;
  if (auto since = call.request.query_param("since")) rule.since = *since;
  if (auto overdue = call.request.query_param("overdue")) {
    if (*overdue != "true" && *overdue != "false") {
      return Response::from_status(Status::invalid_field("overdue", "must be true or false"));
    }
    rule.overdue_only = *overdue == "true";
  }
  // Restricted donors' gifts are listed and counted only for users granted them (decision
  // 0220); the runs still thank them.
  rule.include_restricted = call.sees_restricted();
  auto queue = call.db.read([&](store::Unit& u) { return engine::ack_queue_answer(u, rule); });
  if (!queue) return Response::from_status(queue.status());
  return Response::json(200, queue->to_json());
}

// The sample size asked for; out of range -> 0, which the engine refuses naming the field.
int sample_limit_of(const std::optional<long long>& asked) {
  if (!asked) return engine::kDefaultSampleLimit;
  return *asked < 1 || *asked > 500 ? 0 : static_cast<int>(*asked);
}

Response thank(Call& call) {
  json body;
  if (auto bad = parse_json_body(call.request, body)) return *bad;
  JsonReader in(body);
  auto send = in.boolean("send", true);
  auto since = in.text("since", false);
  auto gift = in.integer("gift_id", false);
  auto sample_limit = in.integer("sample_limit", false);
  if (Status s = in.finish(); !s) return Response::from_status(s);
  if (*send) {
    // A background job (decision 0211): 202 with the run to poll.
    engine::mail_runs::ThankRequest request;
    request.since = since;
    request.gift_id = gift;
    return start_thank_run(call, request);
  }
  // A dry run: every due gift counted, a sample rendered (decision 0216).
  engine::ThankDryRunRequest request;
  request.since = since;
  request.gift_id = gift;
  request.sample_limit = sample_limit_of(sample_limit);
  auto dry = engine::thank_dry_run(call.db, call.actor, request);
  if (!dry) return Response::from_status(dry.status());
  json messages = json::array();
  for (const auto& o : dry->messages.outcomes) {
    if (o.channel == "letter") continue;
    messages.push_back(engine::mail_runs::message_item(o).body);  // as a run lists it
  }
  json letter_items = json::array();
  for (const auto& l : dry->letters.outcomes) {
    letter_items.push_back(engine::mail_runs::letter_item(l).body);
  }
  json tribute_items = json::array();
  for (const auto& t : dry->tributes.outcomes) {
    tribute_items.push_back(engine::mail_runs::tribute_item(t).body);
  }
  json out = {{"send", false},
              {"counts", dry->counts.to_json()},
              {"sample_limit", dry->sample_limit},
              {"messages", messages},
              {"letters", letter_items},
              {"letters_pdf", ""},
              {"tribute_notifications", tribute_items},
              {"tribute_letters_pdf", ""}};
  return Response::json(200, out);
}

Response statements(Call& call) {
  json body;
  if (auto bad = parse_json_body(call.request, body)) return *bad;
  JsonReader in(body);
  auto year = in.integer("year", true);
  auto send = in.boolean("send", false);
  auto constituent = in.integer("constituent_id", false);
  auto reissue = in.boolean("reissue", false);
  auto sample_limit = in.integer("sample_limit", false);
  if (Status s = in.finish(); !s) return Response::from_status(s);
  if (send.value_or(false)) {
    engine::mail_runs::StatementRequest request;
    request.year = static_cast<int>(*year);
    request.constituent_id = constituent;
    request.reissue = reissue.value_or(false);
    return start_statement_run(call, request);
  }
  // A dry run: every donor counted, a sample listed (decision 0216).
  engine::StatementOptions options;
  options.year = *year < 1900 || *year > 9999 ? 0 : static_cast<int>(*year);
  options.reissue = reissue.value_or(false);
  options.constituent_id = constituent;
  auto preview =
      engine::preview_statements(call.db, call.actor, options, sample_limit_of(sample_limit));
  if (!preview) return Response::from_status(preview.status());
  json items = json::array();
  for (const auto& o : preview->sample) {
    json item = engine::mail_runs::statement_item(o).body;  // as a run lists it
    item["pdf"] = "";
    items.push_back(std::move(item));
  }
  return Response::json(200, {{"year", preview->period.year},
                              {"from", preview->period.from},
                              {"to", preview->period.to},
                              {"send", false},
                              {"counts", preview->counts.to_json()},
                              {"sample_limit", preview->sample_limit},
                              {"statements", items},
                              {"print_pdf", ""}});
}

Response pdf_response(std::string bytes, const std::string& file_name) {
  Response r;
  r.status = 200;
  r.content_type = "application/pdf";
  r.body = std::move(bytes);
  r.set("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
  r.set("Cache-Control", "no-store");
  return r;
}

Response statement_pdf(Call& call) {
  auto id = path_id(call.request, "constituent_id");
  auto year = path_id(call.request, "year");
  if (!id || !year) return Response::from_status(Status::not_found("no such statement"));
  auto pdf = call.db.read([&](store::Unit& u) {
    return engine::statement_preview_pdf(u, *id, static_cast<int>(*year));
  });
  if (!pdf) return Response::from_status(pdf.status());
  return pdf_response(std::move(*pdf),
                      "statement-" + std::to_string(*year) + "-" + std::to_string(*id) + ".pdf");
}

// Only names Steward generates; never a path.
Response send_document(Call& call) {
  static const std::regex kName("(letters|statement|statements)-[0-9A-Za-z-]{1,80}\\.pdf");
  const std::string name = call.request.path_params.at("file");
  if (!std::regex_match(name, kName)) {
    return Response::from_status(Status::not_found("no such document"));
  }
  std::filesystem::path dir = name.rfind("letters-", 0) == 0 ? kLettersDir : kStatementsDir;
  std::ifstream file(dir / name, std::ios::binary);
  if (!file) return Response::from_status(Status::not_found("no such document"));
  std::ostringstream bytes;
  bytes << file.rdbuf();
  return pdf_response(bytes.str(), name);
}

json outcome_list_schema(const json& item) { return {{"type", "array"}, {"items", item}}; }

}  // namespace

void add_mail_send_routes(Api& api) {
  add_appeal_mail_routes(api);
  add_mail_run_routes(api);
  add_tribute_notice_routes(api);
  add_unsubscribe_routes(api);
  auto& r = api.router();
  r.add({"GET",
         "/api/v1/mail/ack-queue",
         Access::kPermission,
         auth::Permission::kSendMail,
         "Gifts waiting for a thank-you (at most 500, most overdue first), how each donor will be "
         "thanked and by when (due_by, overdue, due_soon), with counts over the whole queue",
         ack_queue,
         {{"parameters", json::array({{{"name", "since"},
                                       {"in", "query"},
                                       {"required", false},
                                       {"schema", {{"type", "string"}, {"format", "date"}}},
                                       {"description", "only gifts received on or after"}},
                                      {{"name", "overdue"},
                                       {"in", "query"},
                                       {"required", false},
                                       {"schema", kSendBool},
                                       {"description", "true: only gifts past their deadline"}}})},
          {"response",
           {{"type", "object"},
            {"properties",
             {{"items", outcome_list_schema({{"type", "object"}})},
              {"counts", {{"type", "object"}}},
              {"thank_within_hours", kSendInteger},
              {"as_of", kSendString}}}}},
          {"status", 200}}});
  r.add({"POST",
         "/api/v1/mail/thank",
         Access::kPermission,
         auth::Permission::kSendMail,
         "Thank the acknowledgment queue: email who can be emailed, print letters (PDF) for the "
         "rest. send false: a dry run, answered here (200); send true: starts a mail run in the "
         "background, 202 with the run and its Location (GET /api/v1/mail/runs/{id})",
         thank,
         {{"request",
           {{"type", "object"},
            {"additionalProperties", false},
            {"required", {"send"}},
            {"properties",
             {{"send", kSendBool},
              {"since", {{"type", "string"}, {"format", "date"}}},
              {"gift_id", kSendInteger},
              {"sample_limit", kSampleLimit}}}}},
          {"response",
           {{"type", "object"},
            {"properties",
             {{"send", kSendBool},
              {"counts", {{"type", "object"}}},
              {"sample_limit", kSendInteger},
              {"messages", outcome_list_schema({{"type", "object"}})},
              {"letters", outcome_list_schema({{"type", "object"}})},
              {"letters_pdf", kSendString},
              {"tribute_notifications", outcome_list_schema({{"type", "object"}})},
              {"tribute_letters_pdf", kSendString}}}}},
          {"status", 200}}});
  r.add({"POST",
         "/api/v1/mail/statements",
         Access::kPermission,
         auth::Permission::kSendMail,
         "Year-end statements and receipts: issue numbers, email the PDF or print it. Without "
         "send, a dry run answered here (200); send true starts a mail run in the background: "
         "202 with the run and its Location",
         statements,
         {{"request",
           {{"type", "object"},
            {"additionalProperties", false},
            {"required", {"year"}},
            {"properties",
             {{"year", kSendInteger},
              {"send", kSendBool},
              {"constituent_id", kSendInteger},
              {"reissue", kSendBool},
              {"sample_limit", kSampleLimit}}}}},
          {"response",
           {{"type", "object"},
            {"properties",
             {{"year", kSendInteger},
              {"from", kSendString},
              {"to", kSendString},
              {"send", kSendBool},
              {"counts", {{"type", "object"}}},
              {"sample_limit", kSendInteger},
              {"statements", outcome_list_schema({{"type", "object"}})},
              {"print_pdf", kSendString}}}}},
          {"status", 200}}});
  r.add({"GET", "/api/v1/mail/statements/{constituent_id}/{year}", Access::kPermission,
         auth::Permission::kSendMail,
         "A donor's statement for a year as PDF (application/pdf, as an attachment); issues "
         "nothing",
         statement_pdf, kPdfAnswer});
  r.add({"GET", "/api/v1/mail/documents/{file}", Access::kPermission, auth::Permission::kSendMail,
         "A generated PDF (letters, statements) as application/pdf, as an attachment",
         send_document, kPdfAnswer});
}

}  // namespace steward::http
