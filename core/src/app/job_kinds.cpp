#include "app/job_kinds.hpp"

#include <chrono>

#include <spdlog/spdlog.h>
#include <nlohmann/json.hpp>

#include "domain/date.hpp"
#include "engine/import_job.hpp"
#include "engine/recurring_processor.hpp"
#include "store/job_repository.hpp"

namespace steward::app {

Status prune_jobs_handler(store::Database& db, const domain::Job& job) {
  nlohmann::json payload = nlohmann::json::parse(job.payload, nullptr, false);
  long long days = 30;
  if (payload.is_object() && payload.contains("older_than_days")) {
    const auto& v = payload["older_than_days"];
    if (!v.is_number_integer() || v.get<long long>() < 1) {
      return Status::invalid_field("payload.older_than_days",
                                   "must be a whole number of days >= 1");
    }
    days = v.get<long long>();
  }
  std::string cutoff = domain::add_seconds(domain::utc_now_iso(), -days * 86400);
  static const store::Actor actor{"system:jobs", ""};
  auto deleted = db.write(actor, [&](store::Unit& u) { return store::jobs::prune(u, cutoff); });
  if (!deleted) return deleted.status();
  spdlog::info("jobs.prune: deleted {} finished job(s) older than {} day(s)", *deleted, days);
  return Status::ok();
}

// Moves recurring plans through their lifecycle for today (engine/recurring_processor.hpp).
// Idempotent, so a retried or doubled run changes nothing the second time.
Status recurring_process_handler(store::Database& db, const domain::Job&) {
  static const store::Actor actor{"system:jobs", ""};
  auto report =
      db.write(actor, [](store::Unit& u) { return engine::process(u, domain::Date::today()); });
  if (!report) return report.status();
  spdlog::info("recurring.process: {} plan(s) examined, {} transition(s)", report->plans_examined,
               report->transitions.size());
  return Status::ok();
}

void register_job_kinds(engine::JobRegistry& registry) {
  registry.add("jobs.prune", prune_jobs_handler);
  registry.add("recurring.process", recurring_process_handler);
  registry.add(engine::imports::kCommitJobKind, engine::imports::import_commit_job);
}

std::vector<engine::DailyJob> daily_jobs() {
  std::vector<engine::DailyJob> daily;
  engine::DailyJob prune;
  prune.kind = "jobs.prune";
  prune.hour = 3;
  prune.minute = 30;
  prune.payload = R"({"older_than_days":30})";
  daily.push_back(prune);
  engine::DailyJob recurring;
  recurring.kind = "recurring.process";
  recurring.hour = 6;  // early morning UTC: before the office opens in the Americas
  recurring.minute = 0;
  recurring.payload = "{}";
  daily.push_back(recurring);
  return daily;
}

}  // namespace steward::app
