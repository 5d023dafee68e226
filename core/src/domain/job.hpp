// A background job: a unit of work (kind + JSON payload) that a worker runs outside a request,
// with retries and exponential backoff. See docs/jobs.md. Pure values and functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "steward/sdk/result.hpp"

namespace steward::domain {

enum class JobStatus { kQueued, kRunning, kSucceeded, kFailed, kCancelled };

const char* to_string(JobStatus status);
// "queued", "running", ... ; anything else is an error naming `field`.
Result<JobStatus> parse_job_status(std::string_view text, std::string_view field = "status");
// Succeeded, failed and cancelled jobs are finished; queued and running ones are not.
bool is_finished(JobStatus status);

// What a caller supplies to enqueue a job.
struct JobInput {
  std::string kind;            // "jobs.prune", "recurring.process": [a-z0-9_.-], 1..100 chars
  std::string payload = "{}";  // a JSON value (usually an object)
  std::optional<std::string> run_after;   // UTC "YYYY-MM-DDTHH:MM:SSZ"; none = now
  int max_attempts = 5;                   // 1..100
  std::optional<std::string> unique_key;  // one unfinished job per key
};

struct Job {
  long long id = 0;
  std::string kind;
  std::string payload;
  JobStatus status = JobStatus::kQueued;
  int attempts = 0;  // how many times a worker has claimed it
  int max_attempts = 5;
  std::string run_after;
  std::optional<std::string> unique_key;
  std::optional<std::string> locked_by;
  std::optional<std::string> locked_until;
  std::optional<std::string> last_error;
  std::optional<std::string> result;
  std::string created_at;
  std::string updated_at;
  std::optional<std::string> finished_at;
};

// Checks a job before it is enqueued; the error names the field at fault.
Status validate(const JobInput& input);

// The wait before retrying after the attempts-th failed attempt: 30 s * 2^(attempts-1), capped
// at 6 hours (30 s, 1 min, 2 min, 4 min, ...).
long long retry_backoff_seconds(int attempts);
inline constexpr long long kMaxBackoffSeconds = 6 * 60 * 60;

// UTC instant arithmetic on "YYYY-MM-DDTHH:MM:SSZ" text (the form the database stores).
// Seconds since the epoch; std::nullopt when `iso` is not such a timestamp.
std::optional<long long> parse_epoch(std::string_view iso);
std::string format_epoch(long long epoch_seconds);
// `iso` + seconds; the input must be a valid instant (normalised with normalize_timestamp).
std::string add_seconds(std::string_view iso, long long seconds);

}  // namespace steward::domain
