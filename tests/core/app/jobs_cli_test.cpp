// `steward jobs ...` run through the real binary, and the jobs.prune kind.

#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "app/job_kinds.hpp"
#include "domain/date.hpp"
#include "store/job_repository.hpp"
#include "support/cli_runner.hpp"
#include "support/test_database.hpp"

namespace {

using steward::testing::CliRun;

class JobsCliTest : public steward::testing::CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    ASSERT_NO_FATAL_FAILURE(migrate());
  }
};

TEST_F(JobsCliTest, EnqueueRunOnceAndListAsJson) {
  CliRun queued = steward_db("jobs enqueue jobs.prune --payload '{\"older_than_days\": 7}'");
  ASSERT_EQ(queued.exit_code, 0) << queued.output;
  EXPECT_NE(queued.output.find("job 1 (jobs.prune) queued"), std::string::npos) << queued.output;
  CliRun ran = steward_db("jobs run-once");
  ASSERT_EQ(ran.exit_code, 0) << ran.output;
  // The daily jobs.prune is scheduled too once 03:30 UTC has passed, so 1 or 2 jobs ran.
  EXPECT_NE(ran.output.find("0 failed"), std::string::npos) << ran.output;
  CliRun list = steward_db_stdout("jobs list --json");
  ASSERT_EQ(list.exit_code, 0) << list.output;
  auto json = nlohmann::json::parse(list.output);
  ASSERT_TRUE(json.is_array());
  ASSERT_GE(json.size(), 1u);
  EXPECT_EQ(json.back()["id"], 1);
  EXPECT_EQ(json.back()["status"], "succeeded");
  EXPECT_EQ(json.back()["payload"]["older_than_days"], 7);
  CliRun none = steward_db("jobs run-once");
  EXPECT_NE(none.output.find("ran 0 job(s)"), std::string::npos) << none.output;
}

TEST_F(JobsCliTest, UnknownKindsFailAndCanBeRetriedOrCancelled) {
  ASSERT_EQ(steward_db("jobs enqueue no.such.kind --max-attempts 1").exit_code, 0);
  CliRun ran = steward_db("jobs run-once");
  EXPECT_EQ(ran.exit_code, 0) << ran.output;
  EXPECT_NE(ran.output.find("no handler is registered for job kind 'no.such.kind'"),
            std::string::npos)
      << ran.output;
  CliRun failed = steward_db("jobs list --status failed");
  EXPECT_NE(failed.output.find("no.such.kind"), std::string::npos) << failed.output;
  CliRun retry = steward_db("jobs retry 1");
  EXPECT_EQ(retry.exit_code, 0) << retry.output;
  CliRun cancel = steward_db("jobs cancel 1");
  EXPECT_EQ(cancel.exit_code, 0) << cancel.output;
  CliRun again = steward_db("jobs cancel 1");
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.output.find("already been cancelled"), std::string::npos) << again.output;
  CliRun missing = steward_db("jobs retry 42");
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.output.find("job 42 does not exist"), std::string::npos);
}

TEST_F(JobsCliTest, BadInputNamesTheField) {
  CliRun bad = steward_db("jobs enqueue jobs.prune --payload '{oops'");
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_NE(bad.output.find("payload"), std::string::npos) << bad.output;
  CliRun status = steward_db("jobs list --status done");
  EXPECT_EQ(status.exit_code, 1);
  EXPECT_NE(status.output.find("--status"), std::string::npos) << status.output;
  CliRun list = steward_db("jobs list");
  EXPECT_NE(list.output.find("no jobs"), std::string::npos) << list.output;
}

class PruneKindTest : public steward::testing::DatabaseTest {};

TEST_P(PruneKindTest, PrunesFinishedJobsOlderThanThePayloadSays) {
  using namespace steward;
  domain::JobInput in;
  in.kind = "x";
  auto old_job = db().write(actor(), [&](store::Unit& u) { return store::jobs::enqueue(u, in); });
  ASSERT_TRUE(old_job.is_ok());
  ASSERT_TRUE(
      db().write(actor(), [&](store::Unit& u) { return store::jobs::cancel(u, old_job->id); }));
  // Pretend it finished 10 days ago.
  std::string ten_days_ago = domain::add_seconds(domain::utc_now_iso(), -10 * 86400);
  ASSERT_TRUE(db().write(actor(), [&](store::Unit& u) -> Status {
    u.sql() << "UPDATE jobs SET finished_at = :t WHERE id = :id", soci::use(ten_days_ago),
        soci::use(old_job->id);
    return Status::ok();
  }));
  domain::Job job;
  job.kind = "jobs.prune";
  job.payload = R"({"older_than_days": 30})";
  ASSERT_TRUE(app::prune_jobs_handler(db(), job));
  EXPECT_EQ(steward::testing::query_int(db(), "SELECT COUNT(*) FROM jobs"), 1);
  job.payload = R"({"older_than_days": 7})";
  ASSERT_TRUE(app::prune_jobs_handler(db(), job));
  EXPECT_EQ(steward::testing::query_int(db(), "SELECT COUNT(*) FROM jobs"), 0);
  job.payload = R"({"older_than_days": "soon"})";
  Status bad = app::prune_jobs_handler(db(), job);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.fields().at(0).field, "payload.older_than_days");
  engine::JobRegistry registry;
  app::register_job_kinds(registry);
  EXPECT_NE(registry.find("jobs.prune"), nullptr);
  EXPECT_FALSE(app::daily_jobs().empty());
}

STEWARD_INSTANTIATE_DATABASE_TEST(PruneKindTest);

}  // namespace
