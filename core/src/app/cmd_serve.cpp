// steward serve [--listen HOST:PORT]: migrates the database, starts the background job worker and
// daily scheduler ([jobs] enabled), then serves HTTP until a signal; on the way out the worker
// finishes its current job and stops.
#include <chrono>
#include <iostream>
#include <memory>

#include <spdlog/spdlog.h>

#include "app/cli.hpp"
#include "app/job_kinds.hpp"
#include "engine/job_worker.hpp"
#include "http/server.hpp"
#include "store/migrations.hpp"

namespace steward::app {

void add_serve_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("serve", "run the web server");
  auto listen = std::make_shared<std::string>();
  cmd->add_option("--listen", *listen, "address to listen on, HOST:PORT (default 127.0.0.1:8080)");
  cmd->callback([&ctx, listen] {
    if (!listen->empty()) ctx.config.listen = *listen;
    auto options = http::parse_listen(ctx.config.listen);
    if (!options) throw CLI::RuntimeError(fail(options.status()));
    options->io_threads = ctx.config.io_threads;
    store::Database* db = ctx.database();
    if (!db) throw CLI::RuntimeError(1);
    auto applied = store::MigrationRunner(*db).migrate();
    if (!applied) throw CLI::RuntimeError(fail(applied.status()));
    if (*applied > 0) spdlog::info("applied {} migration(s)", *applied);

    http::Server server(*options, [db] {
      store::MigrationRunner runner(*db);
      return runner.check_current();
    });
    Status bound = server.bind();
    if (!bound) throw CLI::RuntimeError(fail(bound));
    engine::JobRegistry registry;
    register_job_kinds(registry);
    std::unique_ptr<engine::JobWorker> worker;
    if (ctx.config.jobs_enabled) {
      engine::WorkerOptions worker_options;
      worker_options.poll_interval = std::chrono::milliseconds(ctx.config.jobs_poll_ms);
      worker_options.daily = daily_jobs();
      worker = std::make_unique<engine::JobWorker>(*db, registry, worker_options);
      worker->start();
    }
    std::cout << "steward listening on http://" << options->host << ":" << server.port()
              << std::endl;
    server.run();
    if (worker) worker->stop();
  });
}

}  // namespace steward::app
