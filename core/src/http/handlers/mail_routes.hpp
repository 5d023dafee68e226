// The mail routes are registered in two files: mail_handlers.cpp (settings, templates, preview;
// add_mail_routes, declared in handlers.hpp) calls add_mail_send_routes (mail_send_handlers.cpp:
// the acknowledgment queue, thank, statements and the generated PDFs).
#pragma once

#include "http/api.hpp"

namespace steward::http {

void add_mail_send_routes(Api& api);
// Email appeals and the public unsubscribe page (appeal_mail_handlers.cpp,
// unsubscribe_handlers.cpp), registered by add_mail_send_routes.
void add_appeal_mail_routes(Api& api);
void add_unsubscribe_routes(Api& api);

// The mailer plugin: mail.mailer, else the only enabled mailer. Errors: kInvalid naming
// "mail.mailer".
Result<std::string> choose_mailer(store::Unit& unit);

// Where generated PDFs are written and served from (relative to where `steward serve` runs,
// like the CLI's defaults).
inline constexpr const char* kLettersDir = "var/letters";
inline constexpr const char* kStatementsDir = "var/statements";

}  // namespace steward::http
