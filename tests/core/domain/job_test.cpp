#include "domain/job.hpp"

#include <gtest/gtest.h>

namespace steward::domain {
namespace {

TEST(JobDomain, InstantsRoundTripAndAddSecondsAcrossDaysAndLeapYears) {
  auto t = parse_epoch("2024-02-28T23:59:30Z");
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(format_epoch(*t), "2024-02-28T23:59:30Z");
  EXPECT_EQ(add_seconds("2024-02-28T23:59:30Z", 30), "2024-02-29T00:00:00Z");
  EXPECT_EQ(add_seconds("2025-01-01T00:00:00Z", -1), "2024-12-31T23:59:59Z");
  EXPECT_EQ(add_seconds("2025-01-01 00:00:10+00", 5), "2025-01-01T00:00:15Z");
  EXPECT_EQ(format_epoch(0), "1970-01-01T00:00:00Z");
  EXPECT_FALSE(parse_epoch("2025-02-30T00:00:00Z").has_value());
  EXPECT_FALSE(parse_epoch("2025-01-01 00:00:00").has_value());
  EXPECT_FALSE(parse_epoch("2025-01-01T24:00:00Z").has_value());
}

TEST(JobDomain, StatusNamesRoundTrip) {
  for (JobStatus s : {JobStatus::kQueued, JobStatus::kRunning, JobStatus::kSucceeded,
                      JobStatus::kFailed, JobStatus::kCancelled}) {
    auto back = parse_job_status(to_string(s));
    ASSERT_TRUE(back.is_ok());
    EXPECT_EQ(*back, s);
  }
  auto bad = parse_job_status("done", "--status");
  ASSERT_FALSE(bad.is_ok());
  EXPECT_EQ(bad.status().fields().at(0).field, "--status");
  EXPECT_TRUE(is_finished(JobStatus::kCancelled));
  EXPECT_FALSE(is_finished(JobStatus::kRunning));
}

TEST(JobDomain, ValidationNamesTheField) {
  JobInput in;
  in.kind = "recurring.process";
  EXPECT_TRUE(validate(in).is_ok());
  in.payload = R"({"note":"정기 후원"})";
  EXPECT_TRUE(validate(in).is_ok());
  in.kind = "";
  EXPECT_EQ(validate(in).fields().at(0).field, "kind");
  in.kind = "후원";
  EXPECT_EQ(validate(in).fields().at(0).field, "kind");
  in.kind = "ok";
  in.unique_key = "";
  EXPECT_EQ(validate(in).fields().at(0).field, "unique_key");
}

TEST(JobDomain, BackoffDoublesFromThirtySeconds) {
  EXPECT_EQ(retry_backoff_seconds(0), 30);
  EXPECT_EQ(retry_backoff_seconds(3), 120);
  EXPECT_EQ(retry_backoff_seconds(10), 15360);
  EXPECT_EQ(retry_backoff_seconds(11), kMaxBackoffSeconds);
}

}  // namespace
}  // namespace steward::domain
