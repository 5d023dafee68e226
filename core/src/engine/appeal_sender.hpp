// Sending an email appeal to a segment as a background job (kind "mail.appeal").
//
// start_appeal_send (one write unit): computes the audience (appeal_audience.hpp), records the
// send, freezes the recipient list (appeal_send_recipients, UNIQUE per donor) and enqueues the
// job {"appeal_send_id": N}. From then on the segment may change; the list does not.
//
// run_appeal_send (the job): for each due recipient, in order, at most rate_per_minute a
// minute:
//   1. one write unit: claim the recipient (queued/deferred -> sending; a second worker gets
//      nothing), check the donor again (unsubscribed, do not email/solicit, restricted, deleted,
//      address changed -> skipped), render the message and log it in mail_messages (sending);
//   2. the mailer delivers it (outside any transaction);
//   3. one write unit: sent / rejected (with the server's reply) / deferred, in both tables.
// A stop between messages (the job's time budget, a stop request, the mailer unreachable)
// leaves the rest queued: the next run continues and nobody gets the message twice. A crash
// between 1 and 3 leaves that recipient "sending": reported, never sent again by itself.
// Deferred recipients are tried again by a later attempt of the job, up to max_attempts each.
#pragma once

#include <chrono>
#include <functional>
#include <string>

#include "domain/job.hpp"
#include "engine/appeal_audience.hpp"
#include "engine/thank_you_sender.hpp"  // DeliverFn
#include "store/database.hpp"

namespace steward::engine::appeals {

inline constexpr const char* kAppealJobKind = "mail.appeal";

// Makes the signed unsubscribe token of (constituent, email) (auth/unsubscribe_token.hpp).
using TokenFn = std::function<std::string(long long constituent_id, const std::string& email)>;

struct StartRequest {
  AudienceRequest audience;
  std::string mailer;                  // the plugin id, recorded; required
  std::optional<int> rate_per_minute;  // default: mail.appeal_rate_per_minute
};

struct StartedSend {
  long long send_id = 0;
  long long job_id = 0;
  Audience audience;
};

// Errors (nothing written): those of appeal_audience; kInvalid naming "mail.from" or
// "mail.public_url" when not set, "rate_per_minute", "mailer"; kPreconditionFailed when nobody
// is left to send to. Donors an earlier send of the appeal has are left out (already_sent).
Result<StartedSend> start_appeal_send(store::Unit& unit, const StartRequest& request);

struct RunOptions {
  DeliverFn deliver;
  TokenFn token;
  // Waits between messages (the rate limit); tests pass one that does not sleep.
  std::function<void(std::chrono::milliseconds)> sleep;
  // Stop (leaving the rest queued) once this much time has passed...
  std::chrono::seconds budget{240};
  // ... or when this says so (checked before each message).
  std::function<bool()> stop_requested;
  int max_attempts = 3;  // per recipient, for deferrals
};

struct RunReport {
  long long sent = 0;
  long long rejected = 0;
  long long deferred = 0;
  long long skipped = 0;
  long long remaining = 0;     // still due (queued, or deferred with attempts left)
  bool finished = false;       // nothing left: the send is finished
  bool out_of_time = false;    // the budget ran out
  bool stopped = false;        // stop_requested said so
  bool cancelled = false;      // the send was cancelled (before or during this run)
  std::string mailer_problem;  // the mailer could not be reached (the rest stay queued)
};

// Errors: kNotFound for the send; store errors. A send that is finished or cancelled does
// nothing; one cancelled while this runs stops before its next message (appeal_cancel.hpp).
Result<RunReport> run_appeal_send(store::Database& db, long long send_id,
                                  const RunOptions& options);

// The job handler body: payload {"appeal_send_id": N}. Out of time -> a continuation job is
// queued and the job succeeds; the mailer unreachable or deferrals left -> kUnavailable (the
// job worker retries with backoff); a cancelled send -> ok (nothing more to do).
Status run_appeal_job(store::Database& db, const domain::Job& job, const RunOptions& options);

}  // namespace steward::engine::appeals
