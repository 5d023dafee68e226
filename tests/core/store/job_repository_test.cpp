#include "store/job_repository.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "domain/date.hpp"
#include "support/test_database.hpp"

namespace steward::store {
namespace {

using domain::JobInput;
using domain::JobStatus;

class JobRepositoryTest : public testing::DatabaseTest {
 protected:
  Result<domain::Job> enqueue(const JobInput& in) {
    return db().write(actor(), [&](Unit& u) { return jobs::enqueue(u, in); });
  }
  Result<domain::Job> enqueue_kind(const std::string& kind) {
    JobInput in;
    in.kind = kind;
    return enqueue(in);
  }
  Result<std::optional<domain::Job>> claim(const std::string& now, long long lease = 60,
                                           const std::string& worker = "w1") {
    return db().write(actor(), [&](Unit& u) { return jobs::claim(u, worker, now, lease); });
  }
  Result<domain::Job> fail(long long id, const std::string& error) {
    return db().write(actor(), [&](Unit& u) { return jobs::fail(u, id, error); });
  }
  Result<domain::Job> get(long long id) {
    return db().read([&](Unit& u) { return jobs::get(u, id); });
  }
  static std::string later(long long seconds) {
    return domain::add_seconds(domain::utc_now_iso(), seconds);
  }
};

long long gap(const std::string& from, const std::string& to) {
  return *domain::parse_epoch(to) - *domain::parse_epoch(from);
}

TEST_P(JobRepositoryTest, EnqueuesAndReadsBackEveryFieldWithUnicodePayload) {
  JobInput in;
  in.kind = "jobs.prune";
  in.payload = R"({"note":"후원자 감사 편지"})";
  in.max_attempts = 3;
  auto job = enqueue(in);
  ASSERT_TRUE(job.is_ok()) << job.status().to_string();
  auto back = get(job->id);
  ASSERT_TRUE(back.is_ok());
  EXPECT_EQ(back->kind, "jobs.prune");
  EXPECT_EQ(back->payload, in.payload);
  EXPECT_EQ(back->status, JobStatus::kQueued);
  EXPECT_EQ(back->attempts, 0);
  EXPECT_EQ(back->max_attempts, 3);
  EXPECT_EQ(back->run_after.size(), 20u);
  EXPECT_FALSE(back->unique_key.has_value());
  EXPECT_FALSE(back->finished_at.has_value());
  EXPECT_EQ(testing::query_int(db(),
                               "SELECT COUNT(*) FROM audit_events WHERE entity_type = 'job' "
                               "AND action = 'create'"),
            1);
}

TEST_P(JobRepositoryTest, RefusesBadInputNamingTheFieldAndWritesNothing) {
  JobInput bad;
  bad.kind = "Bad Kind";
  EXPECT_EQ(enqueue(bad).status().fields().at(0).field, "kind");
  bad.kind = "ok.kind";
  bad.payload = "{not json";
  EXPECT_EQ(enqueue(bad).status().fields().at(0).field, "payload");
  bad.payload = "{}";
  bad.max_attempts = 0;
  EXPECT_EQ(enqueue(bad).status().fields().at(0).field, "max_attempts");
  bad.max_attempts = 1;
  bad.run_after = "tomorrow";
  EXPECT_EQ(enqueue(bad).status().fields().at(0).field, "run_after");
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM jobs"), 0);
}

TEST_P(JobRepositoryTest, UniqueKeyReturnsTheUnfinishedJobInsteadOfADuplicate) {
  JobInput in;
  in.kind = "recurring.process";
  in.unique_key = "recurring.process:2026-11-29";
  auto first = enqueue(in);
  auto second = enqueue(in);
  ASSERT_TRUE(first.is_ok() && second.is_ok());
  EXPECT_EQ(first->id, second->id);
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM jobs"), 1);
  // Still running: still deduplicated.
  ASSERT_TRUE(claim(later(1)).is_ok());
  EXPECT_EQ(enqueue(in)->id, first->id);
  // Finished: a new one may be queued.
  ASSERT_TRUE(
      db().write(actor(), [&](Unit& u) { return jobs::complete(u, first->id, std::nullopt); }));
  auto third = enqueue(in);
  ASSERT_TRUE(third.is_ok());
  EXPECT_NE(third->id, first->id);
  auto exists = db().read([&](Unit& u) { return jobs::exists_with_key(u, *in.unique_key); });
  EXPECT_TRUE(exists.is_ok() && *exists);
}

TEST_P(JobRepositoryTest, ClaimsTheOldestDueJobOnlyOnce) {
  JobInput future;
  future.kind = "later";
  future.run_after = later(3600);
  ASSERT_TRUE(enqueue(future).is_ok());
  auto a = enqueue_kind("first");
  auto b = enqueue_kind("second");
  ASSERT_TRUE(a.is_ok() && b.is_ok());
  std::string now = later(1);
  auto c1 = claim(now, 60, "worker-a");
  ASSERT_TRUE(c1.is_ok()) << c1.status().to_string();
  ASSERT_TRUE(c1->has_value());
  EXPECT_EQ((*c1)->id, a->id);
  EXPECT_EQ((*c1)->status, JobStatus::kRunning);
  EXPECT_EQ((*c1)->attempts, 1);
  EXPECT_EQ((*c1)->locked_by.value_or(""), "worker-a");
  EXPECT_EQ(gap(now, (*c1)->locked_until.value_or(now)), 60);
  auto c2 = claim(now);
  ASSERT_TRUE(c2.is_ok() && c2->has_value());
  EXPECT_EQ((*c2)->id, b->id);
  auto c3 = claim(now);
  ASSERT_TRUE(c3.is_ok());
  EXPECT_FALSE(c3->has_value()) << "the future job is not due yet";
}

TEST_P(JobRepositoryTest, FailureBacksOffExponentiallyThenFailsAfterMaxAttempts) {
  JobInput in;
  in.kind = "flaky";
  in.max_attempts = 3;
  auto job = enqueue(in);
  ASSERT_TRUE(job.is_ok());
  ASSERT_TRUE(claim(later(1))->has_value());
  auto f1 = fail(job->id, "timeout talking to the bank");
  ASSERT_TRUE(f1.is_ok()) << f1.status().to_string();
  EXPECT_EQ(f1->status, JobStatus::kQueued);
  EXPECT_EQ(f1->last_error.value_or(""), "timeout talking to the bank");
  EXPECT_EQ(gap(f1->updated_at, f1->run_after), 30);
  EXPECT_FALSE(claim(later(5))->has_value()) << "not due during the backoff";
  ASSERT_TRUE(claim(later(40))->has_value());
  auto f2 = fail(job->id, "again");
  EXPECT_EQ(f2->status, JobStatus::kQueued);
  EXPECT_EQ(gap(f2->updated_at, f2->run_after), 60);
  auto c3 = claim(later(100));
  ASSERT_TRUE(c3->has_value());
  EXPECT_EQ((*c3)->attempts, 3);
  auto f3 = fail(job->id, "gave up");
  EXPECT_EQ(f3->status, JobStatus::kFailed);
  EXPECT_TRUE(f3->finished_at.has_value());
  EXPECT_FALSE(claim(later(100000))->has_value());
  // Failing a job that is not running is refused.
  EXPECT_EQ(fail(job->id, "x").status().code(), StatusCode::kConflict);
}

TEST_P(JobRepositoryTest, BackoffScheduleIsCapped) {
  EXPECT_EQ(domain::retry_backoff_seconds(1), 30);
  EXPECT_EQ(domain::retry_backoff_seconds(2), 60);
  EXPECT_EQ(domain::retry_backoff_seconds(5), 480);
  EXPECT_EQ(domain::retry_backoff_seconds(40), domain::kMaxBackoffSeconds);
}

TEST_P(JobRepositoryTest, ExpiredLeasesAreRequeuedOrFailedWhenOutOfAttempts) {
  auto retryable = enqueue_kind("crashy");
  JobInput once;
  once.kind = "once";
  once.max_attempts = 1;
  auto single = enqueue(once);
  ASSERT_TRUE(retryable.is_ok() && single.is_ok());
  std::string now = later(1);
  ASSERT_TRUE(claim(now, 60)->has_value());
  ASSERT_TRUE(claim(now, 60)->has_value());
  auto none = db().write(actor(), [&](Unit& u) { return jobs::requeue_expired(u, later(30)); });
  ASSERT_TRUE(none.is_ok()) << none.status().to_string();
  EXPECT_EQ(*none, 0);
  auto two = db().write(actor(), [&](Unit& u) { return jobs::requeue_expired(u, later(120)); });
  ASSERT_TRUE(two.is_ok()) << two.status().to_string();
  EXPECT_EQ(*two, 2);
  auto r = get(retryable->id);
  EXPECT_EQ(r->status, JobStatus::kQueued);
  EXPECT_FALSE(r->locked_by.has_value());
  EXPECT_NE(r->last_error.value_or("").find("lease expired"), std::string::npos);
  auto s = get(single->id);
  EXPECT_EQ(s->status, JobStatus::kFailed);
  auto again = claim(later(121));
  ASSERT_TRUE(again->has_value());
  EXPECT_EQ((*again)->id, retryable->id);
  EXPECT_EQ((*again)->attempts, 2);
}

TEST_P(JobRepositoryTest, CancelAndRetry) {
  auto job = enqueue_kind("report.send");
  ASSERT_TRUE(job.is_ok());
  auto cancelled = db().write(actor(), [&](Unit& u) { return jobs::cancel(u, job->id); });
  ASSERT_TRUE(cancelled.is_ok());
  EXPECT_EQ(cancelled->status, JobStatus::kCancelled);
  EXPECT_EQ(db().write(actor(), [&](Unit& u) { return jobs::cancel(u, job->id); }).status().code(),
            StatusCode::kConflict);
  EXPECT_FALSE(claim(later(1))->has_value());
  auto retried = db().write(actor(), [&](Unit& u) { return jobs::retry(u, job->id); });
  ASSERT_TRUE(retried.is_ok()) << retried.status().to_string();
  EXPECT_EQ(retried->status, JobStatus::kQueued);
  EXPECT_EQ(retried->attempts, 0);
  EXPECT_FALSE(retried->finished_at.has_value());
  EXPECT_EQ(db().write(actor(), [&](Unit& u) { return jobs::retry(u, job->id); }).status().code(),
            StatusCode::kConflict);
  EXPECT_EQ(db().write(actor(), [&](Unit& u) { return jobs::retry(u, 999999); }).status().code(),
            StatusCode::kNotFound);
  EXPECT_TRUE(claim(later(1))->has_value());
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM audit_events WHERE entity_type = 'job'"),
            3);
}

TEST_P(JobRepositoryTest, RetryRefusesWhenAnotherUnfinishedJobHoldsTheKey) {
  JobInput in;
  in.kind = "recurring.process";
  in.unique_key = "k";
  auto first = enqueue(in);
  ASSERT_TRUE(db().write(actor(), [&](Unit& u) { return jobs::cancel(u, first->id); }).is_ok());
  auto second = enqueue(in);
  ASSERT_NE(second->id, first->id);
  EXPECT_EQ(db().write(actor(), [&](Unit& u) { return jobs::retry(u, first->id); }).status().code(),
            StatusCode::kConflict);
}

TEST_P(JobRepositoryTest, ListsNewestFirstWithFiltersAndPages) {
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(enqueue_kind(i % 2 ? "odd" : "even").is_ok());
  ASSERT_TRUE(claim(later(1))->has_value());  // the first "even" is running
  jobs::ListFilter all;
  all.page.limit = 2;
  auto p1 = db().read([&](Unit& u) { return jobs::list(u, all); });
  ASSERT_TRUE(p1.is_ok()) << p1.status().to_string();
  ASSERT_EQ(p1->items.size(), 2u);
  EXPECT_GT(p1->items[0].id, p1->items[1].id);
  ASSERT_TRUE(p1->next_after_id.has_value());
  all.page.after_id = *p1->next_after_id;
  auto p2 = db().read([&](Unit& u) { return jobs::list(u, all); });
  EXPECT_LT(p2->items.at(0).id, p1->items[1].id);
  jobs::ListFilter odd;
  odd.kind = "odd";
  EXPECT_EQ(db().read([&](Unit& u) { return jobs::list(u, odd); })->items.size(), 2u);
  jobs::ListFilter running;
  running.status = JobStatus::kRunning;
  auto r = db().read([&](Unit& u) { return jobs::list(u, running); });
  ASSERT_EQ(r->items.size(), 1u);
  EXPECT_EQ(r->items[0].kind, "even");
}

TEST_P(JobRepositoryTest, PruneDeletesOnlyOldFinishedJobs) {
  auto done = enqueue_kind("done");
  ASSERT_TRUE(claim(later(1))->has_value());
  ASSERT_TRUE(
      db().write(actor(), [&](Unit& u) { return jobs::complete(u, done->id, std::string("ok")); }));
  ASSERT_TRUE(enqueue_kind("waiting").is_ok());
  auto none = db().write(actor(), [&](Unit& u) { return jobs::prune(u, later(-3600)); });
  EXPECT_EQ(*none, 0);
  auto one = db().write(actor(), [&](Unit& u) { return jobs::prune(u, later(60)); });
  ASSERT_TRUE(one.is_ok()) << one.status().to_string();
  EXPECT_EQ(*one, 1);
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM jobs"), 1);
  EXPECT_EQ(db().write(actor(), [&](Unit& u) { return jobs::prune(u, "yesterday"); })
                .status()
                .fields()
                .at(0)
                .field,
            "cutoff");
}

// Several workers, each claiming in its own unit of work, never get the same job.
TEST_P(JobRepositoryTest, ConcurrentClaimsNeverHandOutAJobTwice) {
  constexpr int kJobs = 60;
  for (int i = 0; i < kJobs; ++i) ASSERT_TRUE(enqueue_kind("bulk").is_ok());
  std::string now = later(1);
  std::mutex mutex;
  std::vector<long long> claimed;
  std::atomic<int> errors{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (;;) {
        auto c = db().write(actor(), [&](Unit& u) {
          return jobs::claim(u, "worker-" + std::to_string(t), now, 60);
        });
        if (!c) {
          if (++errors > 100) return;
          continue;
        }
        if (!c->has_value()) return;
        std::lock_guard<std::mutex> lock(mutex);
        claimed.push_back((*c)->id);
      }
    });
  }
  for (auto& th : threads) th.join();
  std::set<long long> distinct(claimed.begin(), claimed.end());
  EXPECT_EQ(claimed.size(), static_cast<std::size_t>(kJobs));
  EXPECT_EQ(distinct.size(), claimed.size()) << "a job was claimed twice";
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM jobs WHERE attempts <> 1"), 0);
  EXPECT_EQ(errors.load(), 0);
}

// PostgreSQL: while one worker's claim is still uncommitted, another claims the next job
// straight away instead of waiting for the row lock (FOR UPDATE SKIP LOCKED).
TEST_P(JobRepositoryTest, PostgresClaimSkipsRowsLockedByAnUncommittedClaim) {
  if (!is_postgresql()) GTEST_SKIP() << "SQLite has a single writer";
  auto a = enqueue_kind("first");
  auto b = enqueue_kind("second");
  ASSERT_TRUE(a.is_ok() && b.is_ok());
  std::string now = later(1);
  std::promise<void> claimed_a;
  std::promise<void> done_b;
  std::future<void> b_finished = done_b.get_future();
  long long got_a = 0;
  std::thread holder([&] {
    auto r = db().write(actor(), [&](Unit& u) -> Status {
      auto c = jobs::claim(u, "holder", now, 60);
      if (c && c->has_value()) got_a = (*c)->id;
      claimed_a.set_value();
      b_finished.wait_for(std::chrono::seconds(10));  // keep the transaction open meanwhile
      return Status::ok();
    });
    EXPECT_TRUE(r.is_ok()) << r.to_string();
  });
  claimed_a.get_future().wait();
  auto started = std::chrono::steady_clock::now();
  auto c = claim(now, 60, "other");
  auto waited = std::chrono::steady_clock::now() - started;
  done_b.set_value();
  holder.join();
  ASSERT_TRUE(c.is_ok()) << c.status().to_string();
  ASSERT_TRUE(c->has_value());
  EXPECT_EQ(got_a, a->id);
  EXPECT_EQ((*c)->id, b->id);
  EXPECT_LT(waited, std::chrono::seconds(5)) << "the second claim waited for the first";
}

STEWARD_INSTANTIATE_DATABASE_TEST(JobRepositoryTest);

}  // namespace
}  // namespace steward::store
