#include "engine/job_worker.hpp"

#include <unistd.h>

#include <exception>

#include <spdlog/spdlog.h>

#include "domain/date.hpp"
#include "store/job_repository.hpp"

namespace steward::engine {
namespace {

const store::Actor& worker_actor() {
  static const store::Actor actor{"system:jobs", ""};
  return actor;
}

long long epoch_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Runs the handler; an exception becomes a failure carrying its message.
Status run_handler(store::Database& db, const JobRegistry& registry, const domain::Job& job) {
  const JobHandler* handler = registry.find(job.kind);
  if (!handler) {
    return Status::not_found("no handler is registered for job kind '" + job.kind + "'");
  }
  try {
    return (*handler)(db, job);
  } catch (const std::exception& e) {
    return Status::internal(std::string("the handler threw: ") + e.what());
  } catch (...) {
    return Status::internal("the handler threw a non-standard exception");
  }
}

}  // namespace

void JobRegistry::add(const std::string& kind, JobHandler handler) {
  handlers_[kind] = std::move(handler);
}

const JobHandler* JobRegistry::find(const std::string& kind) const {
  auto it = handlers_.find(kind);
  return it == handlers_.end() ? nullptr : &it->second;
}

std::vector<std::string> JobRegistry::kinds() const {
  std::vector<std::string> out;
  for (const auto& [kind, handler] : handlers_) out.push_back(kind);
  return out;
}

std::string daily_unique_key(const std::string& kind, long long now) {
  return kind + ":" + domain::format_epoch(now).substr(0, 10);
}

Result<int> enqueue_due_daily_jobs(store::Database& db, const std::vector<DailyJob>& daily,
                                   long long now) {
  int enqueued = 0;
  long long seconds_today = ((now % 86400) + 86400) % 86400;
  for (const DailyJob& d : daily) {
    if (seconds_today < d.hour * 3600LL + d.minute * 60LL) continue;
    std::string key = daily_unique_key(d.kind, now);
    auto done = db.write(worker_actor(), [&](store::Unit& u) -> Result<bool> {
      auto exists = store::jobs::exists_with_key(u, key);
      if (!exists) return exists.status();
      if (*exists) return false;
      domain::JobInput in;
      in.kind = d.kind;
      in.payload = d.payload;
      in.max_attempts = d.max_attempts;
      in.unique_key = key;
      in.run_after = domain::format_epoch(now);
      auto job = store::jobs::enqueue(u, in);
      if (!job) return job.status();
      return true;
    });
    if (!done) return done.status();
    if (*done) {
      spdlog::info("scheduled daily job {} ({})", d.kind, key);
      ++enqueued;
    }
  }
  return enqueued;
}

Result<std::optional<domain::Job>> run_one_job(store::Database& db, const JobRegistry& registry,
                                               const std::string& worker_id,
                                               long long lease_seconds) {
  std::string now = domain::utc_now_iso();
  auto claimed =
      db.write(worker_actor(), [&](store::Unit& u) -> Result<std::optional<domain::Job>> {
        auto requeued = store::jobs::requeue_expired(u, now);
        if (!requeued) return requeued.status();
        if (*requeued > 0) spdlog::warn("requeued {} job(s) whose worker stopped", *requeued);
        return store::jobs::claim(u, worker_id, now, lease_seconds);
      });
  if (!claimed) return claimed.status();
  if (!claimed->has_value()) return std::optional<domain::Job>{};
  const domain::Job job = **claimed;
  spdlog::info("job {} ({}) attempt {}/{} started", job.id, job.kind, job.attempts,
               job.max_attempts);
  Status outcome = run_handler(db, registry, job);
  auto recorded = db.write(worker_actor(), [&](store::Unit& u) -> Result<domain::Job> {
    if (outcome) return store::jobs::complete(u, job.id, std::nullopt);
    return store::jobs::fail(u, job.id, outcome.message());
  });
  if (!recorded) {
    // Cancelled while running, or the lease expired: the job row already says so.
    spdlog::warn("job {} ({}): outcome not recorded: {}", job.id, job.kind,
                 recorded.status().message());
    return std::optional<domain::Job>{job};
  }
  if (outcome) {
    spdlog::info("job {} ({}) succeeded", job.id, job.kind);
  } else {
    spdlog::warn("job {} ({}) attempt {} failed: {} -> {}", job.id, job.kind, job.attempts,
                 outcome.message(), domain::to_string(recorded->status));
  }
  return std::optional<domain::Job>{*recorded};
}

std::string default_worker_id() {
  char host[256] = {0};
  if (gethostname(host, sizeof host - 1) != 0) host[0] = '\0';
  return std::string(host[0] ? host : "localhost") + ":" + std::to_string(getpid());
}

JobWorker::JobWorker(store::Database& db, const JobRegistry& registry, WorkerOptions options)
    : db_(db), registry_(registry), options_(std::move(options)) {
  if (options_.worker_id.empty()) options_.worker_id = default_worker_id();
  if (options_.poll_interval.count() < 1) options_.poll_interval = std::chrono::milliseconds(1);
}

JobWorker::~JobWorker() { stop(); }

void JobWorker::start() {
  if (thread_.joinable()) return;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = false;
  }
  thread_ = std::thread([this] { loop(); });
}

void JobWorker::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void JobWorker::wake() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    woken_ = true;
  }
  cv_.notify_all();
}

void JobWorker::loop() {
  spdlog::info("job worker {} started", options_.worker_id);
  auto next_schedule = std::chrono::steady_clock::now();
  for (;;) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (stopping_) break;
    }
    if (!options_.daily.empty() && std::chrono::steady_clock::now() >= next_schedule) {
      auto scheduled = enqueue_due_daily_jobs(db_, options_.daily, epoch_now());
      if (!scheduled) spdlog::error("daily scheduler: {}", scheduled.status().message());
      next_schedule = std::chrono::steady_clock::now() + options_.scheduler_interval;
    }
    auto ran = run_one_job(db_, registry_, options_.worker_id, options_.lease_seconds);
    if (!ran) spdlog::error("job worker: {}", ran.status().message());
    bool busy = ran && ran->has_value();
    if (busy) {
      ++jobs_run_;
      continue;  // look for the next due job straight away
    }
    std::unique_lock<std::mutex> lock(mutex_);
    cv_.wait_for(lock, options_.poll_interval, [this] { return stopping_ || woken_; });
    woken_ = false;
  }
  spdlog::info("job worker {} stopped", options_.worker_id);
}

}  // namespace steward::engine
