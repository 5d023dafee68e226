// `steward mail ...`: shared between cmd_mail.cpp (settings, templates) and cmd_mail_send.cpp
// (ack-queue, thank).
#pragma once

#include "app/cli.hpp"

namespace steward::app {

void add_mail_send_commands(CLI::App& mail, Context& ctx);

}  // namespace steward::app
