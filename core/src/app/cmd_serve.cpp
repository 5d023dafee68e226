// steward serve [--listen HOST:PORT] [hardening flags, app/serve_flags.hpp]: migrates the database,
// starts the background job worker and daily scheduler ([jobs] enabled), then serves the API, the
// web UI and the operational endpoints until a signal; on the way out the worker finishes its
// current job and stops.
#include <chrono>
#include <iostream>
#include <memory>

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "app/cli.hpp"
#include "app/job_kinds.hpp"
#include "app/mail_job_kinds.hpp"
#include "app/serve_flags.hpp"
#include "auth/secret_box.hpp"
#include "engine/job_worker.hpp"
#include "http/api.hpp"
#include "http/message.hpp"
#include "http/server.hpp"
#include "http/web_app.hpp"
#include "plugins/bundled_plugins.hpp"
#include "plugins/file_safety.hpp"
#include "store/migrations.hpp"

namespace steward::app {

namespace {

// Built-in plugins are installed and enabled on first run, and upgraded with Steward
// (plugins/bundled_plugins.hpp). A failure is logged; the server still starts.
void install_bundled(Context& ctx, store::Database& db) {
  auto dir = plugins::ensure_plugin_directory(ctx.config.plugin_dir);
  if (!dir) {
    spdlog::warn("built-in plugins not installed: {}", dir.status().message());
    return;
  }
  auto outcomes =
      plugins::install_bundled_plugins(db, store::Actor{"system:bundled-plugins", ""}, *dir,
                                       plugins::bundled_plugin_dir(ctx.config.bundled_plugin_dir));
  if (!outcomes) {
    spdlog::warn("built-in plugins not installed: {}", outcomes.status().message());
    return;
  }
  for (const auto& o : *outcomes) {
    if (o.action == "installed" || o.action == "upgraded") {
      spdlog::info("built-in plugin {} {}{}", o.plugin_id, o.action,
                   o.message.empty() ? "" : " (" + o.message + ")");
    } else if (o.action == "skipped") {
      spdlog::warn("built-in plugin {} skipped: {}", o.file_name, o.message);
    }
  }
}

}  // namespace

void add_serve_command(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("serve", "run the web server");
  auto listen = std::make_shared<std::string>();
  cmd->add_option("--listen", *listen, "address to listen on, HOST:PORT (default 127.0.0.1:8080)");
  auto flags = std::make_shared<ServeFlags>();
  add_serve_flags(*cmd, *flags);
  cmd->callback([&ctx, listen, flags] {
    if (!listen->empty()) ctx.config.listen = *listen;
    if (Status s = apply_serve_flags(*flags, ctx.config); !s) throw CLI::RuntimeError(fail(s));
    auto options = http::parse_listen(ctx.config.listen);
    if (!options) throw CLI::RuntimeError(fail(options.status()));
    options->io_threads = ctx.config.io_threads;
    options->trusted_proxies = ctx.config.trusted_proxies;
    options->tls_cert_file = ctx.config.tls_cert_file;
    options->tls_key_file = ctx.config.tls_key_file;
    options->upload_body_limit = static_cast<std::size_t>(ctx.config.upload_limit_mb) * 1024 * 1024;
    store::Database* db = ctx.database();
    if (!db) throw CLI::RuntimeError(1);
    auto applied = store::MigrationRunner(*db).migrate();
    if (!applied) throw CLI::RuntimeError(fail(applied.status()));
    if (*applied > 0) spdlog::info("applied {} migration(s)", *applied);
    install_bundled(ctx, *db);

    // The access log: one JSON object per line on stderr, nothing else on the line.
    if (!spdlog::get("access")) spdlog::stderr_logger_mt("access")->set_pattern("%v");
    auto secrets = auth::SecretBox::load_or_create(ctx.config.secret_key_file);
    if (!secrets) throw CLI::RuntimeError(fail(secrets.status()));
    http::ApiOptions api_options = api_options_from(ctx.config);
    api_options.secrets = secrets.value();
    api_options.plugin_dir = ctx.config.plugin_dir;
    http::Api api(*db, api_options);
    http::register_routes(api);
    http::WebApp app(api, http::StaticFiles(ctx.config.ui_dir), [db, &ctx] {
      std::vector<http::Metrics::Gauge> gauges{{"steward_db_pool_size",
                                                "Database sessions in the pool.",
                                                static_cast<double>(ctx.config.pool_size)}};
      for (const char* status : {"queued", "running", "failed"}) {
        auto n = db->read([&](store::Unit& u) -> Result<long long> {
          long long count = 0;
          std::string s = status;
          u.sql() << "SELECT COUNT(*) FROM jobs WHERE status = :s", soci::use(s), soci::into(count);
          return count;
        });
        gauges.push_back({std::string("steward_jobs_") + status,
                          "Background jobs " + std::string(status) + ".",
                          n ? static_cast<double>(n.value()) : -1.0});
      }
      return gauges;
    });
    options->worker_threads = static_cast<int>(ctx.config.pool_size);
    http::Server server(
        *options,
        [db] {
          store::MigrationRunner runner(*db);
          return runner.check_current();
        },
        [&app](http::Request& request) { return app.handle(request); });
    Status bound = server.bind();
    if (!bound) throw CLI::RuntimeError(fail(bound));
    engine::JobRegistry registry;
    register_job_kinds(registry);
    register_mail_job_kinds(registry, ctx);
    std::unique_ptr<engine::JobWorker> worker;
    if (ctx.config.jobs_enabled) {
      engine::WorkerOptions worker_options;
      worker_options.poll_interval = std::chrono::milliseconds(ctx.config.jobs_poll_ms);
      worker_options.daily = daily_jobs();
      worker = std::make_unique<engine::JobWorker>(*db, registry, worker_options);
      worker->start();
    }
    std::cout << "steward listening on " << (options->tls() ? "https" : "http") << "://"
              << options->host << ":" << server.port() << std::endl;
    server.run();
    if (worker) worker->stop();
  });
}

}  // namespace steward::app
