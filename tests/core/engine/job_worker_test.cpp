#include "engine/job_worker.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>

#include "domain/date.hpp"
#include "store/job_repository.hpp"
#include "support/test_database.hpp"

namespace steward::engine {
namespace {

using domain::JobStatus;
using store::Unit;

class JobWorkerTest : public testing::DatabaseTest {
 protected:
  long long enqueue(const std::string& kind, const std::string& payload = "{}",
                    int max_attempts = 5) {
    domain::JobInput in;
    in.kind = kind;
    in.payload = payload;
    in.max_attempts = max_attempts;
    auto job = db().write(actor(), [&](Unit& u) { return store::jobs::enqueue(u, in); });
    EXPECT_TRUE(job.is_ok()) << job.status().to_string();
    return job ? job->id : 0;
  }
  domain::Job get(long long id) {
    return db().read([&](Unit& u) { return store::jobs::get(u, id); }).value();
  }
  // Waits up to 10 s for `done`.
  template <typename F>
  bool eventually(F done) {
    for (int i = 0; i < 1000; ++i) {
      if (done()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
  }
};

TEST_P(JobWorkerTest, RunsARegisteredHandlerAndMarksTheJobSucceeded) {
  JobRegistry registry;
  std::string seen;
  registry.add("greet", [&](store::Database&, const domain::Job& job) {
    seen = job.payload;
    return Status::ok();
  });
  long long id = enqueue("greet", R"({"name":"김민준"})");
  auto ran = run_one_job(db(), registry, "test-worker", 60);
  ASSERT_TRUE(ran.is_ok()) << ran.status().to_string();
  ASSERT_TRUE(ran->has_value());
  EXPECT_EQ(seen, R"({"name":"김민준"})");
  auto job = get(id);
  EXPECT_EQ(job.status, JobStatus::kSucceeded);
  EXPECT_TRUE(job.finished_at.has_value());
  EXPECT_FALSE(run_one_job(db(), registry, "test-worker", 60)->has_value());
}

TEST_P(JobWorkerTest, AThrowingHandlerFailsTheAttemptWithItsMessage) {
  JobRegistry registry;
  registry.add("explode", [](store::Database&, const domain::Job&) -> Status {
    throw std::runtime_error("bank gateway said no");
  });
  registry.add("refuse", [](store::Database&, const domain::Job&) {
    return Status::invalid_field("payload.plan_id", "is required");
  });
  long long a = enqueue("explode");
  long long b = enqueue("refuse", "{}", 1);
  ASSERT_TRUE(run_one_job(db(), registry, "w", 60)->has_value());
  ASSERT_TRUE(run_one_job(db(), registry, "w", 60)->has_value());
  auto ja = get(a);
  EXPECT_EQ(ja.status, JobStatus::kQueued) << "retried later";
  EXPECT_NE(ja.last_error.value_or("").find("bank gateway said no"), std::string::npos);
  auto jb = get(b);
  EXPECT_EQ(jb.status, JobStatus::kFailed);
  EXPECT_EQ(jb.last_error.value_or(""), "payload.plan_id: is required");
}

TEST_P(JobWorkerTest, AnUnknownKindFailsWithAClearMessage) {
  JobRegistry registry;
  long long id = enqueue("no.such.kind", "{}", 1);
  ASSERT_TRUE(run_one_job(db(), registry, "w", 60)->has_value());
  auto job = get(id);
  EXPECT_EQ(job.status, JobStatus::kFailed);
  EXPECT_NE(job.last_error.value_or("").find("no handler is registered for job kind "
                                             "'no.such.kind'"),
            std::string::npos);
}

TEST_P(JobWorkerTest, TheWorkerThreadRunsJobsAndStopsAfterTheCurrentOne) {
  JobRegistry registry;
  std::atomic<int> runs{0};
  std::atomic<bool> slow_started{false};
  registry.add("count", [&](store::Database&, const domain::Job&) {
    ++runs;
    return Status::ok();
  });
  registry.add("slow", [&](store::Database&, const domain::Job&) {
    slow_started = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    return Status::ok();
  });
  WorkerOptions options;
  options.worker_id = "thread-worker";
  options.poll_interval = std::chrono::milliseconds(20);
  JobWorker worker(db(), registry, options);
  worker.start();
  for (int i = 0; i < 5; ++i) enqueue("count");
  worker.wake();
  EXPECT_TRUE(eventually([&] { return runs.load() == 5; }));
  long long slow = enqueue("slow");
  worker.wake();
  ASSERT_TRUE(eventually([&] { return slow_started.load(); }));
  worker.stop();
  EXPECT_EQ(get(slow).status, JobStatus::kSucceeded) << "stop() let the running job finish";
  EXPECT_EQ(worker.jobs_run(), 6);
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM jobs WHERE status <> 'succeeded'"), 0);
}

// 2025-03-10T00:00:00Z (a past day, so its jobs are due) plus an offset.
long long day_at(int day_offset, int hour, int minute) {
  return *domain::parse_epoch("2025-03-10T00:00:00Z") + day_offset * 86400LL + hour * 3600LL +
         minute * 60LL;
}

TEST_P(JobWorkerTest, TheDailySchedulerEnqueuesEachKindOncePerDay) {
  std::vector<DailyJob> daily(1);
  daily[0].kind = "recurring.process";
  daily[0].hour = 6;
  daily[0].minute = 30;
  auto early = enqueue_due_daily_jobs(db(), daily, day_at(0, 6, 29));
  ASSERT_TRUE(early.is_ok()) << early.status().to_string();
  EXPECT_EQ(*early, 0) << "not due before 06:30";
  EXPECT_EQ(*enqueue_due_daily_jobs(db(), daily, day_at(0, 6, 30)), 1);
  EXPECT_EQ(*enqueue_due_daily_jobs(db(), daily, day_at(0, 12, 0)), 0);
  EXPECT_EQ(testing::query_int(db(),
                               "SELECT COUNT(*) FROM jobs WHERE unique_key = "
                               "'recurring.process:2025-03-10'"),
            1);
  // Once today's run has finished it is not repeated today, even on a restart.
  JobRegistry registry;
  registry.add("recurring.process",
               [](store::Database&, const domain::Job&) { return Status::ok(); });
  ASSERT_TRUE(run_one_job(db(), registry, "w", 60)->has_value());
  EXPECT_EQ(*enqueue_due_daily_jobs(db(), daily, day_at(0, 23, 59)), 0);
  // The next day (e.g. a server started late in the morning) runs it again.
  EXPECT_EQ(*enqueue_due_daily_jobs(db(), daily, day_at(1, 9, 0)), 1);
  EXPECT_EQ(daily_unique_key("recurring.process", day_at(1, 9, 0)), "recurring.process:2025-03-11");
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM jobs"), 2);
}

TEST_P(JobWorkerTest, TheWorkerSchedulesDueDailyJobsOnStartUp) {
  JobRegistry registry;
  std::atomic<int> runs{0};
  registry.add("nightly", [&](store::Database&, const domain::Job&) {
    ++runs;
    return Status::ok();
  });
  WorkerOptions options;
  options.poll_interval = std::chrono::milliseconds(20);
  options.daily.push_back(DailyJob{"nightly", 0, 0, "{}", 3});
  JobWorker worker(db(), registry, options);
  worker.start();
  EXPECT_TRUE(eventually([&] { return runs.load() == 1; }));
  worker.stop();
  EXPECT_EQ(runs.load(), 1);
}

STEWARD_INSTANTIATE_DATABASE_TEST(JobWorkerTest);

}  // namespace
}  // namespace steward::engine
