// steward batches create|show|close
#include <iostream>
#include <memory>
#include <string>

#include "app/cli.hpp"
#include "app/cmd_helpers.hpp"
#include "app/gift_output.hpp"
#include "domain/money.hpp"
#include "store/batch_repository.hpp"

namespace steward::app {
namespace {

void batch_print(const domain::GiftBatch& b, bool json) {
  std::cout << (json ? batch_json(b).dump(2) : batch_text(b)) << "\n";
}

}  // namespace

void add_batches_command(CLI::App& app, Context& ctx) {
  auto* batches = app.add_subcommand("batches", "gift batches (deposits) and reconciliation");
  batches->require_subcommand(1);

  auto name = std::make_shared<std::string>();
  auto count = std::make_shared<long long>(0);
  auto total = std::make_shared<std::string>();
  auto currency = std::make_shared<std::string>("USD");
  auto json = std::make_shared<bool>(false);
  auto* create = batches->add_subcommand("create", "open a batch");
  create->add_option("name", *name, "batch name, e.g. 'Sunday deposit 2025-03-02'")->required();
  create->add_option("--expected-count", *count, "how many gifts the deposit holds")->required();
  create->add_option("--expected-total", *total, "the deposit total, e.g. 1250.00")->required();
  create->add_option("--currency", *currency, "ISO 4217 code (default USD)");
  create->add_flag("--json", *json, "print JSON");
  create->callback([&ctx, name, count, total, currency, json] {
    auto m = domain::parse_money(*total, *currency);
    if (!m) stop(Status::invalid_field("expected-total", m.status().message()));
    domain::GiftBatchInput in{*name, *count, *m};
    auto b = open_database(ctx).write(
        ctx.actor(), [&](store::Unit& u) { return store::batches::create(u, in); });
    if (!b) stop(b.status());
    batch_print(*b, *json);
  });

  auto id = std::make_shared<long long>(0);
  auto* show = batches->add_subcommand("show", "a batch with its actual count and total");
  show->add_option("id", *id, "batch id")->required();
  show->add_flag("--json", *json, "print JSON");
  show->callback([&ctx, id, json] {
    auto b = open_database(ctx).read([&](store::Unit& u) { return store::batches::get(u, *id); });
    if (!b) stop(b.status());
    batch_print(*b, *json);
  });

  auto* close = batches->add_subcommand("close", "close a batch whose gifts match the deposit");
  close->add_option("id", *id, "batch id")->required();
  close->callback([&ctx, id] {
    auto b = open_database(ctx).write(
        ctx.actor(), [&](store::Unit& u) { return store::batches::close(u, *id); });
    if (!b) stop(b.status());
    batch_print(*b, false);
  });
}

}  // namespace steward::app
