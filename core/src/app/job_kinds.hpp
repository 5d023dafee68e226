// The job kinds this build knows, and the ones it schedules daily. This is the one place where
// kinds are registered: add a handler here (and, for a daily kind, a DailyJob) when a module
// needs background work, e.g. "recurring.process" (daily).
//
//   jobs.prune   payload {"older_than_days": 30}: deletes finished jobs older than that.
//                Daily at 03:30 UTC.
#pragma once

#include <vector>

#include "engine/job_worker.hpp"

namespace steward::app {

void register_job_kinds(engine::JobRegistry& registry);
std::vector<engine::DailyJob> daily_jobs();

// jobs.prune's handler (exposed for tests).
Status prune_jobs_handler(store::Database& db, const domain::Job& job);

}  // namespace steward::app
