// steward jobs list [--status S] [--kind K] [--limit N] [--json]
// steward jobs enqueue KIND [--payload JSON] [--run-after TIME] [--max-attempts N] [--unique-key K]
// steward jobs run-once      schedules today's daily jobs, then runs due jobs until none is left
// steward jobs retry ID      queues a failed or cancelled job again
// steward jobs cancel ID     cancels a queued or running job
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "app/cli.hpp"
#include "app/job_kinds.hpp"
#include "app/mail_job_kinds.hpp"
#include "engine/job_worker.hpp"
#include "store/job_repository.hpp"
#include "store/migrations.hpp"

namespace steward::app {
namespace {

nlohmann::json job_json(const domain::Job& j) {
  nlohmann::json out = {{"id", j.id},
                        {"kind", j.kind},
                        {"status", domain::to_string(j.status)},
                        {"attempts", j.attempts},
                        {"max_attempts", j.max_attempts},
                        {"run_after", j.run_after},
                        {"created_at", j.created_at},
                        {"updated_at", j.updated_at}};
  out["payload"] = nlohmann::json::parse(j.payload, nullptr, false);
  if (out["payload"].is_discarded()) out["payload"] = j.payload;
  auto opt = [&](const char* key, const std::optional<std::string>& v) {
    out[key] = v ? nlohmann::json(*v) : nlohmann::json(nullptr);
  };
  opt("unique_key", j.unique_key);
  opt("locked_by", j.locked_by);
  opt("locked_until", j.locked_until);
  opt("last_error", j.last_error);
  opt("result", j.result);
  opt("finished_at", j.finished_at);
  return out;
}

void print_job_line(const domain::Job& j) {
  std::printf("%-6lld %-24s %-10s %d/%-3d %s  %s\n", j.id, j.kind.c_str(),
              domain::to_string(j.status), j.attempts, j.max_attempts, j.run_after.c_str(),
              j.last_error.value_or("").c_str());
}

// The database, migrated to the current version (or a CLI error).
store::Database& job_current_database(Context& ctx) {
  store::Database* db = ctx.database();
  if (!db) throw CLI::RuntimeError(1);
  Status current = store::MigrationRunner(*db).check_current();
  if (!current) throw CLI::RuntimeError(fail(current));
  return *db;
}

void job_add_list(CLI::App* jobs, Context& ctx) {
  auto* cmd = jobs->add_subcommand("list", "list jobs, newest first");
  auto status = std::make_shared<std::string>();
  auto kind = std::make_shared<std::string>();
  auto limit = std::make_shared<int>(50);
  auto json = std::make_shared<bool>(false);
  cmd->add_option("--status", *status, "queued, running, succeeded, failed or cancelled");
  cmd->add_option("--kind", *kind, "only jobs of this kind");
  cmd->add_option("--limit", *limit, "at most this many (default 50, at most 500)");
  cmd->add_flag("--json", *json, "print a JSON array");
  cmd->callback([&ctx, status, kind, limit, json] {
    store::jobs::ListFilter filter;
    if (!status->empty()) {
      auto parsed = domain::parse_job_status(*status, "--status");
      if (!parsed) throw CLI::RuntimeError(fail(parsed.status()));
      filter.status = *parsed;
    }
    if (!kind->empty()) filter.kind = *kind;
    filter.page.limit = *limit;
    store::Database& db = job_current_database(ctx);
    auto page = db.read([&](store::Unit& u) { return store::jobs::list(u, filter); });
    if (!page) throw CLI::RuntimeError(fail(page.status()));
    if (*json) {
      nlohmann::json out = nlohmann::json::array();
      for (const auto& j : page->items) out.push_back(job_json(j));
      std::cout << out.dump(2) << "\n";
      return;
    }
    if (page->items.empty()) {
      std::cout << "no jobs\n";
      return;
    }
    std::printf("%-6s %-24s %-10s %-5s %-20s  %s\n", "ID", "KIND", "STATUS", "TRIES", "RUN AFTER",
                "LAST ERROR");
    for (const auto& j : page->items) print_job_line(j);
  });
}

void add_enqueue(CLI::App* jobs, Context& ctx) {
  auto* cmd = jobs->add_subcommand("enqueue", "queue a job");
  auto input = std::make_shared<domain::JobInput>();
  auto run_after = std::make_shared<std::string>();
  auto unique_key = std::make_shared<std::string>();
  cmd->add_option("kind", input->kind, "the job kind, e.g. jobs.prune")->required();
  cmd->add_option("--payload", input->payload, "JSON payload (default {})");
  cmd->add_option("--run-after", *run_after, "not before this UTC time YYYY-MM-DDTHH:MM:SSZ");
  cmd->add_option("--max-attempts", input->max_attempts, "attempts before it fails (default 5)");
  cmd->add_option("--unique-key", *unique_key, "skip if an unfinished job has this key");
  cmd->callback([&ctx, input, run_after, unique_key] {
    if (!run_after->empty()) input->run_after = *run_after;
    if (!unique_key->empty()) input->unique_key = *unique_key;
    store::Database& db = job_current_database(ctx);
    auto job =
        db.write(ctx.actor(), [&](store::Unit& u) { return store::jobs::enqueue(u, *input); });
    if (!job) throw CLI::RuntimeError(fail(job.status()));
    std::cout << "job " << job->id << " (" << job->kind << ") " << domain::to_string(job->status)
              << "\n";
  });
}

void add_run_once(CLI::App* jobs, Context& ctx) {
  auto* cmd = jobs->add_subcommand(
      "run-once", "schedule today's daily jobs, run every due job, then exit (for cron)");
  cmd->callback([&ctx] {
    store::Database& db = job_current_database(ctx);
    engine::JobRegistry registry;
    register_job_kinds(registry);
    register_mail_job_kinds(registry, ctx);
    long long now = std::chrono::duration_cast<std::chrono::seconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
    auto scheduled = engine::enqueue_due_daily_jobs(db, daily_jobs(), now);
    if (!scheduled) throw CLI::RuntimeError(fail(scheduled.status()));
    std::string worker = engine::default_worker_id();
    int succeeded = 0;
    int failed = 0;
    for (;;) {
      auto ran = engine::run_one_job(db, registry, worker, 300);
      if (!ran) throw CLI::RuntimeError(fail(ran.status()));
      if (!ran->has_value()) break;
      const domain::Job& j = **ran;
      if (j.status == domain::JobStatus::kSucceeded) {
        ++succeeded;
      } else {
        ++failed;
        std::cout << "job " << j.id << " (" << j.kind << ") failed: " << j.last_error.value_or("")
                  << (j.status == domain::JobStatus::kQueued
                          ? " (will retry at " + j.run_after + ")"
                          : std::string())
                  << "\n";
      }
    }
    std::cout << "ran " << (succeeded + failed) << " job(s): " << succeeded << " succeeded, "
              << failed << " failed\n";
  });
}

void add_retry_cancel(CLI::App* jobs, Context& ctx) {
  auto retry_id = std::make_shared<long long>(0);
  auto* retry = jobs->add_subcommand("retry", "queue a failed or cancelled job again");
  retry->add_option("id", *retry_id, "job id")->required();
  retry->callback([&ctx, retry_id] {
    store::Database& db = job_current_database(ctx);
    auto job =
        db.write(ctx.actor(), [&](store::Unit& u) { return store::jobs::retry(u, *retry_id); });
    if (!job) throw CLI::RuntimeError(fail(job.status()));
    std::cout << "job " << job->id << " (" << job->kind << ") queued again\n";
  });
  auto cancel_id = std::make_shared<long long>(0);
  auto* cancel = jobs->add_subcommand("cancel", "cancel a queued or running job");
  cancel->add_option("id", *cancel_id, "job id")->required();
  cancel->callback([&ctx, cancel_id] {
    store::Database& db = job_current_database(ctx);
    auto job =
        db.write(ctx.actor(), [&](store::Unit& u) { return store::jobs::cancel(u, *cancel_id); });
    if (!job) throw CLI::RuntimeError(fail(job.status()));
    std::cout << "job " << job->id << " (" << job->kind << ") cancelled\n";
  });
}

}  // namespace

void add_jobs_command(CLI::App& app, Context& ctx) {
  auto* jobs = app.add_subcommand("jobs", "background jobs: list, enqueue, run, retry, cancel");
  jobs->require_subcommand(1);
  job_add_list(jobs, ctx);
  add_enqueue(jobs, ctx);
  add_run_once(jobs, ctx);
  add_retry_cancel(jobs, ctx);
}

}  // namespace steward::app
