// Cancelling an appeal send: the recipients not yet sent become "cancelled" and are never sent,
// those sent stay sent, a running job stops before its next message, a cancelled send never
// resumes (its job, a retry, or a direct run sends nothing), and a finished send cannot be
// cancelled. A later send of the same appeal reaches the cancelled recipients.
#include <gtest/gtest.h>

#include "auth/unsubscribe_token.hpp"
#include "engine/appeal_cancel.hpp"
#include "engine/appeal_sender.hpp"
#include "store/appeal_send_repository.hpp"
#include "store/job_repository.hpp"
#include "support/appeal_fixtures.hpp"
#include "support/segment_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::engine::appeals {
namespace {

class AppealCancelTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    testing::DatabaseTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    setup_ = testing::make_appeal_setup(db());
    testing::SegmentFixtures f(db());
    for (int i = 0; i < 6; ++i) {
      long long id =
          f.constituent(i % 2 ? "후원자 " + std::to_string(i) : "Donor " + std::to_string(i));
      f.email(id, "cancel" + std::to_string(i) + "@example.org");
    }
  }
  Result<StartedSend> start_cancel_send() {
    StartRequest req;
    req.audience = {setup_.appeal_id, setup_.segment_id, "appeal"};
    req.mailer = "org.steward.test.mailer";
    req.rate_per_minute = 6000;
    return db().write(actor(), [&](store::Unit& u) { return start_appeal_send(u, req); });
  }
  RunOptions cancel_options(testing::RecordingMailer& mailer) {
    RunOptions o;
    o.deliver = mailer.fn();
    o.token = [this](long long id, const std::string& email) { return signer_.token(id, email); };
    o.sleep = [](std::chrono::milliseconds) {};
    return o;
  }
  Result<CancelledSend> cancel(long long send_id) {
    return db().write(actor(), [&](store::Unit& u) { return cancel_appeal_send(u, send_id); });
  }
  std::map<std::string, long long> cancel_states(long long send_id) {
    auto c =
        db().read([&](store::Unit& u) { return store::appeal_sends::state_counts(u, send_id); });
    return c ? *c : std::map<std::string, long long>{};
  }

  testing::AppealSetup setup_;
  auth::UnsubscribeSigner signer_{std::string(32, 'c')};
};

TEST_P(AppealCancelTest, CancellingMidSendKeepsTheSentAndNeverSendsTheRest) {
  auto started = start_cancel_send();
  ASSERT_TRUE(started) << started.status().to_string();
  testing::RecordingMailer mailer;
  // Someone presses Cancel while the job is sending its third message.
  mailer.after_each = [&] {
    if (mailer.sent.size() == 3) {
      auto c = cancel(started->send_id);
      EXPECT_TRUE(c) << c.status().to_string();
      if (c) {
        EXPECT_EQ(c->recipients_cancelled, 3);
        EXPECT_EQ(c->send.status, "cancelled");
      }
    }
  };
  auto run = run_appeal_send(db(), started->send_id, cancel_options(mailer));
  ASSERT_TRUE(run) << run.status().to_string();
  EXPECT_TRUE(run->cancelled);
  EXPECT_FALSE(run->finished);
  EXPECT_EQ(mailer.sent.size(), 3u);
  auto states = cancel_states(started->send_id);
  EXPECT_EQ(states["sent"], 3);  // the third was with the mailer as it was cancelled: recorded
  EXPECT_EQ(states["cancelled"], 3);
  EXPECT_EQ(states["queued"], 0);

  // It never resumes: not by a direct run, not by its job.
  auto again = run_appeal_send(db(), started->send_id, cancel_options(mailer));
  ASSERT_TRUE(again);
  EXPECT_TRUE(again->cancelled);
  auto job = db().read([&](store::Unit& u) { return store::jobs::get(u, started->job_id); });
  ASSERT_TRUE(job);
  Status ran = run_appeal_job(db(), *job, cancel_options(mailer));
  EXPECT_TRUE(ran) << ran.to_string();  // nothing to do: the job ends instead of retrying
  EXPECT_EQ(mailer.sent.size(), 3u);
  auto send =
      db().read([&](store::Unit& u) { return store::appeal_sends::get(u, started->send_id); });
  ASSERT_TRUE(send);
  EXPECT_EQ(send->status, "cancelled");
  EXPECT_TRUE(send->finished_at.has_value());

  // Cancelling twice is refused, naming the state.
  auto twice = cancel(started->send_id);
  ASSERT_FALSE(twice);
  EXPECT_EQ(twice.status().code(), StatusCode::kPreconditionFailed);
  EXPECT_NE(twice.status().message().find("cancelled"), std::string::npos);

  // A new send of the appeal reaches the three who were never asked, and only them.
  auto second = start_cancel_send();
  ASSERT_TRUE(second) << second.status().to_string();
  EXPECT_EQ(second->audience.recipients.size(), 3u);
  EXPECT_EQ(second->audience.excluded.already_sent, 3);
}

TEST_P(AppealCancelTest, CancellingBeforeTheJobRunsCancelsTheQueuedJob) {
  auto started = start_cancel_send();
  ASSERT_TRUE(started);
  auto c = cancel(started->send_id);
  ASSERT_TRUE(c) << c.status().to_string();
  EXPECT_EQ(c->recipients_cancelled, 6);
  auto job = db().read([&](store::Unit& u) { return store::jobs::get(u, started->job_id); });
  ASSERT_TRUE(job);
  EXPECT_EQ(job->status, domain::JobStatus::kCancelled);
  EXPECT_EQ(testing::query_int(db(),
                               "SELECT COUNT(*) FROM audit_events WHERE action = 'cancel' "
                               "AND entity_type = 'appeal_send'"),
            1);
}

TEST_P(AppealCancelTest, AFinishedSendCannotBeCancelled) {
  auto started = start_cancel_send();
  ASSERT_TRUE(started);
  testing::RecordingMailer mailer;
  auto run = run_appeal_send(db(), started->send_id, cancel_options(mailer));
  ASSERT_TRUE(run && run->finished);
  auto c = cancel(started->send_id);
  ASSERT_FALSE(c);
  EXPECT_EQ(c.status().code(), StatusCode::kPreconditionFailed);
  EXPECT_NE(c.status().message().find("finished"), std::string::npos);
  EXPECT_EQ(cancel_states(started->send_id)["sent"], 6);
  auto missing = cancel(999999);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
}

STEWARD_INSTANTIATE_DATABASE_TEST(AppealCancelTest);

}  // namespace
}  // namespace steward::engine::appeals
