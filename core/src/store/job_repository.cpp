#include "store/job_repository.hpp"

#include <nlohmann/json.hpp>

#include "domain/date.hpp"
#include "store/audit.hpp"
#include "store/row_reader.hpp"
#include "store/soci_optional.hpp"

namespace steward::store::jobs {
namespace {

const char* kJobColumns =
    "id, kind, payload, status, attempts, max_attempts, run_after, unique_key, locked_by, "
    "locked_until, last_error, result, created_at, updated_at, finished_at";

domain::Job job_from_row(const soci::row& row) {
  RowReader r(row);
  domain::Job j;
  j.id = r.integer();
  j.kind = r.text();
  j.payload = r.text();
  auto status = domain::parse_job_status(r.text());
  j.status = status ? *status : domain::JobStatus::kQueued;
  j.attempts = static_cast<int>(r.integer());
  j.max_attempts = static_cast<int>(r.integer());
  j.run_after = r.timestamp();
  j.unique_key = r.opt_text();
  j.locked_by = r.opt_text();
  j.locked_until = r.opt_timestamp();
  j.last_error = r.opt_text();
  j.result = r.opt_text();
  j.created_at = r.timestamp();
  j.updated_at = r.timestamp();
  j.finished_at = r.opt_timestamp();
  return j;
}

nlohmann::json job_to_json(const domain::Job& j) {
  nlohmann::json out = {{"id", j.id},
                        {"kind", j.kind},
                        {"status", domain::to_string(j.status)},
                        {"attempts", j.attempts},
                        {"max_attempts", j.max_attempts},
                        {"run_after", j.run_after}};
  if (j.unique_key) out["unique_key"] = *j.unique_key;
  return out;
}

Status not_running(const domain::Job& j) {
  return Status::conflict("job " + std::to_string(j.id) + " is " + domain::to_string(j.status) +
                          ", not running");
}

}  // namespace

Result<domain::Job> get(Unit& unit, long long id) {
  soci::row row;
  unit.sql() << "SELECT " + std::string(kJobColumns) + " FROM jobs WHERE id = :id", soci::use(id),
      soci::into(row);
  if (!unit.sql().got_data())
    return Status::not_found("job " + std::to_string(id) + " does not exist");
  return job_from_row(row);
}

Result<domain::Job> enqueue(Unit& unit, const domain::JobInput& input) {
  if (Status s = domain::validate(input); !s) return s;
  if (input.unique_key) {
    long long existing = 0;
    soci::indicator ind = soci::i_null;
    unit.sql() << "SELECT id FROM jobs WHERE unique_key = :key AND status IN ('queued', "
                  "'running') ORDER BY id LIMIT 1",
        soci::use(*input.unique_key), soci::into(existing, ind);
    if (unit.sql().got_data() && ind == soci::i_ok) return get(unit, existing);
  }
  std::string now = domain::utc_now_iso();
  std::string run_after = input.run_after.value_or(now);
  long long id = 0;
  unit.sql() << "INSERT INTO jobs (kind, payload, status, attempts, max_attempts, run_after, "
                "unique_key, created_at, updated_at) VALUES (:kind, :payload, 'queued', 0, :max, "
                ":run_after, :unique_key, :created, :updated) RETURNING id",
      soci::use(input.kind), soci::use(input.payload), soci::use(input.max_attempts),
      soci::use(run_after), soci::use(input.unique_key), soci::use(now), soci::use(now),
      soci::into(id);
  auto created = get(unit, id);
  if (created) record_audit(unit, "create", "job", id, nullptr, job_to_json(*created));
  return created;
}

Result<std::optional<domain::Job>> claim(Unit& unit, const std::string& worker_id,
                                         const std::string& now, long long lease_seconds) {
  if (worker_id.empty()) return Status::invalid_field("worker_id", "must not be empty");
  if (lease_seconds < 1) return Status::invalid_field("lease", "must be at least one second");
  std::string until = domain::add_seconds(now, lease_seconds);
  std::string pick =
      "SELECT id FROM jobs WHERE status = 'queued' AND run_after <= :due "
      "ORDER BY run_after, id LIMIT 1";
  if (unit.is_postgresql()) pick += " FOR UPDATE SKIP LOCKED";
  long long id = 0;
  soci::indicator ind = soci::i_null;
  unit.sql() << "UPDATE jobs SET status = 'running', attempts = attempts + 1, "
                "locked_by = :worker, locked_until = :until, updated_at = :now "
                "WHERE id = (" +
                    pick + ") RETURNING id",
      soci::use(worker_id), soci::use(until), soci::use(now), soci::use(now), soci::into(id, ind);
  if (!unit.sql().got_data() || ind != soci::i_ok) return std::optional<domain::Job>{};
  auto job = get(unit, id);
  if (!job) return job.status();
  return std::optional<domain::Job>{std::move(*job)};
}

Result<domain::Job> complete(Unit& unit, long long id, const std::optional<std::string>& result) {
  auto job = get(unit, id);
  if (!job) return job;
  if (job->status != domain::JobStatus::kRunning) return not_running(*job);
  std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE jobs SET status = 'succeeded', result = :result, locked_by = NULL, "
                "locked_until = NULL, updated_at = :now, finished_at = :finished WHERE id = :id",
      soci::use(result), soci::use(now), soci::use(now), soci::use(id);
  return get(unit, id);
}

Result<domain::Job> fail(Unit& unit, long long id, const std::string& error) {
  auto job = get(unit, id);
  if (!job) return job;
  if (job->status != domain::JobStatus::kRunning) return not_running(*job);
  std::string now = domain::utc_now_iso();
  std::string message = error.empty() ? "failed without a message" : error;
  if (job->attempts >= job->max_attempts) {
    unit.sql() << "UPDATE jobs SET status = 'failed', last_error = :error, locked_by = NULL, "
                  "locked_until = NULL, updated_at = :now, finished_at = :finished WHERE id = :id",
        soci::use(message), soci::use(now), soci::use(now), soci::use(id);
  } else {
    std::string again = domain::add_seconds(now, domain::retry_backoff_seconds(job->attempts));
    unit.sql() << "UPDATE jobs SET status = 'queued', last_error = :error, run_after = :again, "
                  "locked_by = NULL, locked_until = NULL, updated_at = :now WHERE id = :id",
        soci::use(message), soci::use(again), soci::use(now), soci::use(id);
  }
  return get(unit, id);
}

Result<int> requeue_expired(Unit& unit, const std::string& now) {
  const std::string error = "lease expired: the worker stopped before finishing the job";
  soci::statement out_of_attempts =
      (unit.sql().prepare << "UPDATE jobs SET status = 'failed', last_error = :error, "
                             "locked_by = NULL, locked_until = NULL, updated_at = :now, "
                             "finished_at = :finished WHERE status = 'running' AND "
                             "locked_until < :due AND attempts >= max_attempts",
       soci::use(error), soci::use(now), soci::use(now), soci::use(now));
  out_of_attempts.execute(true);
  long long failed = out_of_attempts.get_affected_rows();
  soci::statement again =
      (unit.sql().prepare << "UPDATE jobs SET status = 'queued', last_error = :error, "
                             "run_after = :run_after, locked_by = NULL, locked_until = NULL, "
                             "updated_at = :now WHERE status = 'running' AND locked_until < :due",
       soci::use(error), soci::use(now), soci::use(now), soci::use(now));
  again.execute(true);
  return static_cast<int>(failed + again.get_affected_rows());
}

Result<domain::Job> cancel(Unit& unit, long long id) {
  auto before = get(unit, id);
  if (!before) return before;
  if (domain::is_finished(before->status)) {
    return Status::conflict("job " + std::to_string(id) + " has already " +
                            (before->status == domain::JobStatus::kCancelled
                                 ? std::string("been cancelled")
                                 : std::string(domain::to_string(before->status))));
  }
  std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE jobs SET status = 'cancelled', locked_by = NULL, locked_until = NULL, "
                "updated_at = :now, finished_at = :finished WHERE id = :id",
      soci::use(now), soci::use(now), soci::use(id);
  auto after = get(unit, id);
  if (after) record_audit(unit, "cancel", "job", id, job_to_json(*before), job_to_json(*after));
  return after;
}

Result<domain::Job> retry(Unit& unit, long long id) {
  auto before = get(unit, id);
  if (!before) return before;
  if (before->status != domain::JobStatus::kFailed &&
      before->status != domain::JobStatus::kCancelled) {
    return Status::conflict("job " + std::to_string(id) + " is " +
                            domain::to_string(before->status) +
                            "; only failed or cancelled jobs can be retried");
  }
  if (before->unique_key) {
    long long holders = 0;
    unit.sql() << "SELECT COUNT(*) FROM jobs WHERE unique_key = :key AND status IN ('queued', "
                  "'running')",
        soci::use(*before->unique_key), soci::into(holders);
    if (holders > 0) {
      return Status::conflict("another unfinished job already has unique key '" +
                              *before->unique_key + "'");
    }
  }
  std::string now = domain::utc_now_iso();
  unit.sql() << "UPDATE jobs SET status = 'queued', attempts = 0, run_after = :run_after, "
                "locked_by = NULL, locked_until = NULL, updated_at = :now, finished_at = NULL "
                "WHERE id = :id",
      soci::use(now), soci::use(now), soci::use(id);
  auto after = get(unit, id);
  if (after) record_audit(unit, "retry", "job", id, job_to_json(*before), job_to_json(*after));
  return after;
}

Result<bool> exists_with_key(Unit& unit, const std::string& unique_key) {
  long long n = 0;
  unit.sql() << "SELECT COUNT(*) FROM jobs WHERE unique_key = :key", soci::use(unique_key),
      soci::into(n);
  return n > 0;
}

Result<long long> prune(Unit& unit, const std::string& cutoff) {
  if (!domain::parse_epoch(cutoff)) {
    return Status::invalid_field("cutoff", "must be a UTC time YYYY-MM-DDTHH:MM:SSZ");
  }
  soci::statement st =
      (unit.sql().prepare << "DELETE FROM jobs WHERE status IN ('succeeded', 'failed', "
                             "'cancelled') AND finished_at < :cutoff",
       soci::use(cutoff));
  st.execute(true);
  long long deleted = st.get_affected_rows();
  if (deleted > 0) {
    record_audit(unit, "prune", "job", 0, nullptr,
                 nlohmann::json{{"finished_before", cutoff}, {"deleted", deleted}});
  }
  return deleted;
}

Result<Page<domain::Job>> list(Unit& unit, const ListFilter& filter) {
  int limit = clamp_limit(filter.page.limit);
  int fetch = limit + 1;
  std::string status = filter.status ? domain::to_string(*filter.status) : "";
  std::string kind = filter.kind.value_or("");
  int has_status = filter.status ? 1 : 0;
  int has_kind = filter.kind ? 1 : 0;
  long long after_id = filter.page.after_id;
  int has_cursor = after_id > 0 ? 1 : 0;
  soci::rowset<soci::row> rows =
      (unit.sql().prepare << "SELECT " + std::string(kJobColumns) +
                                 " FROM jobs WHERE (:has_status = 0 OR status = :status) "
                                 "AND (:has_kind = 0 OR kind = :kind) "
                                 "AND (:has_cursor = 0 OR id < :after_id) "
                                 "ORDER BY id DESC LIMIT :fetch",
       soci::use(has_status), soci::use(status), soci::use(has_kind), soci::use(kind),
       soci::use(has_cursor), soci::use(after_id), soci::use(fetch));
  Page<domain::Job> page;
  for (const soci::row& r : rows) page.items.push_back(job_from_row(r));
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_after_id = page.items.back().id;
  }
  return page;
}

}  // namespace steward::store::jobs
