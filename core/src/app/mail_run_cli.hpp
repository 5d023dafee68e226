// Thank-you and statement runs from the command line (engine/mail_run.hpp): `mail thank --send`
// and `mail statements --send` start a run and carry it out here, with a progress line on a
// terminal (stderr); `--background` only queues it for `steward serve`. `steward mail runs`
// lists runs, `mail runs show ID` shows one, `mail runs cancel ID` cancels one.
#pragma once

#include <functional>
#include <string>

#include <nlohmann/json.hpp>

#include "app/cli.hpp"
#include "engine/mail_run.hpp"

namespace steward::app {

using StartRunFn = std::function<Result<engine::mail_runs::StartedRun>(store::Unit&)>;

// Starts the run (or joins the same one already going) and, unless `background`, carries it out
// here with the mailer `mailer_flag` (else mail.mailer, else the only enabled one). Returns the
// run as engine::mail_runs::run_json answers it. Stops with the error otherwise.
nlohmann::json start_mail_run_here(Context& ctx, store::Database& db, const StartRunFn& start,
                                   const std::string& mailer_flag, bool background);

void add_mail_runs_command(CLI::App& mail, Context& ctx);

}  // namespace steward::app
