// The mail job kinds, which need more than the database: "mail.appeal" (payload
// {"appeal_send_id": N}, engine/appeal_sender.hpp) opens the send's mailer plugin from
// plugin_dir and signs unsubscribe links with the key in secret_key_file. Registered next to
// register_job_kinds() by `steward serve` and `steward jobs run-once`.
#pragma once

#include "app/cli.hpp"
#include "engine/appeal_sender.hpp"
#include "engine/job_worker.hpp"

namespace steward::app {

void register_mail_job_kinds(engine::JobRegistry& registry, Context& ctx);

// Runs one appeal send in this process with the send's mailer (the job handler's body, also
// used by `steward mail appeal send --now`).
Result<engine::appeals::RunReport> run_appeal_send_here(Context& ctx, store::Database& db,
                                                        long long send_id);

}  // namespace steward::app
