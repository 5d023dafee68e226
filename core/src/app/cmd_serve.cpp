// steward serve [--listen HOST:PORT]: migrates the database, then serves HTTP until a signal.
#include <iostream>

#include <spdlog/spdlog.h>

#include "app/cli.hpp"
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
    std::cout << "steward listening on http://" << options->host << ":" << server.port()
              << std::endl;
    server.run();
  });
}

}  // namespace steward::app
