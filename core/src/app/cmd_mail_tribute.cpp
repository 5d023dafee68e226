// steward mail tribute-by-hand GIFT [--note TEXT] [--json]
// Marks a tribute gift's notification as made by hand (engine/tribute_by_hand.hpp): a
// restricted donor's tribute gift is never notified automatically, and once staff have told
// the family themselves, `mail thank` no longer lists it.
#include <fmt/format.h>

#include <iostream>
#include <memory>

#include "app/cmd_helpers.hpp"
#include "app/cmd_mail.hpp"
#include "engine/tribute_by_hand.hpp"

namespace steward::app {

void add_mail_tribute_command(CLI::App& mail, Context& ctx) {
  auto* cmd = mail.add_subcommand(
      "tribute-by-hand", "Mark a tribute gift's notification as made by hand (no longer listed)");
  struct Args {
    long long gift = 0;
    std::string note;
    bool json = false;
  };
  auto a = std::make_shared<Args>();
  cmd->add_option("gift", a->gift, "the tribute gift")->required();
  cmd->add_option("--note", a->note, "how the family was told, e.g. \"phoned 3 Dec\"");
  cmd->add_flag("--json", a->json, "print JSON");
  cmd->callback([&ctx, a] {
    auto& db = open_database(ctx);
    std::optional<std::string> note;
    if (!a->note.empty()) note = a->note;
    auto out = db.write(ctx.actor(), [&](store::Unit& u) {
      return engine::mark_tribute_by_hand(u, a->gift, note);
    });
    if (!out) stop(out.status());
    if (a->json) {
      std::cout << out->dump(2) << "\n";
      return;
    }
    std::cout << fmt::format("gift {}: tribute notification marked as made by hand{}\n", a->gift,
                             note ? " (" + *note + ")" : "");
  });
}

}  // namespace steward::app
