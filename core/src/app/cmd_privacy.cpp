// steward privacy export CONSTITUENT_ID [--out FILE]
//   Everything held about one person as one JSON document (stdout, or FILE written 0600).
//   Recorded in the audit trail as an "export".
// steward privacy erase CONSTITUENT_ID --confirm [--json]
//   Erases the person's identity (names, contact points, notes, tags, relationships, payer ids,
//   mail addresses; personal values in earlier audit rows) and keeps their gifts so every total
//   stays exact. Without --confirm nothing is written. docs/privacy.md.
#include <sys/stat.h>

#include <iostream>

#include "app/cli.hpp"
#include "app/cmd_helpers.hpp"
#include "engine/privacy.hpp"

namespace steward::app {
namespace {

namespace privacy = engine::privacy;

struct PrivacyArgs {
  long long id = 0;
  std::string out;
  bool confirm = false;
  bool json = false;
};

void run_export(Context& ctx, const PrivacyArgs& a) {
  store::Database& db = open_database(ctx);
  auto doc =
      db.write(ctx.actor(), [&](store::Unit& u) { return privacy::export_personal_data(u, a.id); });
  if (!doc) stop(doc.status());
  write_output(doc->dump(2) + "\n", a.out);
  if (!a.out.empty() && a.out != "-") {
    ::chmod(a.out.c_str(), S_IRUSR | S_IWUSR);  // personal data: owner only
    std::cerr << "wrote the personal data of constituent " << a.id << " to " << a.out << "\n";
  }
}

void run_erase(Context& ctx, const PrivacyArgs& a) {
  if (!a.confirm) {
    stop(Status::invalid_field("confirm", "erasing constituent " + std::to_string(a.id) +
                                              " cannot be undone: add --confirm"));
  }
  store::Database& db = open_database(ctx);
  auto done = db.write(ctx.actor(), [&](store::Unit& u) {
    return privacy::erase_personal_data(u, a.id, privacy::confirmation_phrase(a.id));
  });
  if (!done) stop(done.status());
  if (a.json) {
    nlohmann::json out = {{"constituent_id", done->constituent_id},
                          {"display_name", done->display_name},
                          {"erased_at", done->erased_at},
                          {"redacted_audit_ids", done->redacted_audit_ids},
                          {"removed", done->removed}};
    std::cout << out.dump(2) << "\n";
    return;
  }
  std::cout << "erased constituent " << done->constituent_id << " (now \"" << done->display_name
            << "\"); redacted " << done->redacted_audit_ids.size() << " audit row(s); removed "
            << done->removed.dump() << "\n";
}

}  // namespace

void add_privacy_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("privacy", "export or erase one person's personal data");
  cmd->require_subcommand(1);
  auto args = std::make_shared<PrivacyArgs>();

  auto* exp = cmd->add_subcommand("export", "everything held about one person, as JSON");
  exp->add_option("constituent_id", args->id, "the constituent")
      ->required()
      ->check(CLI::PositiveNumber);
  exp->add_option("--out", args->out, "write to FILE (mode 0600) instead of standard output");
  exp->callback([&ctx, args] { run_export(ctx, *args); });

  auto* erase = cmd->add_subcommand("erase", "erase one person's identity, keeping gift totals");
  erase->add_option("constituent_id", args->id, "the constituent")
      ->required()
      ->check(CLI::PositiveNumber);
  erase->add_flag("--confirm", args->confirm, "yes, erase (cannot be undone)");
  erase->add_flag("--json", args->json, "print the outcome as JSON");
  erase->callback([&ctx, args] { run_erase(ctx, *args); });
}

}  // namespace steward::app
