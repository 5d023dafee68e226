// steward demo load [--seed N] [--today YYYY-MM-DD] [--if-empty] [--constituents N] [--json]
// steward demo generate --constituents N [--years Y] [--seed S] [--today D] [--chunk C] [--json]
// steward demo generate-file --format stripe --rows N [--seed S] --out FILE (cmd_demo_file.cpp)
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>

#include "app/cli.hpp"
#include "app/cmd_demo_file.hpp"
#include "domain/money.hpp"
#include "engine/demo_generator.hpp"
#include "engine/demo_loader.hpp"
#include "store/migrations.hpp"

namespace steward::app {
namespace {

struct DemoFlags {
  std::uint64_t seed = 1;
  std::string today;
  int constituents = 500;
  bool if_empty = false;
  bool json = false;
};

struct GenerateFlags {
  engine::GenerateOptions options;
  std::string today;
  bool json = false;
};

void print_report(const engine::DemoReport& r, double seconds, const char* what) {
  std::string total = domain::format_decimal(sdk::Money{r.total_given_minor, r.currency});
  std::printf("%s (seed %llu, today %s) in %.1f s\n", what, static_cast<unsigned long long>(r.seed),
              r.today.c_str(), seconds);
  std::printf("  constituents  %lld (%lld individuals, %lld households, %lld organizations)\n",
              r.constituents, r.individuals, r.households, r.organizations);
  std::printf("  contacts      %lld emails, %lld phones, %lld addresses, %lld relationships\n",
              r.emails, r.phones, r.addresses, r.relationships);
  std::printf("  funds         %lld; campaigns %lld with %lld appeals\n", r.funds, r.campaigns,
              r.appeals);
  std::printf(
      "  gifts         %lld (%s to %s), %lld allocations, %lld soft credits, %lld refunds\n",
      r.gifts, r.first_gift_on.c_str(), r.last_gift_on.c_str(), r.allocations, r.soft_credits,
      r.refunds);
  std::printf("  recurring     %lld plans; pledges %lld\n", r.recurring_plans, r.pledges);
  std::printf("  activity      %lld interactions, %lld tasks, %lld stage changes, %lld tags\n",
              r.interactions, r.tasks, r.stage_changes, r.tags);
  std::printf("  total given   %s %s (net of refunds)\n", total.c_str(), r.currency.c_str());
}

double demo_seconds_since(std::chrono::steady_clock::time_point started) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

void add_generate_command(CLI::App& demo, Context& ctx) {
  auto* generate = demo.add_subcommand(
      "generate", "generate a synthetic organisation of any size (for benchmarks and load tests)");
  auto flags = std::make_shared<GenerateFlags>();
  generate->add_option("--constituents", flags->options.constituents, "how many (50-1000000)")
      ->capture_default_str();
  generate->add_option("--years", flags->options.years, "years of giving up to today (1-20)")
      ->capture_default_str();
  generate->add_option("--seed", flags->options.seed, "random seed: same seed, same data")
      ->capture_default_str();
  generate->add_option("--today", flags->today, "last day of the giving history (YYYY-MM-DD)");
  generate->add_option("--chunk", flags->options.chunk, "constituents per transaction")
      ->capture_default_str();
  generate->add_flag("--json", flags->json, "print the report as JSON");
  generate->callback([&ctx, flags] {
    store::Database* db = ctx.database();
    if (!db) throw CLI::RuntimeError(1);
    store::MigrationRunner runner(*db);
    if (Status current = runner.check_current(); !current) throw CLI::RuntimeError(fail(current));
    if (!flags->today.empty()) flags->options.today = flags->today;
    auto started = std::chrono::steady_clock::now();
    auto report = [&](const engine::GenerateProgress& p) {
      if (flags->json) return;
      std::fprintf(stderr, "\r  %lld / %lld constituents, %lld gifts, %.0f s",
                   p.constituents_written, p.constituents_total, p.gifts_written,
                   demo_seconds_since(started));
    };
    auto made = engine::generate_organization(*db, ctx.actor(), flags->options, report);
    if (!flags->json) std::fprintf(stderr, "\n");
    if (!made) throw CLI::RuntimeError(fail(made.status()));
    if (flags->json) {
      nlohmann::json out = made->to_json();
      out["seconds"] = demo_seconds_since(started);
      std::cout << out.dump(2) << "\n";
    } else {
      print_report(*made, demo_seconds_since(started), "generated a synthetic organisation");
    }
  });
}

}  // namespace

void add_demo_command(CLI::App& app, Context& ctx) {
  auto* demo = app.add_subcommand("demo", "the demo organisation");
  demo->require_subcommand(1);
  auto* load = demo->add_subcommand(
      "load", "load the demo organisation (Hope Bridge Ministry) into an empty database");
  auto flags = std::make_shared<DemoFlags>();
  load->add_option("--seed", flags->seed, "random seed: the same seed loads the same data")
      ->capture_default_str();
  load->add_option("--today", flags->today, "last day of the demo's giving history (YYYY-MM-DD)");
  load->add_option("--constituents", flags->constituents, "about how many constituents (50-20000)")
      ->capture_default_str();
  load->add_flag("--if-empty", flags->if_empty,
                 "do nothing (and say so) when the database already has constituents");
  load->add_flag("--json", flags->json, "print the report as JSON");
  load->callback([&ctx, flags] {
    store::Database* db = ctx.database();
    if (!db) throw CLI::RuntimeError(1);
    store::MigrationRunner runner(*db);
    if (Status current = runner.check_current(); !current) throw CLI::RuntimeError(fail(current));
    engine::DemoOptions options;
    options.seed = flags->seed;
    if (!flags->today.empty()) options.today = flags->today;
    options.constituents = flags->constituents;
    options.if_empty = flags->if_empty;
    auto started = std::chrono::steady_clock::now();
    auto loaded = engine::load_demo(*db, ctx.actor(), options);
    if (!loaded) throw CLI::RuntimeError(fail(loaded.status()));
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (flags->json) {
      std::cout << loaded->to_json().dump(2) << "\n";
    } else if (loaded->skipped) {
      std::cout << "the database already has " << loaded->existing_constituents
                << " constituent(s); demo not loaded\n";
    } else {
      print_report(*loaded, seconds, "loaded the demo organisation");
    }
  });
  add_generate_command(*demo, ctx);
  add_generate_file_command(*demo, ctx);
}

}  // namespace steward::app
