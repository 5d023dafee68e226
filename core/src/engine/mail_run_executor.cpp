// run_mail_run and its job (mail_run.hpp).
#include <filesystem>
#include <set>

#include <spdlog/spdlog.h>

#include "engine/mail_run.hpp"
#include "engine/mail_run_items.hpp"
#include "print/private_file.hpp"
#include "store/job_repository.hpp"

namespace steward::engine::mail_runs {
namespace {

using nlohmann::json;
namespace runs = store::mail_runs;

const store::Actor& run_actor() {
  static const store::Actor actor{"system:mail.run", ""};
  return actor;
}

std::set<long long> key_set(store::Database& db, long long run_id, const std::string& section) {
  auto keys = db.read([&](store::Unit& u) { return runs::keys(u, run_id, section); });
  if (!keys) return {};
  return {keys->begin(), keys->end()};
}

std::optional<print::PaperSize> paper_of(const json& request) {
  if (!request.contains("paper") || !request["paper"].is_string()) return std::nullopt;
  auto parsed = print::parse_paper_size(request["paper"].get<std::string>(), "paper");
  if (!parsed) return std::nullopt;
  return *parsed;
}

std::optional<std::string> text_of(const json& request, const char* name) {
  if (!request.contains(name) || !request[name].is_string()) return std::nullopt;
  return request[name].get<std::string>();
}

std::filesystem::path letters_dir_of(const json& request) {
  return text_of(request, "dir").value_or("var/letters");
}

std::optional<long long> integer_of(const json& request, const char* name) {
  if (!request.contains(name) || !request[name].is_number_integer()) return std::nullopt;
  return request[name].get<long long>();
}

// The checks made before each email: cancelled, out of time, told to stop.
struct Stopper {
  store::Database& db;
  long long run_id;
  const RunOptions& options;
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
  bool cancelled = false;
  bool out_of_time = false;

  bool operator()() {
    auto run = db.read([&](store::Unit& u) { return runs::get(u, run_id); });
    if (run && run->status == "cancelled") cancelled = true;
    if (std::chrono::steady_clock::now() - started >= options.budget) out_of_time = true;
    if (options.stop_requested && options.stop_requested()) out_of_time = true;
    return cancelled || out_of_time;
  }
};

Status put(store::Unit& u, long long run_id, const runs::Item& item, const RunOptions& options) {
  if (Status s = runs::put_item(u, run_id, item, false); !s) return s;
  if (options.on_item) options.on_item();
  return Status::ok();
}

// The steps act as the person who started the run (the audit trail says who).
store::Actor starter(const runs::RunRecord& run) { return store::Actor{run.created_by, ""}; }

// Records a letters PDF: `key` names the first, `key`s lists them all (a run of more than one
// page prints one per page).
Status add_pdf(store::Unit& u, long long run_id, const std::string& key,
               const std::filesystem::path& path) {
  if (path.empty()) return Status::ok();
  auto run = runs::get(u, run_id);
  if (!run) return run.status();
  json docs = json::parse(run->documents, nullptr, false);
  if (!docs.is_object()) docs = json::object();
  json all =
      docs.contains(key + "s") && docs[key + "s"].is_array() ? docs[key + "s"] : json::array();
  all.push_back(path.string());
  json add = {{key + "s", all}};
  if (!docs.contains(key)) add[key] = path.string();
  return runs::add_documents(u, run_id, add);
}

// Tribute notices, page after page until none is due. False: stopped.
Result<bool> run_tributes(store::Database& db, const runs::RunRecord& run, const json& request,
                          const RunOptions& options, Stopper& stopper) {
  const long long id = run.id;
  TributeNoticeOptions t;
  t.since = text_of(request, "since");
  t.gift_id = integer_of(request, "gift_id");
  t.limit = options.tribute_batch;
  t.send = true;
  t.mailer_id = options.mailer_id;
  t.dir = letters_dir_of(request);
  t.paper = paper_of(request);
  t.exclude_gifts = key_set(db, id, "tribute");
  t.stop_requested = [&stopper] { return stopper(); };
  t.on_outcome = [&](store::Unit& u, const TributeNoticeOutcome& o) {
    return put(u, id, tribute_item(o), options);
  };
  t.on_printed = [&](store::Unit& u, const TributeNoticeRun& part) -> Status {
    for (const auto& o : part.outcomes) {
      if (Status s = put(u, id, tribute_item(o), options); !s) return s;
    }
    return add_pdf(u, id, "tribute_letters_pdf", part.path);
  };
  for (;;) {
    auto page = send_tribute_notices(db, starter(run), t, options.deliver);
    if (!page) return page.status();
    if (page->stopped) return false;
    if (!page->next) return true;
    t.after = *page->next;
  }
}

Result<bool> run_thank(store::Database& db, const runs::RunRecord& run, const json& request,
                       const RunOptions& options, Stopper& stopper) {
  const store::Actor actor = starter(run);
  const long long id = run.id;
  // A letters PDF a killed attempt left under its temporary name was never committed: its
  // letters are still due and are printed again below (decision 0220).
  const int abandoned = print::remove_abandoned_files(letters_dir_of(request), "letters-");
  if (abandoned > 0) {
    spdlog::info("mail.run: run {}: removed {} unfinished letters PDF(s)", id, abandoned);
  }
  auto tributes = run_tributes(db, run, request, options, stopper);
  if (!tributes || !*tributes) return tributes;

  ThankYouOptions m;
  m.rule.since = text_of(request, "since");
  m.rule.gift_id = integer_of(request, "gift_id");
  m.rule.limit = options.gift_batch;
  m.send = true;
  m.mailer_id = options.mailer_id;
  m.exclude_gifts = key_set(db, id, "message");
  m.stop_requested = [&stopper] { return stopper(); };
  m.on_outcome = [&](store::Unit& u, const ThankYouOutcome& o) {
    return put(u, id, message_item(o), options);
  };
  for (;;) {
    auto report = send_thank_yous(db, actor, m, options.deliver);
    if (!report) return report.status();
    if (report->stopped) return false;
    if (!report->next) break;
    m.rule.after = *report->next;
  }
  if (stopper()) return false;  // cancelled after the last email: no letters

  LetterOptions l;
  l.rule = m.rule;
  l.rule.after = {};
  l.send = true;
  l.dir = letters_dir_of(request);
  l.paper = paper_of(request);
  l.exclude_gifts = key_set(db, id, "letter");
  l.on_printed = [&](store::Unit& u, const LetterRun& part) -> Status {
    for (const auto& o : part.outcomes) {
      if (Status s = put(u, id, letter_item(o), options); !s) return s;
    }
    return add_pdf(u, id, "letters_pdf", part.path);
  };
  for (;;) {
    auto letters = print_thank_you_letters(db, actor, l);
    if (!letters) return letters.status();
    if (!letters->next) return true;
    if (stopper()) return false;
    l.rule.after = *letters->next;
  }
}

Result<bool> run_statements(store::Database& db, const runs::RunRecord& run, const json& request,
                            const RunOptions& options, Stopper& stopper) {
  const store::Actor actor = starter(run);
  const long long id = run.id;
  StatementOptions s;
  s.year = static_cast<int>(integer_of(request, "year").value_or(0));
  s.send = true;
  s.constituent_id = integer_of(request, "constituent_id");
  s.reissue = request.value("reissue", false);
  s.dir = text_of(request, "dir").value_or("var/statements");
  // A statement PDF a killed attempt left under its temporary name: its receipt never committed.
  print::remove_abandoned_files(s.dir, "statement-");
  s.paper = paper_of(request);
  s.mailer_id = options.mailer_id;
  s.exclude_constituents = key_set(db, id, "statement");
  s.stop_requested = [&stopper] { return stopper(); };
  s.on_outcome = [&](store::Unit& u, const StatementOutcome& o) {
    return put(u, id, statement_item(o), options);
  };
  s.combined_print = false;
  auto issued = issue_statements(db, actor, s, options.deliver);
  if (!issued) return issued.status();
  if (issued->stopped) return false;
  if (stopper()) return false;
  // The print PDF holds every statement this run printed, in every attempt.
  auto items = db.read([&](store::Unit& u) { return runs::items(u, id); });
  if (!items) return items.status();
  std::vector<long long> printed;
  for (const auto& i : *items) {
    if (i.section == "statement" && i.state == "printed") printed.push_back(i.key);
  }
  auto path = print_issued_statements(db, s.year, printed, s.dir, s.paper);
  if (!path) return path.status();
  Status noted = db.write(run_actor(), [&](store::Unit& u) {
    return runs::add_documents(u, id, {{"print_pdf", path->string()}});
  });
  if (!noted) return noted;
  return true;
}

}  // namespace

Result<RunResult> run_mail_run(store::Database& db, long long run_id, const RunOptions& options) {
  RunResult result;
  auto run = db.write(run_actor(), [&](store::Unit& u) -> Result<runs::RunRecord> {
    auto r = runs::get(u, run_id);
    if (!r) return r.status();
    if (r->status == "queued") {
      if (auto s = runs::set_status(u, run_id, "running"); !s) return s;
    }
    return r;
  });
  if (!run) return run.status();
  if (run->status != "queued" && run->status != "running") {
    result.finished = run->status == "finished";
    result.cancelled = run->status == "cancelled";
    result.failed = run->status == "failed";
    return result;
  }
  json options_json = json::parse(run->options, nullptr, false);
  json request =
      options_json.is_object() ? options_json.value("request", json::object()) : json::object();
  Stopper stopper{db, run_id, options};
  auto done = run->kind == "thank" ? run_thank(db, *run, request, options, stopper)
                                   : run_statements(db, *run, request, options, stopper);
  if (!done) {
    if (done.status().code() != StatusCode::kInvalid) return done.status();
    // A setting the run needs (mail.from, ...) is missing: it cannot go on by itself.
    Status failed = db.write(run_actor(), [&](store::Unit& u) {
      return runs::set_status(u, run_id, "failed", done.status().message());
    });
    if (!failed && failed.code() != StatusCode::kPreconditionFailed) return failed;
    result.failed = true;
    return result;
  }
  if (!*done) {
    result.cancelled = stopper.cancelled;
    result.out_of_time = !stopper.cancelled;
    return result;
  }
  Status finished = db.write(
      run_actor(), [&](store::Unit& u) { return runs::set_status(u, run_id, "finished"); });
  if (!finished) {
    if (finished.code() != StatusCode::kPreconditionFailed) return finished;
    result.cancelled = true;  // cancelled while the letters were printed
    return result;
  }
  result.finished = true;
  return result;
}

Result<long long> run_id_of(const domain::Job& job) {
  auto payload = json::parse(job.payload, nullptr, false);
  if (!payload.is_object() || !payload.contains("mail_run_id") ||
      !payload["mail_run_id"].is_number_integer()) {
    return Status::invalid_field("payload.mail_run_id", "required: the mail run to carry out");
  }
  return payload["mail_run_id"].get<long long>();
}

Status run_mail_run_job(store::Database& db, const domain::Job& job, const RunOptions& options) {
  auto run_id = run_id_of(job);
  if (!run_id) return run_id.status();
  auto result = run_mail_run(db, *run_id, options);
  if (!result) return result.status();
  spdlog::info("mail.run: run {}: finished {}, cancelled {}, out of time {}, failed {}", *run_id,
               result->finished, result->cancelled, result->out_of_time, result->failed);
  if (!result->out_of_time) return Status::ok();
  // Continue in a fresh job (this one still holds the unique key while it runs).
  domain::JobInput next;
  next.kind = kMailRunJobKind;
  next.payload = job.payload;
  next.max_attempts = job.max_attempts;
  auto queued = db.write(run_actor(), [&](store::Unit& u) -> Result<long long> {
    auto j = store::jobs::enqueue(u, next);
    if (!j) return j.status();
    if (auto s = runs::set_job(u, *run_id, j->id); !s) return s;
    return j->id;
  });
  return queued ? Status::ok() : queued.status();
}

}  // namespace steward::engine::mail_runs
