// The mail job kinds, which need more than the database: "mail.appeal" (payload
// {"appeal_send_id": N}, engine/appeal_sender.hpp) opens the send's mailer plugin from
// plugin_dir and signs unsubscribe links with the key in secret_key_file. Registered next to
// register_job_kinds() by `steward serve` and `steward jobs run-once`.
#pragma once

#include <memory>

#include "app/cli.hpp"
#include "engine/appeal_sender.hpp"
#include "engine/job_worker.hpp"
#include "engine/mail_run.hpp"

namespace steward::app {

// Also "mail.run" (payload {"mail_run_id": N}, engine/mail_run.hpp): a thank-you or statement
// run, with the mailer of mail.mailer (else the only enabled one), opened on the first email.
void register_mail_job_kinds(engine::JobRegistry& registry, Context& ctx);

// The options of a mail run carried out in this process with `mailer_id` (empty: mail.mailer,
// else the only enabled mailer); `keep_alive` holds the mailer (keep it while the options are
// used).
engine::mail_runs::RunOptions mail_run_options(Context& ctx, store::Database& db,
                                               const std::string& mailer_id,
                                               std::shared_ptr<void>& keep_alive);

// Runs one appeal send in this process with the send's mailer (the job handler's body, also
// used by `steward mail appeal send --now`).
Result<engine::appeals::RunReport> run_appeal_send_here(Context& ctx, store::Database& db,
                                                        long long send_id);

}  // namespace steward::app
