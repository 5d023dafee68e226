// Running background jobs: a registry of handlers by kind, a worker thread that claims and runs
// due jobs, and a daily scheduler that enqueues recurring kinds once per UTC day.
// See docs/jobs.md.
//
// Thread-safety: register every kind before starting a worker; after that the registry is only
// read and may be shared by any number of workers. JobWorker's start()/stop() are called from one
// owning thread.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "domain/job.hpp"
#include "store/database.hpp"

namespace steward::engine {

// Runs one job. A non-ok Status or an exception fails the attempt with its message; the job is
// retried with backoff until max_attempts. A handler opens its own units of work on `db`.
using JobHandler = std::function<Status(store::Database& db, const domain::Job& job)>;

class JobRegistry {
 public:
  // Registers (or replaces) the handler of `kind`.
  void add(const std::string& kind, JobHandler handler);
  // nullptr when `kind` was never registered.
  const JobHandler* find(const std::string& kind) const;
  std::vector<std::string> kinds() const;

 private:
  std::map<std::string, JobHandler> handlers_;
};

// A kind enqueued once per UTC day at or after hour:minute, with unique_key "<kind>:<YYYY-MM-DD>".
struct DailyJob {
  std::string kind;
  int hour = 2;  // UTC
  int minute = 0;
  std::string payload = "{}";
  int max_attempts = 5;
};

// Enqueues each daily job whose time of day has passed today (UTC) and that has no job with
// today's unique key yet, whatever that job's status (so a run that failed or was cancelled today
// is not repeated automatically). `now` is seconds since the epoch. Returns how many it enqueued.
Result<int> enqueue_due_daily_jobs(store::Database& db, const std::vector<DailyJob>& daily,
                                   long long now);
// The unique key of `kind`'s run on the day containing `now` (epoch seconds).
std::string daily_unique_key(const std::string& kind, long long now);

struct WorkerOptions {
  std::string worker_id;  // default: "<hostname>:<pid>"
  std::chrono::milliseconds poll_interval{1000};
  long long lease_seconds = 300;
  std::vector<DailyJob> daily;  // scheduled at start-up and then every scheduler_interval
  std::chrono::milliseconds scheduler_interval{60000};
};

// Claims one due job (after requeueing jobs with expired leases), runs it and records the
// outcome. Returns the finished or rescheduled job, or std::nullopt when none was due.
Result<std::optional<domain::Job>> run_one_job(store::Database& db, const JobRegistry& registry,
                                               const std::string& worker_id,
                                               long long lease_seconds);

// Runs jobs on its own thread until stop(). stop() lets the current job finish.
class JobWorker {
 public:
  JobWorker(store::Database& db, const JobRegistry& registry, WorkerOptions options);
  ~JobWorker();  // stops
  JobWorker(const JobWorker&) = delete;
  JobWorker& operator=(const JobWorker&) = delete;

  void start();
  void stop();
  // Wakes the worker now instead of at the next poll (e.g. after enqueueing).
  void wake();
  const std::string& worker_id() const { return options_.worker_id; }
  long long jobs_run() const { return jobs_run_.load(); }

 private:
  void loop();

  store::Database& db_;
  const JobRegistry& registry_;
  WorkerOptions options_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool stopping_ = false;
  bool woken_ = false;
  std::atomic<long long> jobs_run_{0};
};

// "<hostname>:<pid>".
std::string default_worker_id();

}  // namespace steward::engine
