// `steward mail ...`: shared between cmd_mail.cpp (settings, templates) and cmd_mail_send.cpp
// (ack-queue, thank) and cmd_mail_statements.cpp (statements).
#pragma once

#include <memory>
#include <string>

#include "app/cli.hpp"
#include "plugins/plugin_handle.hpp"
#include "store/database.hpp"

namespace steward::app {

void add_mail_send_commands(CLI::App& mail, Context& ctx);
void add_mail_statements_command(CLI::App& mail, Context& ctx);
void add_mail_clear_stuck_command(CLI::App& mail, Context& ctx);
void add_mail_appeal_command(CLI::App& mail, Context& ctx);   // cmd_mail_appeal.cpp
void add_mail_tribute_command(CLI::App& mail, Context& ctx);  // cmd_mail_tribute.cpp

// The mailer plugin to use: `flag`, else mail.mailer, else the only enabled mailer (stops with
// an error naming "mailer" otherwise).
std::string choose_mailer(Context& ctx, store::Database& db, const std::string& flag);
// Opens that mailer plugin for a batch.
std::unique_ptr<plugins::PluginHandle> open_mailer(Context& ctx, store::Database& db,
                                                   const std::string& mailer_id);

}  // namespace steward::app
