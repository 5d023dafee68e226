// Thank-you and statement runs (engine/mail_run.hpp), registered by add_mail_send_routes:
//   POST /api/v1/mail/thank and /api/v1/mail/statements with "send": true start a run (202 with
//        the run and Location; mail_send_handlers.cpp hands them here)
//   GET  /api/v1/mail/runs                 send mail: recent runs, newest first
//   GET  /api/v1/mail/runs/{id}            send mail: a run, its progress and what it did
//   POST /api/v1/mail/runs/{id}/cancel     send mail: stop a queued or running run
#include "engine/mail_run.hpp"
#include "http/handlers/common.hpp"
#include "http/handlers/mail_routes.hpp"

namespace steward::http {
namespace {

using nlohmann::json;

std::string url_of(const json& path) {
  if (!path.is_string() || path.get<std::string>().empty()) return "";
  return "/api/v1/mail/documents/" +
         std::filesystem::path(path.get<std::string>()).filename().string();
}

// A path, or a list of paths, as download URLs.
json urls_of(const json& value) {
  if (!value.is_array()) return url_of(value);
  json out = json::array();
  for (const auto& path : value) out.push_back(url_of(path));
  return out;
}

// File paths become download URLs; the server's folders are not shown.
json for_api(json run) {
  for (const char* name : {"letters_pdf", "tribute_letters_pdf", "print_pdf", "letters_pdfs",
                           "tribute_letters_pdfs"}) {
    if (run.contains(name)) run[name] = urls_of(run[name]);
  }
  if (run.contains("documents") && run["documents"].is_object()) {
    for (auto& [name, value] : run["documents"].items()) value = urls_of(value);
  }
  if (run.contains("statements")) {
    for (auto& s : run["statements"]) s["pdf"] = url_of(s.value("pdf", json()));
  }
  if (run.contains("options") && run["options"].contains("request")) {
    run["options"]["request"].erase("dir");
  }
  return run;
}

std::string location(long long id) { return "/api/v1/mail/runs/" + std::to_string(id); }

template <typename Start>
Response start_run(Call& call, Start start) {
  auto out = call.db.write(call.actor, [&](store::Unit& u) -> Result<json> {
    auto started = start(u);
    if (!started) return started.status();
    auto j = engine::mail_runs::run_json(u, started->run_id);
    if (!j) return j.status();
    (*j)["existing"] = started->existing;
    return j;
  });
  if (!out) return Response::from_status(out.status());
  json body = std::move(*out);
  const long long id = body["id"].get<long long>();
  return Response::json(202, for_api(std::move(body))).set("Location", location(id));
}

Response get_run(Call& call) {
  auto id = path_id(call.request);
  if (!id) return Response::problem(404, "not-found", "no such mail run");
  auto out = call.db.read([&](store::Unit& u) { return engine::mail_runs::run_json(u, *id); });
  if (!out) return Response::from_status(out.status());
  return Response::json(200, for_api(std::move(*out)));
}

Response cancel_run(Call& call) {
  auto id = path_id(call.request);
  if (!id) return Response::problem(404, "not-found", "no such mail run");
  auto out = call.db.write(call.actor, [&](store::Unit& u) -> Result<json> {
    auto cancelled = engine::mail_runs::cancel_mail_run(u, *id);
    if (!cancelled) return cancelled.status();
    return engine::mail_runs::run_json(u, *id);
  });
  if (!out) return Response::from_status(out.status());
  return Response::json(200, for_api(std::move(*out)));
}

Response list_runs(Call& call) {
  auto out = call.db.read([&](store::Unit& u) -> Result<json> {
    auto runs = store::mail_runs::recent(u, 50);
    if (!runs) return runs.status();
    json items = json::array();
    for (const auto& r : *runs) {
      auto p = engine::mail_runs::progress(u, r.id);
      if (!p) return p.status();
      json j = store::mail_runs::record_json(r);
      j["id"] = r.id;
      j["created_by"] = r.created_by;
      j["created_at"] = r.created_at;
      if (r.finished_at) j["finished_at"] = *r.finished_at;
      j["progress"] = {{"total", p->total},     {"done", p->done},       {"emailed", p->emailed},
                       {"printed", p->printed}, {"skipped", p->skipped}, {"failed", p->failed}};
      items.push_back(for_api(std::move(j)));
    }
    return items;
  });
  if (!out) return Response::from_status(out.status());
  return Response::json(200, {{"items", *out}});
}

}  // namespace

Response start_thank_run(Call& call, const engine::mail_runs::ThankRequest& request) {
  return start_run(call,
                   [&](store::Unit& u) { return engine::mail_runs::start_thank_run(u, request); });
}

Response start_statement_run(Call& call, const engine::mail_runs::StatementRequest& request) {
  return start_run(
      call, [&](store::Unit& u) { return engine::mail_runs::start_statement_run(u, request); });
}

void add_mail_run_routes(Api& api) {
  auto& r = api.router();
  const json object = {{"type", "object"}};
  r.add({"GET",
         "/api/v1/mail/runs",
         Access::kPermission,
         auth::Permission::kSendMail,
         "Recent thank-you and statement runs, newest first, with their progress",
         list_runs,
         {{"response", object}}});
  r.add({"GET",
         "/api/v1/mail/runs/{id}",
         Access::kPermission,
         auth::Permission::kSendMail,
         "A thank-you or statement run: status, progress (total, done, emailed, printed, "
         "skipped, failed), what it did, and its PDFs",
         get_run,
         {{"response", object}}});
  r.add({"POST",
         "/api/v1/mail/runs/{id}/cancel",
         Access::kPermission,
         auth::Permission::kSendMail,
         "Cancel a queued or running thank-you or statement run: what was sent stays sent, "
         "nothing more is sent, printed or marked (409 when it has ended)",
         cancel_run,
         {{"request",
           {{"type", "object"},
            {"additionalProperties", false},
            {"properties", json::object()},
            {"description", "no body needed (an empty body or {})"}}},
          {"response", object},
          {"status", 200}}});
}

}  // namespace steward::http
