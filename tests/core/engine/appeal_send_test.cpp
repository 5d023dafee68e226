// Email appeals: the preview counts each exclusion, a send is a job that delivers each message
// once (stopped and resumed, a crash mid-message, two workers, a mailer that is down), every
// message carries a one-click List-Unsubscribe and a link in both bodies, Hangul names and
// subjects go through, and responses count toward the appeal's results.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "auth/secret_box.hpp"
#include "auth/unsubscribe_token.hpp"
#include "domain/date.hpp"
#include "engine/appeal_sender.hpp"
#include "engine/job_worker.hpp"
#include "store/appeal_email_results.hpp"
#include "store/appeal_send_repository.hpp"
#include "store/job_repository.hpp"
#include "support/appeal_fixtures.hpp"
#include "support/mail_fixtures.hpp"
#include "support/segment_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::engine::appeals {
namespace {

using testing::RecordingMailer;

class AppealSendTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    testing::DatabaseTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    setup_ = testing::make_appeal_setup(db());
  }

  long long donor(const std::string& name, const std::string& email) {
    testing::SegmentFixtures f(db());
    long long id = f.constituent(name);
    if (!email.empty()) f.email(id, email);
    return id;
  }

  Result<StartedSend> start(std::optional<int> rate = std::nullopt) {
    StartRequest req;
    req.audience = {setup_.appeal_id, setup_.segment_id, "appeal"};
    req.mailer = "org.steward.test.mailer";
    req.rate_per_minute = rate.value_or(6000);
    return db().write(actor(), [&](store::Unit& u) { return start_appeal_send(u, req); });
  }

  RunOptions options(RecordingMailer& mailer) {
    RunOptions o;
    o.deliver = mailer.fn();
    o.token = [this](long long id, const std::string& email) { return signer_.token(id, email); };
    o.sleep = [this](std::chrono::milliseconds ms) { waits_.push_back(ms); };
    return o;
  }

  std::string send_state(long long send_id) {
    auto s = db().read([&](store::Unit& u) { return store::appeal_sends::get(u, send_id); });
    return s ? s->status : s.status().to_string();
  }

  std::map<std::string, long long> states(long long send_id) {
    auto c =
        db().read([&](store::Unit& u) { return store::appeal_sends::state_counts(u, send_id); });
    return c ? *c : std::map<std::string, long long>{};
  }

  testing::AppealSetup setup_;
  auth::UnsubscribeSigner signer_{std::string(32, 'k')};
  std::vector<std::chrono::milliseconds> waits_;
};

TEST_P(AppealSendTest, PreviewCountsEachExclusionOnce) {
  testing::SegmentFixtures f(db());
  donor("김민지", "minji@example.org");
  donor("Grace Lee", "grace@example.org");
  f.set_flag(donor("No Email Please", "dne@example.org"), "do_not_email", true);
  long long no_asks = donor("No Asks", "dns@example.org");
  ASSERT_TRUE(db().write(actor(), [&](store::Unit& u) {
    u.sql() << "UPDATE constituents SET do_not_solicit = TRUE WHERE id = :id", soci::use(no_asks);
    return Status::ok();
  }));
  long long unsub = donor("Gone Away", "");
  f.email(unsub, "gone@example.org", true, true);
  donor("No Address", "");
  donor("Typo", "not-an-email");
  f.set_flag(donor("비공개 후원자", "hidden@example.org"), "restricted", true);

  auto au = db().read([&](store::Unit& u) {
    return appeal_audience(u, {setup_.appeal_id, setup_.segment_id, "appeal"});
  });
  ASSERT_TRUE(au) << au.status().to_string();
  EXPECT_EQ(au->segment_count, 8);
  EXPECT_EQ(au->recipients.size(), 2u);
  EXPECT_EQ(au->count_in("ko"), 1);
  EXPECT_EQ(au->count_in("en"), 1);
  EXPECT_EQ(au->excluded.restricted, 1);
  EXPECT_EQ(au->excluded.do_not_email, 1);
  EXPECT_EQ(au->excluded.do_not_solicit, 1);
  EXPECT_EQ(au->excluded.unsubscribed, 1);
  EXPECT_EQ(au->excluded.no_valid_email, 2);
  EXPECT_EQ(au->excluded.total() + static_cast<long long>(au->recipients.size()),
            au->segment_count);
}

// One ask per mailbox: a couple or a church office sharing an address gets the appeal once (the
// lowest constituent id), whatever the address's case, and a later send of the same appeal does
// not ask that mailbox again through another constituent.
TEST_P(AppealSendTest, EachMailboxIsAskedOnce) {
  long long first = donor("김민수", "family@example.org");
  donor("이영희", "Family@Example.org");
  donor("Grace Lee", "grace@example.org");
  auto au = db().read([&](store::Unit& u) {
    return appeal_audience(u, {setup_.appeal_id, setup_.segment_id, "appeal"});
  });
  ASSERT_TRUE(au) << au.status().to_string();
  ASSERT_EQ(au->recipients.size(), 2u);
  EXPECT_EQ(au->recipients[0].constituent_id, first);
  EXPECT_EQ(au->excluded.shared_address, 1);
  EXPECT_EQ(au->excluded.to_json().value("shared_address", -1), 1);
  EXPECT_EQ(au->excluded.total() + static_cast<long long>(au->recipients.size()),
            au->segment_count);

  ASSERT_TRUE(start());
  donor("김하늘", "FAMILY@example.org");  // joins the household after the first send
  auto again = db().read([&](store::Unit& u) {
    return appeal_audience(u, {setup_.appeal_id, setup_.segment_id, "appeal"});
  });
  ASSERT_TRUE(again) << again.status().to_string();
  EXPECT_EQ(again->recipients.size(), 0u);
  EXPECT_EQ(again->excluded.already_sent, 2);
  EXPECT_EQ(again->excluded.shared_address, 2);
}

TEST_P(AppealSendTest, PreviewErrorsNameTheField) {
  auto bad_template = db().read([&](store::Unit& u) {
    return appeal_audience(u, {setup_.appeal_id, setup_.segment_id, "no-such-template"});
  });
  ASSERT_FALSE(bad_template);
  EXPECT_NE(bad_template.status().to_string().find("template_name"), std::string::npos);
  auto no_appeal = db().read([&](store::Unit& u) {
    return appeal_audience(u, {999999, setup_.segment_id, "appeal"});
  });
  ASSERT_FALSE(no_appeal);
  EXPECT_EQ(no_appeal.status().code(), StatusCode::kNotFound);
  auto no_segment = db().read([&](store::Unit& u) {
    return appeal_audience(u, {setup_.appeal_id, 0, "appeal"});
  });
  ASSERT_FALSE(no_segment);
  EXPECT_NE(no_segment.status().to_string().find("segment_id"), std::string::npos);
}

TEST_P(AppealSendTest, SendsOnceWithOneClickUnsubscribeAndHangul) {
  long long minji = donor("김민지", "minji@example.org");
  donor("Grace Lee", "grace@example.org");
  auto started = start();
  ASSERT_TRUE(started) << started.status().to_string();
  EXPECT_EQ(started->audience.recipients.size(), 2u);

  RecordingMailer mailer;
  auto run = run_appeal_send(db(), started->send_id, options(mailer));
  ASSERT_TRUE(run) << run.status().to_string();
  EXPECT_EQ(run->sent, 2);
  EXPECT_TRUE(run->finished);
  EXPECT_EQ(send_state(started->send_id), "finished");
  ASSERT_EQ(mailer.sent.size(), 2u);

  const sdk::MailMessage* ko = nullptr;
  for (const auto& m : mailer.sent) {
    if (m.to.front().find("minji") != std::string::npos) ko = &m;
  }
  ASSERT_NE(ko, nullptr);
  EXPECT_EQ(ko->to.front(), "김민지 <minji@example.org>");
  EXPECT_EQ(ko->subject, "올겨울, 안전한 보금자리를");
  EXPECT_EQ(ko->from, "새희망 선교회 <office@example.org>");
  std::map<std::string, std::string> headers(ko->headers.begin(), ko->headers.end());
  ASSERT_EQ(headers.count("List-Unsubscribe"), 1u);
  EXPECT_EQ(headers["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click");
  const std::string link = headers["List-Unsubscribe"];
  ASSERT_EQ(link.rfind("<https://crm.example.org/api/v1/unsubscribe/", 0), 0u) << link;
  const std::string url = link.substr(1, link.size() - 2);
  EXPECT_NE(ko->text.find(url), std::string::npos);
  EXPECT_NE(ko->html.find(url), std::string::npos);
  EXPECT_NE(ko->text.find("더 이상 이메일을"), std::string::npos);  // the Korean footer
  // The link's token names this donor and address.
  const std::string token = url.substr(url.rfind('/') + 1);
  EXPECT_TRUE(signer_.matches(token, minji, "minji@example.org"));
  EXPECT_EQ(testing::query_int(db(),
                               "SELECT COUNT(*) FROM mail_messages WHERE purpose = "
                               "'appeal' AND state = 'accepted'"),
            2);

  // Running again, or sending the appeal to the same segment again, sends nothing more.
  auto again = run_appeal_send(db(), started->send_id, options(mailer));
  ASSERT_TRUE(again);
  EXPECT_EQ(mailer.sent.size(), 2u);
  auto second = start();
  ASSERT_FALSE(second);
  EXPECT_EQ(second.status().code(), StatusCode::kPreconditionFailed);
}

TEST_P(AppealSendTest, StoppedMidSendResumesWithoutResending) {
  for (int i = 0; i < 5; ++i) {
    donor("후원자 " + std::to_string(i), "donor" + std::to_string(i) + "@example.org");
  }
  auto started = start();
  ASSERT_TRUE(started) << started.status().to_string();
  RecordingMailer mailer;
  RunOptions first = options(mailer);
  first.stop_requested = [&mailer] { return mailer.sent.size() >= 2; };
  auto run = run_appeal_send(db(), started->send_id, first);
  ASSERT_TRUE(run) << run.status().to_string();
  EXPECT_TRUE(run->stopped);
  EXPECT_EQ(run->sent, 2);
  EXPECT_EQ(run->remaining, 3);
  EXPECT_EQ(send_state(started->send_id), "sending");

  auto resumed = run_appeal_send(db(), started->send_id, options(mailer));
  ASSERT_TRUE(resumed) << resumed.status().to_string();
  EXPECT_EQ(resumed->sent, 3);
  EXPECT_TRUE(resumed->finished);
  ASSERT_EQ(mailer.sent.size(), 5u);
  for (const auto& [address, n] : mailer.per_address()) EXPECT_EQ(n, 1) << address;
  EXPECT_EQ(states(started->send_id)["sent"], 5);
}

TEST_P(AppealSendTest, AMessageClaimedBeforeACrashIsNeverSentAgain) {
  donor("Crashed While Sending", "crash@example.org");
  donor("Grace Lee", "grace@example.org");
  auto started = start();
  ASSERT_TRUE(started);
  // A worker claimed the first recipient and died before recording the mailer's answer.
  ASSERT_TRUE(db().write(actor(), [&](store::Unit& u) -> Status {
    auto due = store::appeal_sends::due(u, started->send_id, 3, 1);
    if (!due || due->empty()) return Status::internal("no recipient");
    auto claimed = store::appeal_sends::claim(u, due->front().id);
    if (!claimed || !*claimed) return Status::internal("not claimed");
    // A second claim of the same recipient (another worker) gets nothing.
    auto twice = store::appeal_sends::claim(u, due->front().id);
    if (!twice || *twice) return Status::internal("claimed twice");
    return Status::ok();
  }));
  RecordingMailer mailer;
  auto run = run_appeal_send(db(), started->send_id, options(mailer));
  ASSERT_TRUE(run) << run.status().to_string();
  ASSERT_EQ(mailer.sent.size(), 1u);
  EXPECT_EQ(states(started->send_id)["sending"], 1);  // reported as unknown, not resent
  EXPECT_EQ(send_state(started->send_id), "finished");
}

TEST_P(AppealSendTest, RunsAsAJobThatOnlyOneWorkerCanClaim) {
  donor("김민지", "minji@example.org");
  donor("Grace Lee", "grace@example.org");
  auto started = start();
  ASSERT_TRUE(started);
  // Worker A holds the job: worker B finds nothing to claim.
  auto a = db().write(actor(), [&](store::Unit& u) {
    return store::jobs::claim(u, "worker-a", domain::utc_now_iso(), 300);
  });
  ASSERT_TRUE(a && a->has_value());
  EXPECT_EQ((*a)->id, started->job_id);
  auto b = db().write(actor(), [&](store::Unit& u) {
    return store::jobs::claim(u, "worker-b", domain::utc_now_iso(), 300);
  });
  ASSERT_TRUE(b);
  EXPECT_FALSE(b->has_value());
  // A runs it through the registered kind.
  RecordingMailer mailer;
  RunOptions o = options(mailer);
  Status ran = run_appeal_job(db(), **a, o);
  EXPECT_TRUE(ran) << ran.to_string();
  EXPECT_EQ(mailer.sent.size(), 2u);
}

TEST_P(AppealSendTest, TheJobWorkerRunsTheKindAndRetriesWhenTheMailerIsDown) {
  donor("김민지", "minji@example.org");
  donor("Grace Lee", "grace@example.org");
  auto started = start();
  ASSERT_TRUE(started);
  RecordingMailer mailer;
  mailer.down = true;
  JobRegistry registry;
  registry.add(kAppealJobKind, [&](store::Database& d, const domain::Job& job) {
    return run_appeal_job(d, job, options(mailer));
  });
  auto first = run_one_job(db(), registry, "worker-a", 300);
  ASSERT_TRUE(first && first->has_value());
  EXPECT_EQ((*first)->status, domain::JobStatus::kQueued);  // retried later
  EXPECT_EQ(states(started->send_id)["queued"], 2);         // nobody lost, nobody sent
  EXPECT_TRUE(mailer.sent.empty());

  mailer.down = false;
  ASSERT_TRUE(run_appeal_send(db(), started->send_id, options(mailer)));
  EXPECT_EQ(mailer.sent.size(), 2u);
  EXPECT_EQ(send_state(started->send_id), "finished");
}

TEST_P(AppealSendTest, RecordsRejectionsDeferralsAndLateOptOuts) {
  testing::SegmentFixtures f(db());
  donor("Bad Box", "reject@example.org");
  donor("Busy Server", "defer@example.org");
  long long late = donor("Changed Mind", "late@example.org");
  donor("Grace Lee", "grace@example.org");
  auto started = start();
  ASSERT_TRUE(started);
  EXPECT_EQ(started->audience.recipients.size(), 4u);
  f.set_flag(late, "do_not_email", true);  // after the list was frozen

  RecordingMailer mailer;
  auto run = run_appeal_send(db(), started->send_id, options(mailer));
  ASSERT_TRUE(run) << run.status().to_string();
  EXPECT_EQ(run->sent, 1);
  EXPECT_EQ(run->rejected, 1);
  EXPECT_EQ(run->deferred, 1);
  EXPECT_EQ(run->skipped, 1);
  EXPECT_FALSE(run->finished);  // the deferred one is tried again
  for (const auto& [address, n] : mailer.per_address()) EXPECT_NE(address, "late@example.org");
  auto list = db().read(
      [&](store::Unit& u) { return store::appeal_sends::recipients(u, started->send_id); });
  ASSERT_TRUE(list);
  for (const auto& r : *list) {
    if (r.address == "reject@example.org") {
      EXPECT_EQ(r.state, "rejected");
      EXPECT_EQ(r.reply.value_or(""), "550 5.1.1 unknown user");
    }
    if (r.address == "late@example.org") {
      EXPECT_EQ(r.reply.value_or(""), "do not email");
    }
  }
  // Deferred up to max_attempts, then left deferred; the send finishes.
  ASSERT_TRUE(run_appeal_send(db(), started->send_id, options(mailer)));
  ASSERT_TRUE(run_appeal_send(db(), started->send_id, options(mailer)));
  EXPECT_EQ(mailer.per_address()["defer@example.org"], 3);
  EXPECT_EQ(mailer.per_address()["grace@example.org"], 1);
  EXPECT_EQ(send_state(started->send_id), "finished");
}

TEST_P(AppealSendTest, WaitsBetweenMessagesAtTheRateLimit) {
  for (int i = 0; i < 3; ++i)
    donor("Donor " + std::to_string(i), "r" + std::to_string(i) + "@example.org");
  auto started = start(120);  // two a second
  ASSERT_TRUE(started);
  RecordingMailer mailer;
  ASSERT_TRUE(run_appeal_send(db(), started->send_id, options(mailer)));
  ASSERT_EQ(waits_.size(), 2u);  // before the 2nd and 3rd message
  for (auto w : waits_) {        // 500 ms apart, less the time spent preparing the message
    EXPECT_GT(w.count(), 0);
    EXPECT_LE(w.count(), 500);
  }
}

TEST_P(AppealSendTest, StartNeedsThePublicUrlAndAValidRate) {
  donor("Grace Lee", "grace@example.org");
  auto bad_rate = start(0);
  ASSERT_FALSE(bad_rate);
  EXPECT_NE(bad_rate.status().to_string().find("rate_per_minute"), std::string::npos);
  testing::set_mail_setting(db(), "mail.public_url", "");
  auto no_url = start();
  ASSERT_FALSE(no_url);
  EXPECT_NE(no_url.status().to_string().find("mail.public_url"), std::string::npos);
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM appeal_sends"), 0);
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM jobs"), 0);
}

TEST_P(AppealSendTest, AGiftCodedToTheAppealCountsAsAResponse) {
  testing::SegmentFixtures f(db());
  long long minji = donor("김민지", "minji@example.org");
  donor("Grace Lee", "grace@example.org");
  long long walk_in = donor("Walk In", "");
  auto started = start();
  ASSERT_TRUE(started);
  RecordingMailer mailer;
  ASSERT_TRUE(run_appeal_send(db(), started->send_id, options(mailer)));
  const std::string today = domain::utc_now_iso().substr(0, 10);
  testing::GiftSpec gift;
  gift.received_on = today;
  gift.amount_minor = 50000;
  gift.campaign_id = setup_.campaign_id;
  gift.appeal_id = setup_.appeal_id;
  f.gift(minji, gift);
  f.gift(walk_in, gift);  // gave to the appeal, but was not emailed
  auto r = db().read([&](store::Unit& u) {
    return store::appeal_sends::email_results(u, setup_.appeal_id, true);
  });
  ASSERT_TRUE(r) << r.status().to_string();
  EXPECT_EQ(r->sent, 2);
  EXPECT_EQ(r->responders, 1);
  EXPECT_DOUBLE_EQ(r->response_rate(), 0.5);
  EXPECT_EQ(r->response_raised_minor, 50000);
  EXPECT_EQ(r->appeal_gifts, 2);
  EXPECT_EQ(r->appeal_raised_minor, 100000);
}

STEWARD_INSTANTIATE_DATABASE_TEST(AppealSendTest);

}  // namespace
}  // namespace steward::engine::appeals
