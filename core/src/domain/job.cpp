#include "domain/job.hpp"

#include <chrono>
#include <cstdio>

#include <nlohmann/json.hpp>

#include "domain/date.hpp"

namespace steward::domain {

const char* to_string(JobStatus status) {
  switch (status) {
    case JobStatus::kQueued:
      return "queued";
    case JobStatus::kRunning:
      return "running";
    case JobStatus::kSucceeded:
      return "succeeded";
    case JobStatus::kFailed:
      return "failed";
    case JobStatus::kCancelled:
      return "cancelled";
  }
  return "queued";
}

Result<JobStatus> parse_job_status(std::string_view text, std::string_view field) {
  for (JobStatus s : {JobStatus::kQueued, JobStatus::kRunning, JobStatus::kSucceeded,
                      JobStatus::kFailed, JobStatus::kCancelled}) {
    if (text == to_string(s)) return s;
  }
  return Status::invalid_field(std::string(field),
                               "must be one of queued, running, succeeded, failed, cancelled");
}

bool is_finished(JobStatus status) {
  return status == JobStatus::kSucceeded || status == JobStatus::kFailed ||
         status == JobStatus::kCancelled;
}

Status validate(const JobInput& input) {
  if (input.kind.empty() || input.kind.size() > 100) {
    return Status::invalid_field("kind", "must be 1 to 100 characters");
  }
  for (char c : input.kind) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!ok) {
      return Status::invalid_field("kind",
                                   "may contain only lower-case letters, digits, '.', '_' and '-'");
    }
  }
  if (!nlohmann::json::accept(input.payload)) {
    return Status::invalid_field("payload", "must be valid JSON");
  }
  if (input.max_attempts < 1 || input.max_attempts > 100) {
    return Status::invalid_field("max_attempts", "must be between 1 and 100");
  }
  if (input.run_after && !parse_epoch(*input.run_after)) {
    return Status::invalid_field("run_after", "must be a UTC time YYYY-MM-DDTHH:MM:SSZ");
  }
  if (input.unique_key && (input.unique_key->empty() || input.unique_key->size() > 200)) {
    return Status::invalid_field("unique_key", "must be 1 to 200 characters");
  }
  return Status::ok();
}

long long retry_backoff_seconds(int attempts) {
  if (attempts < 1) attempts = 1;
  long long wait = 30;
  for (int i = 1; i < attempts; ++i) {
    wait *= 2;
    if (wait >= kMaxBackoffSeconds) return kMaxBackoffSeconds;
  }
  return wait;
}

std::optional<long long> parse_epoch(std::string_view iso) {
  if (iso.size() != 20 || iso[4] != '-' || iso[7] != '-' || iso[10] != 'T' || iso[13] != ':' ||
      iso[16] != ':' || iso[19] != 'Z') {
    return std::nullopt;
  }
  auto num = [&](std::size_t at, std::size_t len, int& out) {
    out = 0;
    for (std::size_t i = at; i < at + len; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return false;
      out = out * 10 + (iso[i] - '0');
    }
    return true;
  };
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (!num(0, 4, y) || !num(5, 2, mo) || !num(8, 2, d) || !num(11, 2, h) || !num(14, 2, mi) ||
      !num(17, 2, s)) {
    return std::nullopt;
  }
  if (h > 23 || mi > 59 || s > 60) return std::nullopt;
  auto date = Date::parse(std::string(iso.substr(0, 10)));
  if (!date) return std::nullopt;
  long long days = date->days().time_since_epoch().count();
  return days * 86400 + h * 3600 + mi * 60 + s;
}

std::string format_epoch(long long epoch_seconds) {
  long long days = epoch_seconds / 86400;
  long long rest = epoch_seconds % 86400;
  if (rest < 0) {
    rest += 86400;
    days -= 1;
  }
  Date date{std::chrono::sys_days{std::chrono::days{days}}};
  char buf[40];
  std::snprintf(buf, sizeof buf, "T%02lld:%02lld:%02lldZ", rest / 3600, (rest / 60) % 60,
                rest % 60);
  return date.to_string() + buf;
}

std::string add_seconds(std::string_view iso, long long seconds) {
  auto base = parse_epoch(iso);
  if (!base) base = parse_epoch(normalize_timestamp(iso));
  return format_epoch(base.value_or(0) + seconds);
}

}  // namespace steward::domain
