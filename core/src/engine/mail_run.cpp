#include "engine/mail_run.hpp"

#include "engine/statement_document.hpp"
#include "engine/thank_run_counts.hpp"
#include "store/job_repository.hpp"
#include "store/mail_settings.hpp"
#include "store/settings_repository.hpp"
#include "store/statement_queries.hpp"

namespace steward::engine::mail_runs {
namespace {

using nlohmann::json;

Status field_status(StatusCode code, const std::string& field, const std::string& why) {
  return Status(code, field + ": " + why, {{field, why}});
}

Status check_paper(const std::optional<std::string>& paper) {
  if (!paper) return Status::ok();
  auto parsed = print::parse_paper_size(*paper, "paper");
  return parsed ? Status::ok() : parsed.status();
}

constexpr const char* kNoSender = "is not set: the sender, e.g. \"New Hope <office@example.org>\"";

// Sending email needs a sender. Checked when the run is asked for, so the person who clicked
// sees the 422 at once instead of a run that fails in the background; letters need none.
Status check_sender(store::Unit& unit, bool emails) {
  if (!emails) return Status::ok();
  auto settings = store::mail_settings::get(unit);
  if (!settings) return settings.status();
  if (settings->from.empty()) return Status::invalid_field("mail.from", kNoSender);
  return Status::ok();
}

// Whether any of the donors would get their statement by email (a primary address, not do not
// email); stops at the first.
bool any_emailable(store::Unit& unit, const std::vector<long long>& donors) {
  for (long long id : donors) {
    int n = 0;
    unit.sql() << "SELECT COUNT(*) FROM constituents c JOIN emails e ON e.constituent_id = c.id "
                  "AND e.is_primary = TRUE WHERE c.id = :id AND c.do_not_email = FALSE",
        soci::use(id), soci::into(n);
    if (n > 0) return true;
  }
  return false;
}

// The run of `kind` already going (for statements: of the same year): the same request -> that
// run; another -> kConflict.
Result<std::optional<StartedRun>> already_going(store::Unit& unit, const std::string& kind,
                                                const json& request) {
  auto active = store::mail_runs::active_runs(unit, kind);
  if (!active) return active.status();
  for (const auto& run : *active) {
    json options = json::parse(run.options, nullptr, false);
    json mine =
        options.is_object() && options.contains("request") ? options["request"] : json::object();
    if (kind == "statements" && mine.value("year", 0) != request.value("year", 0)) continue;
    if (mine != request) {
      return field_status(StatusCode::kConflict, "run",
                          kind + " run " + std::to_string(run.id) +
                              " is still going; wait for it to finish or cancel it");
    }
    return std::optional<StartedRun>(StartedRun{run.id, run.job_id.value_or(0), true});
  }
  return std::optional<StartedRun>();
}

// `scope` narrows the one-at-a-time rule: statement runs are one per year ("2026"), so two
// different years can run at once; thank-you runs have none (one at a time).
Result<StartedRun> start(store::Unit& unit, const std::string& kind, const json& options,
                         long long total, const std::string& scope) {
  auto id = store::mail_runs::create(unit, kind, options, total);
  if (!id) return id.status();
  domain::JobInput job;
  job.kind = kMailRunJobKind;
  job.payload = json{{"mail_run_id", *id}}.dump();
  job.unique_key = std::string(kMailRunJobKind) + ":" + kind + (scope.empty() ? "" : ":" + scope);
  job.max_attempts = 10;
  auto queued = store::jobs::enqueue(unit, job);
  if (!queued) return queued.status();
  if (queued->payload != job.payload && queued->status == domain::JobStatus::kQueued) {
    // The key is held by the waiting job of a run that has ended (carried out by the command
    // line, or cancelled): that job has nothing left to do.
    auto holder = run_id_of(*queued);
    auto other = holder ? store::mail_runs::get(unit, *holder)
                        : Result<store::mail_runs::RunRecord>(holder.status());
    if (other && other->status != "queued" && other->status != "running") {
      auto cancelled = store::jobs::cancel(unit, queued->id);
      if (!cancelled) return cancelled.status();
      queued = store::jobs::enqueue(unit, job);
      if (!queued) return queued.status();
    }
  }
  if (queued->payload != job.payload) {
    // Another run's job still holds the key (a race with a second request): refuse.
    return field_status(StatusCode::kConflict, "run", "another " + kind + " run is still going");
  }
  if (auto s = store::mail_runs::set_job(unit, *id, queued->id); !s) return s;
  return StartedRun{*id, queued->id, false};
}

json thank_request_json(const ThankRequest& r) {
  json j = json::object();
  if (r.since) j["since"] = *r.since;
  if (r.gift_id) j["gift_id"] = *r.gift_id;
  if (r.dir) j["dir"] = *r.dir;
  if (r.paper) j["paper"] = *r.paper;
  return j;
}

json statement_request_json(const StatementRequest& r) {
  json j = {{"year", r.year}, {"reissue", r.reissue}};
  if (r.constituent_id) j["constituent_id"] = *r.constituent_id;
  if (r.dir) j["dir"] = *r.dir;
  if (r.paper) j["paper"] = *r.paper;
  return j;
}

// The items of `section` as an array of their bodies, with `pdf` paths kept.
json bodies(const std::vector<store::mail_runs::Item>& items, const std::string& section) {
  json out = json::array();
  for (const auto& i : items) {
    if (i.section == section) out.push_back(i.body);
  }
  return out;
}

std::string run_document(const json& docs, const char* name) {
  return docs.contains(name) && docs[name].is_string() ? docs[name].get<std::string>() : "";
}

}  // namespace

Result<StartedRun> start_thank_run(store::Unit& unit, const ThankRequest& request) {
  if (Status s = check_paper(request.paper); !s) return s;
  const json req = thank_request_json(request);
  auto going = already_going(unit, "thank", req);
  if (!going) return going.status();
  if (*going) return **going;
  // Every due gift and tribute notice, however many: the run goes on until none is left.
  auto counts = count_thank_run(unit, request.since, request.gift_id);
  if (!counts) return counts.status();
  if (Status s = check_sender(unit, counts->any_email()); !s) return s;
  return start(unit, "thank", json{{"request", req}}, counts->total(), "");
}

Result<StartedRun> start_statement_run(store::Unit& unit, const StatementRequest& request) {
  if (request.year < 1900 || request.year > 9999) {
    return Status::invalid_field("year", "must be 1900..9999");
  }
  if (Status s = check_paper(request.paper); !s) return s;
  const json req = statement_request_json(request);
  auto going = already_going(unit, "statements", req);
  if (!going) return going.status();
  if (*going) return **going;
  auto settings = store::mail_settings::get(unit);
  if (!settings) return settings.status();
  auto org = store::settings::get(unit);
  if (!org) return org.status();
  auto period =
      statement_period(request.year, settings->statement_year, org->fiscal_year_start_month);
  auto donors =
      store::statement_queries::donors(unit, period.from, period.to, request.constituent_id);
  if (!donors) return donors.status();
  if (settings->from.empty() && any_emailable(unit, *donors))
    return Status::invalid_field("mail.from", kNoSender);
  json options = {{"request", req}, {"from", period.from}, {"to", period.to}};
  return start(unit, "statements", options, static_cast<long long>(donors->size()),
               std::to_string(request.year));
}

Result<Progress> progress(store::Unit& unit, long long run_id) {
  auto run = store::mail_runs::get(unit, run_id);
  if (!run) return run.status();
  auto counts = store::mail_runs::state_counts(unit, run_id);
  if (!counts) return counts.status();
  Progress p;
  p.total = run->total;
  for (const auto& [state, n] : *counts) {
    p.done += n;
    if (state == "accepted") p.emailed += n;
    if (state == "printed") p.printed += n;
    if (state == "skipped") p.skipped += n;
    if (state == "rejected" || state == "deferred" || state == "not_attempted") p.failed += n;
  }
  // A run that found more to do than it expected (gifts added meanwhile) never shows > 100%.
  if (p.done > p.total) p.total = p.done;
  return p;
}

Result<json> run_json(store::Unit& unit, long long run_id) {
  auto run = store::mail_runs::get(unit, run_id);
  if (!run) return run.status();
  auto p = progress(unit, run_id);
  if (!p) return p.status();
  auto items = store::mail_runs::items(unit, run_id);
  if (!items) return items.status();
  json out = store::mail_runs::record_json(*run);
  out["id"] = run->id;
  out["created_by"] = run->created_by;
  out["created_at"] = run->created_at;
  if (run->finished_at) out["finished_at"] = *run->finished_at;
  out["progress"] = {{"total", p->total},     {"done", p->done},       {"emailed", p->emailed},
                     {"printed", p->printed}, {"skipped", p->skipped}, {"failed", p->failed}};
  const json docs = out["documents"];
  out["send"] = true;
  if (run->kind == "thank") {
    out["messages"] = bodies(*items, "message");
    out["letters"] = bodies(*items, "letter");
    out["letters_pdf"] = run_document(docs, "letters_pdf");
    out["letters_pdfs"] = docs.value("letters_pdfs", json::array());
    out["tribute_notifications"] = bodies(*items, "tribute");
    out["tribute_letters_pdf"] = run_document(docs, "tribute_letters_pdf");
    out["tribute_letters_pdfs"] = docs.value("tribute_letters_pdfs", json::array());
  } else {
    const json& options = out["options"];
    out["year"] = options.value("request", json::object()).value("year", 0);
    out["from"] = options.value("from", "");
    out["to"] = options.value("to", "");
    out["statements"] = bodies(*items, "statement");
    out["print_pdf"] = run_document(docs, "print_pdf");
  }
  return out;
}

Result<store::mail_runs::RunRecord> cancel_mail_run(store::Unit& unit, long long run_id) {
  auto run = store::mail_runs::get(unit, run_id);
  if (!run) return run.status();
  if (run->status != "queued" && run->status != "running") {
    return field_status(StatusCode::kPreconditionFailed, "state",
                        "the run is " + run->status + ": there is nothing left to cancel");
  }
  if (auto s = store::mail_runs::set_status(unit, run_id, "cancelled"); !s) return s;
  if (run->job_id) {
    auto job = store::jobs::get(unit, *run->job_id);
    if (!job) return job.status();
    if (job->status == domain::JobStatus::kQueued) {
      auto c = store::jobs::cancel(unit, *run->job_id);
      if (!c) return c.status();
    }
  }
  return store::mail_runs::get(unit, run_id);
}

}  // namespace steward::engine::mail_runs
