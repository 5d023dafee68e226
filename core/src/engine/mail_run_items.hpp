// The items a mail run records (mail_run_repository.hpp) from each step's outcomes, with the
// JSON bodies the old synchronous answers of POST /api/v1/mail/thank and /statements had.
#pragma once

#include "engine/thank_you_letters.hpp"
#include "engine/thank_you_sender.hpp"
#include "engine/tribute_notices.hpp"
#include "engine/year_end_statements.hpp"
#include "store/mail_run_repository.hpp"

namespace steward::engine::mail_runs {

store::mail_runs::Item message_item(const ThankYouOutcome& o);
store::mail_runs::Item letter_item(const LetterOutcome& o);
store::mail_runs::Item tribute_item(const TributeNoticeOutcome& o);
// pdf: the donor's own statement file (a path).
store::mail_runs::Item statement_item(const StatementOutcome& o);

}  // namespace steward::engine::mail_runs
