// The mail routes are registered in two files: mail_handlers.cpp (settings, templates, preview;
// add_mail_routes, declared in handlers.hpp) calls add_mail_send_routes (mail_send_handlers.cpp:
// the acknowledgment queue, thank, statements and the generated PDFs).
#pragma once

#include "engine/mail_run.hpp"
#include "http/api.hpp"

namespace steward::http {

void add_mail_send_routes(Api& api);
// Email appeals and the public unsubscribe page (appeal_mail_handlers.cpp,
// unsubscribe_handlers.cpp), registered by add_mail_send_routes.
void add_appeal_mail_routes(Api& api);
void add_unsubscribe_routes(Api& api);
// Thank-you and statement runs as background jobs (mail_run_handlers.cpp), registered by
// add_mail_send_routes; the POSTs of thank and statements with "send": true start them here:
// 202 with the run (as GET /api/v1/mail/runs/{id} answers it) and its Location.
void add_mail_run_routes(Api& api);
// Tribute notifications handled by hand (mail_tribute_handlers.cpp).
void add_tribute_notice_routes(Api& api);
Response start_thank_run(Call& call, const engine::mail_runs::ThankRequest& request);
Response start_statement_run(Call& call, const engine::mail_runs::StatementRequest& request);

// The mailer plugin: mail.mailer, else the only enabled mailer. Errors: kInvalid naming
// "mail.mailer".
Result<std::string> choose_mailer(store::Unit& unit);

// Where generated PDFs are written and served from (relative to where `steward serve` runs,
// like the CLI's defaults).
inline constexpr const char* kLettersDir = "var/letters";
inline constexpr const char* kStatementsDir = "var/statements";

}  // namespace steward::http
