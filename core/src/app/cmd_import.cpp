// `steward import ...`: payment files into gifts (engine/import_*.hpp, docs/imports.md).
//
//   steward import FILE [--plugin ID] [--dry-run] [--policy create|review]
//                       [--default-fund CODE] [--stage-only] [--background] [--json]
//   steward import status [ID] [--json]
//   steward import review ID [--row N (--constituent CID | --new)] [--json]
//   steward import resume ID [--json]
//   steward import rules list | add --pattern TEXT --fund CODE [--field F] [--priority N] |
//                        remove RULE_ID
//   steward import rates set CUR DATE RATE | list     (cmd_import_rates.cpp)
//   steward import cancel ID                          (cmd_import_cancel.cpp)
#include <filesystem>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/cmd_import.hpp"

#include "app/cmd_helpers.hpp"
#include "app/import_output.hpp"
#include "engine/import_detect.hpp"
#include "engine/import_job.hpp"
#include "store/fund_repository.hpp"
#include "store/import_identities.hpp"

namespace steward::app {
namespace {

namespace fs = std::filesystem;
namespace im = engine::imports;

struct ImportArgs {
  std::string file;
  std::string plugin;
  std::string policy = "create";
  std::string default_fund;
  bool dry_run = false;
  bool stage_only = false;
  bool background = false;
  bool json = false;
  int chunk_rows = 0;  // 0: the engine's default
};

void commit_and_print(Context& ctx, long long id, bool json, int chunk_rows = 0) {
  auto& db = open_database(ctx);
  ProgressLine progress;
  im::CommitOptions options;
  if (chunk_rows > 0) options.chunk_rows = chunk_rows;
  options.on_progress = [&](const im::CommitProgress& p) { progress.commit(p); };
  auto done = im::commit_import(db, ctx.actor(), id, options);
  progress.finish();
  if (!done) stop(done.status());
  if (json) {
    std::cout << summary_json(*done).dump(2) << "\n";
  } else {
    print_summary(*done);
  }
}

void run_import(Context& ctx, const ImportArgs& a) {
  auto& db = open_database(ctx);
  fs::path file(a.file);
  std::optional<std::string> plugin;
  if (!a.plugin.empty()) plugin = a.plugin;
  auto opened = im::open_importer(db, ctx.actor(), ctx.config.plugin_dir, {}, file,
                                  file.filename().string(), plugin);
  if (!opened) stop(opened.status());
  im::StageOptions options;
  options.path = file;
  options.plugin_id = opened->plugin_id;
  options.policy = a.policy;
  if (!a.default_fund.empty()) options.default_fund_code = a.default_fund;
  options.dry_run = a.dry_run;
  ProgressLine progress;
  options.on_progress = [&](const im::StageProgress& p) { progress.stage(p); };
  auto preview = im::stage_import(db, ctx.actor(), *opened->handle, options);
  progress.finish();
  if (!preview) stop(preview.status());
  if (a.dry_run || a.stage_only || a.background) {
    nlohmann::json out = preview_json(*preview);
    if (a.background) {
      auto job = db.write(
          ctx.actor(), [&](store::Unit& u) { return im::enqueue_commit(u, preview->import_id); });
      if (!job) stop(job.status());
      out["job_id"] = job->id;
    }
    if (a.json) {
      std::cout << out.dump(2) << "\n";
      return;
    }
    print_preview(*preview);
    if (a.background) std::cout << "commit queued as job " << out["job_id"] << "\n";
    if (a.stage_only) {
      std::cout << fmt::format("commit it with: steward import resume {}\n", preview->import_id);
    }
    return;
  }
  if (!a.json) print_preview(*preview);
  commit_and_print(ctx, preview->import_id, a.json, a.chunk_rows);
}

void add_status(CLI::App* cmd, Context& ctx) {
  auto* sub = cmd->add_subcommand("status", "Recent imports, or one import's counts and samples");
  auto id = std::make_shared<long long>(0);
  auto json = std::make_shared<bool>(false);
  sub->add_option("id", *id, "import id");
  sub->add_flag("--json", *json, "print JSON");
  sub->callback([&ctx, id, json] {
    auto& db = open_database(ctx);
    if (*id == 0) {
      auto list = db.read([](store::Unit& u) { return store::imports::list(u, 50); });
      if (!list) stop(list.status());
      if (*json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& r : *list) out.push_back(import_json(r));
        std::cout << out.dump(2) << "\n";
        return;
      }
      if (list->empty()) std::cout << "no imports yet\n";
      for (const auto& r : *list) print_import_line(r);
      return;
    }
    auto rec = db.read([&](store::Unit& u) { return store::imports::get(u, *id); });
    if (!rec) stop(rec.status());
    auto preview = im::preview_import(db, *id);
    if (!preview) stop(preview.status());
    if (*json) {
      nlohmann::json out = import_json(*rec);
      out["counts"] = preview_json(*preview)["counts"];
      out["samples"] = preview_json(*preview)["samples"];
      std::cout << out.dump(2) << "\n";
      return;
    }
    print_import_line(*rec);
    print_preview(*preview);
  });
}

void add_review(CLI::App* cmd, Context& ctx) {
  auto* sub = cmd->add_subcommand("review", "Rows waiting for a donor, or decide one");
  auto id = std::make_shared<long long>(0);
  auto row = std::make_shared<long long>(0);
  auto constituent = std::make_shared<long long>(0);
  auto create = std::make_shared<bool>(false);
  auto json = std::make_shared<bool>(false);
  sub->add_option("id", *id, "import id")->required();
  sub->add_option("--row", *row, "the row (seq) to decide");
  sub->add_option("--constituent", *constituent, "attach the row's payment to this donor");
  sub->add_flag("--new", *create, "create a new donor from the row");
  sub->add_flag("--json", *json, "print JSON");
  sub->callback([&ctx, id, row, constituent, create, json] {
    auto& db = open_database(ctx);
    if (*row == 0) {
      if (*constituent || *create) {
        stop(Status::invalid_field("row", "give --row N with --constituent or --new"));
      }
      auto rows = db.read([&](store::Unit& u) -> Result<std::vector<store::imports::ImportRow>> {
        auto rec = store::imports::get(u, *id);
        if (!rec) return rec.status();
        return store::imports::rows(u, *id, "review", 0, 1000);
      });
      if (!rows) stop(rows.status());
      if (*json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& r : *rows) out.push_back(row_json(r));
        std::cout << out.dump(2) << "\n";
        return;
      }
      if (rows->empty()) std::cout << "nothing waiting for review in import " << *id << "\n";
      for (const auto& r : *rows) {
        auto j = row_json(r);
        std::cout << fmt::format("row {}: {}\n  {}\n", r.seq, j["record"].dump(),
                                 r.message.value_or(""));
      }
      return;
    }
    im::ReviewDecision decision;
    if (*constituent) decision.constituent_id = *constituent;
    decision.create_new = *create;
    auto decided = im::decide_review(db, ctx.actor(), *id, *row, decision);
    if (!decided) stop(decided.status());
    if (*json) {
      std::cout << row_json(*decided).dump(2) << "\n";
      return;
    }
    std::cout << fmt::format(
        "row {} of import {}: {}{}\n", decided->seq, *id,
        decided->committed ? "committed" : "decided (applied at commit)",
        decided->gift_id ? fmt::format(", gift {}", *decided->gift_id) : std::string());
  });
}

void add_resume(CLI::App* cmd, Context& ctx) {
  auto* sub = cmd->add_subcommand("resume", "Commit a staged import, or finish an interrupted one");
  auto id = std::make_shared<long long>(0);
  auto json = std::make_shared<bool>(false);
  auto chunk_rows = std::make_shared<int>(0);
  sub->add_option("id", *id, "import id")->required();
  sub->add_flag("--json", *json, "print JSON");
  sub->add_option("--chunk-rows", *chunk_rows, "rows per commit transaction (tests, tuning)");
  sub->callback([&ctx, id, json, chunk_rows] { commit_and_print(ctx, *id, *json, *chunk_rows); });
}

void add_rules(CLI::App* cmd, Context& ctx) {
  auto* rules = cmd->add_subcommand("rules", "Designation rules: text in a payment -> fund");
  rules->require_subcommand(1);
  {
    auto* sub = rules->add_subcommand("list", "Rules, highest priority first");
    sub->callback([&ctx] {
      auto& db = open_database(ctx);
      auto list = db.read([](store::Unit& u) { return store::import_ids::list_rules(u); });
      if (!list) stop(list.status());
      if (list->empty()) std::cout << "no designation rules\n";
      for (const auto& r : *list) {
        std::cout << fmt::format("{:>4}  {} contains \"{}\" -> fund {}  (priority {})\n", r.id,
                                 r.field, r.pattern, r.fund_id, r.priority);
      }
    });
  }
  {
    auto* sub = rules->add_subcommand("add", "Add a rule");
    auto rule = std::make_shared<store::import_ids::DesignationRule>();
    auto fund = std::make_shared<std::string>();
    sub->add_option("--pattern", rule->pattern, "text to look for (case-insensitive)")->required();
    sub->add_option("--fund", *fund, "fund code")->required();
    sub->add_option("--field", rule->field, "any, description or fund_hint (default any)");
    sub->add_option("--priority", rule->priority, "higher wins (default 0)");
    sub->callback([&ctx, rule, fund] {
      auto& db = open_database(ctx);
      auto added =
          db.write(ctx.actor(), [&](store::Unit& u) -> Result<store::import_ids::DesignationRule> {
            auto f = store::funds::get_by_code(u, *fund);
            if (!f) return Status::invalid_field("fund", "no fund with code '" + *fund + "'");
            rule->fund_id = f->id;
            return store::import_ids::add_rule(u, *rule);
          });
      if (!added) stop(added.status());
      std::cout << "added rule " << added->id << "\n";
    });
  }
  {
    auto* sub = rules->add_subcommand("remove", "Remove a rule");
    auto id = std::make_shared<long long>(0);
    sub->add_option("id", *id, "rule id")->required();
    sub->callback([&ctx, id] {
      auto& db = open_database(ctx);
      Status s = db.write(ctx.actor(),
                          [&](store::Unit& u) { return store::import_ids::remove_rule(u, *id); });
      if (!s) stop(s);
      std::cout << "removed rule " << *id << "\n";
    });
  }
}

}  // namespace

void add_import_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("import", "Import a payment file (Stripe, PayPal, bank, CSV)");
  auto args = std::make_shared<ImportArgs>();
  cmd->add_option("file", args->file, "the payment file");
  cmd->add_option("--plugin", args->plugin, "importer plugin id (default: detected)");
  cmd->add_option("--policy", args->policy, "unmatched donors: create (default) or review")
      ->check(CLI::IsMember({"create", "review"}));
  cmd->add_option("--default-fund", args->default_fund, "fund code for undesignated payments");
  cmd->add_flag("--dry-run", args->dry_run, "read and match only: show the preview, write nothing");
  cmd->add_flag("--stage-only", args->stage_only,
                "stage and preview; commit later with `steward import resume ID`");
  cmd->add_flag("--background", args->background, "stage now, commit in the job worker");
  cmd->add_flag("--json", args->json, "print JSON");
  cmd->add_option("--chunk-rows", args->chunk_rows, "rows per commit transaction (tests, tuning)");
  add_status(cmd, ctx);
  add_review(cmd, ctx);
  add_resume(cmd, ctx);
  add_rules(cmd, ctx);
  add_import_rates(cmd, ctx);
  add_import_cancel(cmd, ctx);
  cmd->callback([&ctx, cmd, args] {
    if (!cmd->get_subcommands().empty()) return;
    if (args->file.empty()) {
      stop(Status::invalid_field(
          "file", "give a payment file, or status|review|resume|rules|rates|cancel"));
    }
    run_import(ctx, *args);
  });
}

}  // namespace steward::app
