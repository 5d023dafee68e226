// Thank-you runs and year-end statement runs as background jobs (decision 0211).
//
// start_thank_run / start_statement_run (one write unit): record the run (mail_runs, status
// queued, with how many items it expects) and queue one "mail.run" job {"mail_run_id": N} with
// the unique key "mail.run:<kind>" so a double click does not start a second run: while a run of
// the kind is queued or running, starting one with the same options answers that run
// (existing = true), with other options kConflict naming "run".
//
// run_mail_run (the job): the existing steps (tribute notices, thank-you emails, letters; or
// statements), each recording every outcome as an item of the run (mail_run_items) in the unit
// that makes it durable. A resumed run (after a crash, an expired lease, or a continuation)
// leaves the items it has alone, so nothing is sent, printed or marked twice and no item is
// counted twice; the steps' own claims keep two workers apart. Cancel (cancel_mail_run) and the
// time budget are checked before each email; the letters and the combined statements PDF are
// made only once every email is done.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "domain/job.hpp"
#include "engine/thank_you_sender.hpp"  // DeliverFn
#include "print/pdf_document.hpp"
#include "store/database.hpp"
#include "store/mail_run_repository.hpp"

namespace steward::engine::mail_runs {

inline constexpr const char* kMailRunJobKind = "mail.run";

struct ThankRequest {
  std::optional<std::string> since;  // gifts received on or after (YYYY-MM-DD)
  std::optional<long long> gift_id;
  std::optional<std::string> dir;    // where letters go (default var/letters)
  std::optional<std::string> paper;  // letter | a4 (default mail.paper_size)
};

struct StatementRequest {
  int year = 0;
  std::optional<long long> constituent_id;
  bool reissue = false;
  std::optional<std::string> dir;  // default var/statements
  std::optional<std::string> paper;
};

struct StartedRun {
  long long run_id = 0;
  long long job_id = 0;
  bool existing = false;  // a run with the same options was already going: this is it
};

// Errors (nothing written): kInvalid naming "since", "year", "paper", or "mail.from" when the
// run would email someone and no sender is set; kConflict naming "run"
// when another run of the kind is queued or running with other options.
Result<StartedRun> start_thank_run(store::Unit& unit, const ThankRequest& request);
Result<StartedRun> start_statement_run(store::Unit& unit, const StatementRequest& request);

struct Progress {
  long long total = 0;    // items expected when the run started
  long long done = 0;     // items recorded
  long long emailed = 0;  // accepted by the mail server
  long long printed = 0;  // letters and statements in a print PDF
  long long skipped = 0;
  long long failed = 0;  // rejected, deferred, not attempted
};
Result<Progress> progress(store::Unit& unit, long long run_id);

// The run as the API answers it: id, kind, status, options, progress, documents, error, and
// the answer fields of the old synchronous routes (thank: send, messages, letters, letters_pdf,
// tribute_notifications, tribute_letters_pdf, and letters_pdfs / tribute_letters_pdfs when a
// run over more than one page printed several; statements: year, from, to, send, statements,
// print_pdf). PDF fields hold file paths; the HTTP layer turns them into download URLs.
Result<nlohmann::json> run_json(store::Unit& unit, long long run_id);

struct RunOptions {
  DeliverFn deliver;      // opened lazily by the caller; may answer kUnavailable
  std::string mailer_id;  // recorded in the mail log
  // Stop (the rest stays for a continuation) once this much time has passed...
  std::chrono::seconds budget{240};
  // ... or when this says so (checked before each email).
  std::function<bool()> stop_requested;
  // Called after each recorded item (a terminal's progress line).
  std::function<void()> on_item;
  // Page sizes: a thank-you run reads the acknowledgment queue `gift_batch` gifts at a time (one
  // letters PDF per page that has letters) and the tribute notices `tribute_batch` at a time,
  // and goes on page after page until no due gift is left. Tests set them small.
  int gift_batch = 10000;
  int tribute_batch = 500;
};

struct RunResult {
  bool finished = false;
  bool cancelled = false;
  bool out_of_time = false;  // budget or stop_requested: continue later
  bool failed = false;       // the run cannot go on (its error is recorded)
};

// Errors: kNotFound; store errors and kUnavailable (a PDF cannot be written) for the job to
// retry. A finished, cancelled or failed run does nothing.
Result<RunResult> run_mail_run(store::Database& db, long long run_id, const RunOptions& options);

// The job body: payload {"mail_run_id": N}. Out of time -> a continuation job is queued.
Status run_mail_run_job(store::Database& db, const domain::Job& job, const RunOptions& options);
Result<long long> run_id_of(const domain::Job& job);

// Cancels a queued or running run: status cancelled, its queued job cancelled; a running worker
// stops before its next email (what it sent stays sent, nothing more is printed or marked).
// Errors: kNotFound; kPreconditionFailed naming "state" when it has ended.
Result<store::mail_runs::RunRecord> cancel_mail_run(store::Unit& unit, long long run_id);

}  // namespace steward::engine::mail_runs
