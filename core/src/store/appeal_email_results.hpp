// What an email appeal achieved (GET /api/v1/appeals/{id}/email-results, `steward mail appeal
// results`): how many were sent, and who responded. A response is a gift coded to the appeal
// (gifts.appeal_id; completed or partly refunded, not deleted) from someone the appeal was sent
// to, received on or after the day of the first send that reached them. Amounts are net of
// refunds in the organisation's base currency. Read-only.
#pragma once

#include "store/database.hpp"

namespace steward::store::appeal_sends {

struct EmailResults {
  long long appeal_id = 0;
  long long sends = 0;
  long long recipients = 0;  // on the frozen lists, all sends
  long long sent = 0;        // accepted by the mail server
  long long rejected = 0;
  long long deferred = 0;
  long long skipped = 0;
  long long unknown = 0;  // "sending": the process stopped while the mailer had it
  long long queued = 0;
  long long cancelled = 0;   // never sent: their send was cancelled first
  long long responders = 0;  // distinct donors sent to who then gave to the appeal
  long long response_gifts = 0;
  long long response_raised_minor = 0;
  // Every gift coded to the appeal, whoever gave it (mail, online, ...).
  long long appeal_gifts = 0;
  long long appeal_donors = 0;
  long long appeal_raised_minor = 0;
  // responders / sent (0 when nothing was sent).
  double response_rate() const;
};

// include_restricted = false leaves out restricted donors' gifts. Errors: kNotFound.
Result<EmailResults> email_results(Unit& unit, long long appeal_id, bool include_restricted);

}  // namespace steward::store::appeal_sends
