// Background jobs in the database (store::jobs). Every function runs inside the caller's unit of
// work. Operator actions (enqueue, cancel, retry, prune) are audited; the worker's own state
// transitions (claim, complete, fail, lease expiry) are not: the jobs row is their record
// (docs/decisions/0050-jobs-table-and-claiming.md).
//
// Claiming is atomic on both backends: PostgreSQL picks the row with FOR UPDATE SKIP LOCKED, so
// concurrent workers claim different jobs without waiting; SQLite has one writer at a time and
// claims with a single UPDATE ... WHERE id = (SELECT ... LIMIT 1) RETURNING id.
#pragma once

#include <optional>
#include <string>

#include "domain/job.hpp"
#include "store/database.hpp"
#include "store/page.hpp"

namespace steward::store::jobs {

// Enqueues a job. When input.unique_key is set and a queued or running job already has it, that
// job is returned and nothing is written. Errors: kInvalid (names the field).
Result<domain::Job> enqueue(Unit& unit, const domain::JobInput& input);

// Errors: kNotFound.
Result<domain::Job> get(Unit& unit, long long id);

// Claims the oldest queued job due at `now` (UTC ISO): status running, attempts + 1, locked by
// `worker_id` until now + lease_seconds. std::nullopt when no job is due.
Result<std::optional<domain::Job>> claim(Unit& unit, const std::string& worker_id,
                                         const std::string& now, long long lease_seconds);

// A running job finished: status succeeded. Errors: kNotFound, kConflict when it is no longer
// running (cancelled meanwhile, or its lease expired and it was requeued).
Result<domain::Job> complete(Unit& unit, long long id, const std::optional<std::string>& result);

// A running job's attempt failed with `error`: queued again after retry_backoff_seconds(attempts)
// or, after max_attempts attempts, status failed. Errors as complete().
Result<domain::Job> fail(Unit& unit, long long id, const std::string& error);

// Running jobs whose lease ended before `now` (their worker died) count the attempt as failed
// ("lease expired") and are queued again now, or failed when out of attempts. Returns how many.
Result<int> requeue_expired(Unit& unit, const std::string& now);

// Cancels a queued or running job (a running handler is not interrupted; its result is
// discarded). Errors: kNotFound, kConflict when it has already finished.
Result<domain::Job> cancel(Unit& unit, long long id);

// Queues a failed or cancelled job again now with a fresh set of attempts. Errors: kNotFound,
// kConflict when it is not failed/cancelled or another unfinished job holds its unique_key.
Result<domain::Job> retry(Unit& unit, long long id);

// Whether any job (whatever its status) ever had `unique_key`.
Result<bool> exists_with_key(Unit& unit, const std::string& unique_key);

// Deletes finished jobs whose finished_at is before `cutoff` (UTC ISO). Returns how many.
Result<long long> prune(Unit& unit, const std::string& cutoff);

struct ListFilter {
  std::optional<domain::JobStatus> status;
  std::optional<std::string> kind;
  PageRequest page;
};
// Newest first (id descending); page.after_id continues below that id.
Result<Page<domain::Job>> list(Unit& unit, const ListFilter& filter);

}  // namespace steward::store::jobs
