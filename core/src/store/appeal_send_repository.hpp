// Email appeal sends (migration 0019): the send of an appeal to a segment and its recipient
// list, frozen when the send starts (UNIQUE (appeal_send_id, constituent_id): nobody is on one
// send twice). Every write is audited in the caller's unit.
//
// Exactly once: a recipient is claimed (queued/deferred -> sending) with one conditional UPDATE
// in its own unit before the mailer is called, so two workers never both send to the same
// recipient; the mailer's answer is recorded in the next unit (sent / rejected / deferred). A
// row left "sending" means the process stopped while the mailer had the message: it is
// reported, never sent again by itself (docs/decisions/0162-email-appeals-and-unsubscribe.md).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace steward::store::appeal_sends {

struct SendInput {
  long long appeal_id = 0;
  long long segment_id = 0;
  std::string template_name;
  std::string mailer;
  int rate_per_minute = 60;
  long long recipient_count = 0;
  std::string exclusions = "{}";  // JSON object of counts
};

struct SendRecord : SendInput {
  long long id = 0;
  std::string status;  // sending | finished | cancelled
  std::optional<long long> job_id;
  std::string created_by;
  std::string created_at;
  std::optional<std::string> finished_at;
};

struct RecipientInput {
  long long constituent_id = 0;
  long long template_id = 0;
  std::string address;
};

struct Recipient : RecipientInput {
  long long id = 0;
  long long send_id = 0;
  std::string state;  // queued | sending | sent | rejected | deferred | skipped | cancelled
  int attempts = 0;
  std::optional<long long> mail_message_id;
  std::optional<std::string> reply;
};

// Errors: kInvalid naming the field (rate_per_minute, template_name, mailer).
Result<long long> create(Unit& unit, const SendInput& input);
// Freezes the list (one insert per recipient, one audit row for the batch).
Status add_recipients(Unit& unit, long long send_id, const std::vector<RecipientInput>& list);
Status set_job(Unit& unit, long long send_id, long long job_id);
// status: finished | cancelled. Errors: kInvalid for another status; kNotFound.
Status set_status(Unit& unit, long long send_id, const std::string& status);
// Errors: kNotFound.
Result<SendRecord> get(Unit& unit, long long send_id);
// Newest first.
Result<std::vector<SendRecord>> for_appeal(Unit& unit, long long appeal_id);

// Recipients due for a try, by id, after `after_id`: queued, or deferred with fewer than
// max_attempts attempts.
Result<std::vector<Recipient>> due(Unit& unit, long long send_id, int max_attempts, int limit,
                                   long long after_id = 0);
// Every recipient of the send, by id.
Result<std::vector<Recipient>> recipients(Unit& unit, long long send_id);
// queued/deferred -> sending (attempts + 1). false when someone else claimed it first or it is
// no longer due.
Result<bool> claim(Unit& unit, long long recipient_id);
// The outcome of a claimed (or, for "skipped", a due) recipient: sent | rejected | deferred |
// skipped | queued (handed back untried) | cancelled (handed back after the send was
// cancelled). Errors: kInvalid for another state.
Status finish(Unit& unit, long long recipient_id, const std::string& state,
              const std::string& reply, std::optional<long long> mail_message_id);
// Why a frozen recipient must not be sent to now (checked at the last moment, in the unit that
// claims it): "deleted", "restricted", "unsubscribed", "do not email", "do not solicit",
// "address changed" (no longer their primary address); std::nullopt when they may be.
Result<std::optional<std::string>> stop_reason(Unit& unit, long long constituent_id,
                                               const std::string& address);
// Cancels the recipients still due (queued or deferred): they become "cancelled" and are never
// sent. Those sent, rejected, skipped or in flight ("sending") keep their state. One audit row
// for the batch. Returns how many were cancelled.
Result<long long> cancel_pending(Unit& unit, long long send_id);
// How many recipients are in each state (every state present, 0 when none).
Result<std::map<std::string, long long>> state_counts(Unit& unit, long long send_id);

}  // namespace steward::store::appeal_sends
