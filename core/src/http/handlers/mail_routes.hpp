// The mail routes are registered in two files: mail_handlers.cpp (settings, templates, preview;
// add_mail_routes, declared in handlers.hpp) calls add_mail_send_routes (mail_send_handlers.cpp:
// the acknowledgment queue, thank, statements and the generated PDFs).
#pragma once

#include "http/api.hpp"

namespace steward::http {

void add_mail_send_routes(Api& api);

// Where generated PDFs are written and served from (relative to where `steward serve` runs,
// like the CLI's defaults).
inline constexpr const char* kLettersDir = "var/letters";
inline constexpr const char* kStatementsDir = "var/statements";

}  // namespace steward::http
