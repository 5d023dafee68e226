// Cancelling an email appeal send (docs/mail.md, "Appeals"; decision 0201).
//
// cancel_appeal_send (one write unit): the send becomes "cancelled" (finished_at set), every
// recipient still queued or deferred becomes "cancelled" (never sent), and the send's job is
// cancelled when it is waiting in the queue. Recipients already sent, rejected or skipped keep
// their state; one in flight ("sending": the mailer has it right now) keeps it too, and the
// worker records its outcome. A worker running the send stops before its next message
// (appeal_sender.cpp checks the send's status), and a cancelled send never resumes. Starting the
// appeal again later (a new send) reaches the cancelled recipients, who were never asked.
#pragma once

#include "store/appeal_send_repository.hpp"
#include "store/database.hpp"

namespace steward::engine::appeals {

struct CancelledSend {
  store::appeal_sends::SendRecord send;  // after the cancel
  long long recipients_cancelled = 0;
};

// Errors: kNotFound; kPreconditionFailed (409 over HTTP) when the send is already finished or
// cancelled, saying which.
Result<CancelledSend> cancel_appeal_send(store::Unit& unit, long long send_id);

}  // namespace steward::engine::appeals
