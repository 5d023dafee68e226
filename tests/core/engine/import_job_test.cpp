// The "import.commit" job kind: a staged import committed by the job worker, and a retried job
// that finds the import finished changes nothing.
#include "engine/import_job.hpp"
#include "engine/job_worker.hpp"
#include "import_support.hpp"

namespace steward {
namespace {

using testing::pay;

class ImportJobTest : public testing::ImportTest {};

TEST_P(ImportJobTest, TheWorkerCommitsAQueuedImport) {
  auto preview = stage({pay("ch_1", 100, "A Person", "a@example.org"),
                        pay("ch_2", 200, "B Person", "b@example.org")});
  ASSERT_TRUE(preview) << preview.status().to_string();
  auto job = db().write(actor(), [&](store::Unit& u) {
    return engine::imports::enqueue_commit(u, preview->import_id);
  });
  ASSERT_TRUE(job) << job.status().to_string();
  EXPECT_EQ(job->kind, "import.commit");
  engine::JobRegistry registry;
  registry.add(engine::imports::kCommitJobKind, engine::imports::import_commit_job);
  auto ran = engine::run_one_job(db(), registry, "test-worker", 60);
  ASSERT_TRUE(ran) << ran.status().to_string();
  ASSERT_TRUE(ran->has_value());
  EXPECT_EQ((*ran)->status, domain::JobStatus::kSucceeded) << (*ran)->last_error.value_or("");
  EXPECT_EQ(gifts(), 2);

  // Running the commit again (a retried job) adds nothing.
  auto again = db().write(actor(), [&](store::Unit& u) {
    return engine::imports::enqueue_commit(u, preview->import_id);
  });
  ASSERT_TRUE(again);
  ASSERT_TRUE(engine::run_one_job(db(), registry, "test-worker", 60));
  EXPECT_EQ(gifts(), 2);
}

TEST_P(ImportJobTest, ABadPayloadNamesTheField) {
  domain::Job job;
  job.payload = "{}";
  Status s = engine::imports::import_commit_job(db(), job);
  EXPECT_EQ(s.fields().at(0).field, "payload.import_id");
}

STEWARD_INSTANTIATE_DATABASE_TEST(ImportJobTest);

}  // namespace
}  // namespace steward
