// steward mail clear-stuck --older-than-minutes N (--dry-run | --reason TEXT) [--json]
// Messages left "sending" (the process stopped while the mailer had them) are never resent by
// themselves. After checking the mail server's log, an admin clears those older than N minutes:
// each is marked deferred with the reason, so a later `thank --send` may thank that gift again.
#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "app/cmd_helpers.hpp"
#include "app/cmd_mail.hpp"
#include "domain/date.hpp"
#include "store/mail_stuck.hpp"

namespace steward::app {

void add_mail_clear_stuck_command(CLI::App& mail, Context& ctx) {
  auto* cmd = mail.add_subcommand(
      "clear-stuck", "Mark messages stuck in 'sending' as deferred (after checking the log)");
  struct Args {
    long long minutes = 0;
    bool dry_run = false, json = false;
    std::string reason;
  };
  auto a = std::make_shared<Args>();
  cmd->add_option("--older-than-minutes", a->minutes, "claimed at least this long ago")->required();
  auto* dry = cmd->add_flag("--dry-run", a->dry_run, "list them, change nothing");
  auto* reason = cmd->add_option("--reason", a->reason, "why (recorded with each message)");
  dry->excludes(reason);
  cmd->add_flag("--json", a->json, "print JSON");
  cmd->callback([&ctx, a] {
    if (a->minutes < 1) stop(Status::invalid_field("older-than-minutes", "must be at least 1"));
    if (!a->dry_run && a->reason.empty()) {
      stop(Status::invalid_field("reason", "say --dry-run, or --reason \"...\" to clear"));
    }
    auto& db = open_database(ctx);
    std::string before =
        domain::format_instant(domain::now_instant() - std::chrono::minutes(a->minutes));
    auto stuck = a->dry_run
                     ? db.read([&](store::Unit& u) { return store::mail_stuck::list(u, before); })
                     : db.write(ctx.actor(), [&](store::Unit& u) {
                         return store::mail_stuck::clear(u, before, a->reason);
                       });
    if (!stuck) stop(stuck.status());
    if (a->json) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& m : *stuck) {
        out.push_back({{"id", m.id},
                       {"purpose", m.purpose},
                       {"constituent_id", m.constituent_id},
                       {"gift_id", m.gift_id ? nlohmann::json(*m.gift_id) : nlohmann::json()},
                       {"address", m.address},
                       {"created_at", m.created_at}});
      }
      std::cout << out.dump(2) << "\n";
      return;
    }
    for (const auto& m : *stuck) {
      std::cout << fmt::format("message {:<6} {:<10} gift {:<6} {}  since {}\n", m.id, m.purpose,
                               m.gift_id ? std::to_string(*m.gift_id) : "-", m.address,
                               m.created_at);
    }
    std::cout << fmt::format("{} message(s) {}\n", stuck->size(),
                             a->dry_run ? "stuck in sending" : "cleared (now deferred)");
  });
}

}  // namespace steward::app
