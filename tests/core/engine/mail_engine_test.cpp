// The mail engine: merge fields and rendering (Korean, KRW without decimals, conditionals,
// HTML escaping), preview, the acknowledgment queue, and sending thank-yous exactly once and
// never to a do-not-email donor.
#include <gtest/gtest.h>

#include "engine/ack_queue.hpp"
#include "engine/mail_format.hpp"
#include "engine/mail_merge.hpp"
#include "engine/mail_starter_templates.hpp"
#include "engine/thank_you_sender.hpp"
#include "store/mail_message_repository.hpp"
#include "store/mail_template_repository.hpp"
#include "support/gift_fixtures.hpp"
#include "support/mail_fixtures.hpp"
#include "support/test_database.hpp"

namespace steward::engine {
namespace {

// A mailer that records what it was given; "reject" in an address -> rejected.
struct RecordingMailer {
  std::vector<sdk::MailMessage> sent;
  bool down = false;
  DeliverFn fn() {
    return [this](const sdk::MailMessage& m) -> Result<std::vector<sdk::RecipientStatus>> {
      if (down) return Status::unavailable("smtp: cannot connect");
      sent.push_back(m);
      std::vector<sdk::RecipientStatus> out;
      for (const auto& to : m.to) {
        bool reject = to.find("reject") != std::string::npos;
        out.push_back({to, reject ? sdk::DeliveryState::kRejected : sdk::DeliveryState::kAccepted,
                       reject ? "550 5.1.1 unknown user" : "250 2.0.0 queued"});
      }
      return out;
    };
  }
};

class MailEngineTest : public testing::DatabaseTest {
 protected:
  void SetUp() override {
    testing::DatabaseTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    testing::set_setting(db(), "organization_name", "새희망 선교회");
    testing::set_mail_setting(db(), "mail.from", "새희망 선교회 <office@example.org>");
    testing::set_mail_setting(db(), "mail.signer_name", "이은혜");
    fund_ = testing::make_fund(db(), "SHELTER");
    ASSERT_TRUE(db().write(actor(), [](store::Unit& u) { return install_starter_templates(u); }));
  }
  Result<ThankYouReport> thank(RecordingMailer& mailer, bool send = true) {
    ThankYouOptions options;
    options.send = send;
    options.mailer_id = "org.steward.test.mailer";
    return send_thank_yous(db(), actor(), options, mailer.fn());
  }
  long long fund_ = 0;
};

TEST(MailFormat, AmountsAndDatesPerLanguage) {
  EXPECT_EQ(format_amount({50000, "KRW"}, "ko"), "50,000원");
  EXPECT_EQ(format_amount({50000, "KRW"}, "en"), "₩50,000");
  EXPECT_EQ(format_amount({123450, "USD"}, "en"), "$1,234.50");
  EXPECT_EQ(format_amount({5, "USD"}, "en"), "$0.05");
  EXPECT_EQ(format_amount({100000, "CHF"}, "en"), "1,000.00 CHF");
  EXPECT_EQ(format_date("2026-03-01", "en"), "March 1, 2026");
  EXPECT_EQ(format_date("2026-03-01", "ko"), "2026년 3월 1일");
}

TEST_P(MailEngineTest, StarterTemplatesInstallOnceInBothLanguages) {
  auto again = db().write(actor(), [](store::Unit& u) { return install_starter_templates(u); });
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, 0);
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM mail_templates"), 10);
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM mail_templates WHERE language = 'ko'"),
            5);
}

TEST_P(MailEngineTest, PreviewRendersKoreanDonorAndKrwGiftWithoutSending) {
  long long donor = testing::make_donor(db(), "김민지", "minji@example.com");
  long long gift = testing::record_gift_for(db(), donor, 50000, "2026-03-01", fund_, "KRW");
  auto preview = db().read(
      [&](store::Unit& u) { return preview_mail(u, donor, gift, std::nullopt, std::nullopt); });
  ASSERT_TRUE(preview) << preview.status().to_string();
  EXPECT_EQ(preview->language, "ko");
  EXPECT_EQ(preview->rendered.subject, "김민지 님, 후원에 감사드립니다");
  EXPECT_NE(preview->rendered.text.find("2026년 3월 1일에 보내주신 50,000원"), std::string::npos)
      << preview->rendered.text;
  EXPECT_NE(preview->rendered.text.find("처음으로 후원해 주셨습니다"), std::string::npos);
  EXPECT_EQ(preview->rendered.text.find("정기 후원"), std::string::npos);
  EXPECT_NE(preview->rendered.text.find("이은혜 드림"), std::string::npos);
  EXPECT_EQ(preview->fields["gift"]["amount"], "50,000원");
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM mail_messages"), 0);

  // A second gift is not the first; English preview on request.
  long long second = testing::record_gift_for(db(), donor, 2500, "2026-04-01", fund_);
  auto en = db().read([&](store::Unit& u) {
    return preview_mail(u, donor, second, std::string("thank-you-email"), std::string("en"));
  });
  ASSERT_TRUE(en) << en.status().to_string();
  EXPECT_NE(en->rendered.text.find("$25.00 on April 1, 2026"), std::string::npos)
      << en->rendered.text;
  EXPECT_EQ(en->rendered.text.find("Welcome!"), std::string::npos);
}

TEST_P(MailEngineTest, HtmlIsEscapedButTextIsNot) {
  long long donor = testing::make_donor(db(), "Tom & <b>Jerry</b>", "tom@example.com");
  long long gift = testing::record_gift_for(db(), donor, 1000, "2026-03-01", fund_);
  auto preview = db().read([&](store::Unit& u) {
    return preview_mail(u, donor, gift, std::nullopt, std::string("en"));
  });
  ASSERT_TRUE(preview) << preview.status().to_string();
  EXPECT_NE(preview->rendered.html.find("Dear Tom &amp; &lt;b&gt;Jerry&lt;/b&gt;"),
            std::string::npos)
      << preview->rendered.html;
  EXPECT_NE(preview->rendered.text.find("Dear Tom & <b>Jerry</b>"), std::string::npos);
}

TEST_P(MailEngineTest, QueueSplitsEmailAndLettersAndFlagsLargeGifts) {
  long long emailable = testing::make_donor(db(), "Jane Doe", "jane@example.com");
  long long opted_out = testing::make_donor(db(), "박서연", "seoyeon@example.com");
  testing::set_do_not_email(db(), opted_out, true);
  long long no_email = testing::make_donor(db(), "John Roe", "");
  testing::record_gift_for(db(), emailable, 150000, "2026-03-01", fund_);
  testing::record_gift_for(db(), opted_out, 2000, "2026-03-02", fund_);
  testing::record_gift_for(db(), no_email, 3000, "2026-03-03", fund_);
  auto queue = db().read([&](store::Unit& u) { return ack_queue(u, AckRule{}); });
  ASSERT_TRUE(queue) << queue.status().to_string();
  ASSERT_EQ(queue->size(), 3U);
  EXPECT_EQ((*queue)[0].channel, AckChannel::kEmail);
  EXPECT_TRUE((*queue)[0].personal_call);
  EXPECT_EQ((*queue)[1].channel, AckChannel::kLetter);
  EXPECT_EQ((*queue)[1].reason, "do not email");
  EXPECT_FALSE((*queue)[1].personal_call);
  EXPECT_EQ((*queue)[2].reason, "no email address");
  AckRule bad;
  bad.since = "2026-02-30";
  auto refused = db().read([&](store::Unit& u) { return ack_queue(u, bad); });
  EXPECT_EQ(refused.status().fields().at(0).field, "since");
}

TEST_P(MailEngineTest, ThankYousGoOnceMarkGiftsAndNeverMailDoNotEmail) {
  long long minji = testing::make_donor(db(), "김민지", "minji@example.com");
  long long jane = testing::make_donor(db(), "Jane Doe", "jane@example.com");
  long long opted_out = testing::make_donor(db(), "박서연", "seoyeon@example.com");
  testing::set_do_not_email(db(), opted_out, true);
  long long bounce = testing::make_donor(db(), "Bad Address", "bad.reject@example.com");
  long long g1 = testing::record_gift_for(db(), minji, 50000, "2026-03-01", fund_, "KRW");
  long long g2 = testing::record_gift_for(db(), jane, 2500, "2026-03-02", fund_);
  long long g3 = testing::record_gift_for(db(), opted_out, 2000, "2026-03-03", fund_);
  testing::record_gift_for(db(), bounce, 1000, "2026-03-04", fund_);

  RecordingMailer mailer;
  auto dry = thank(mailer, false);
  ASSERT_TRUE(dry) << dry.status().to_string();
  EXPECT_EQ(dry->count("would_send"), 3);
  EXPECT_EQ(dry->count("letter"), 1);
  EXPECT_TRUE(mailer.sent.empty());
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM mail_messages"), 0);

  auto report = thank(mailer);
  ASSERT_TRUE(report) << report.status().to_string();
  EXPECT_EQ(report->count("accepted"), 2);
  EXPECT_EQ(report->count("rejected"), 1);
  EXPECT_EQ(report->count("letter"), 1);
  ASSERT_EQ(mailer.sent.size(), 3U);
  for (const auto& m : mailer.sent) {
    for (const auto& to : m.to) EXPECT_EQ(to.find("seoyeon"), std::string::npos);
  }
  EXPECT_EQ(mailer.sent[0].to.at(0), "김민지 <minji@example.com>");
  EXPECT_EQ(mailer.sent[0].from, "새희망 선교회 <office@example.org>");
  EXPECT_NE(mailer.sent[0].text.find("50,000원"), std::string::npos);
  EXPECT_EQ(testing::query_int(db(),
                               "SELECT COUNT(*) FROM gifts WHERE acknowledged_at IS NOT "
                               "NULL AND acknowledgment_method = 'email'"),
            2);
  EXPECT_EQ(testing::query_int(db(), "SELECT COUNT(*) FROM gifts WHERE id = " + std::to_string(g3) +
                                         " AND acknowledged_at IS NULL"),
            1);
  auto log = db().read([&](store::Unit& u) { return store::mail_messages::for_gift(u, g1); });
  ASSERT_TRUE(log);
  ASSERT_EQ(log->size(), 1U);
  EXPECT_EQ(log->front().state, "accepted");
  EXPECT_EQ(log->front().reply.value_or(""), "250 2.0.0 queued");
  EXPECT_TRUE(log->front().sent_at.has_value());
  EXPECT_GE(testing::query_int(db(),
                               "SELECT COUNT(*) FROM audit_events WHERE action = "
                               "'acknowledge' AND entity_id = " +
                                   std::to_string(g2)),
            1);

  // A second run sends nothing new to those already thanked.
  mailer.sent.clear();
  auto again = thank(mailer);
  ASSERT_TRUE(again);
  EXPECT_EQ(again->count("accepted"), 0);
  ASSERT_EQ(mailer.sent.size(), 1U);  // only the rejected address is tried again
  EXPECT_EQ(mailer.sent[0].to.at(0), "Bad Address <bad.reject@example.com>");
}

TEST_P(MailEngineTest, DoNotEmailSetAfterQueueingIsStillHonoured) {
  long long donor = testing::make_donor(db(), "Late Optout", "late@example.com");
  testing::record_gift_for(db(), donor, 1000, "2026-03-01", fund_);
  RecordingMailer mailer;
  ThankYouOptions options;
  options.send = true;
  options.mailer_id = "org.steward.test.mailer";
  // The mailer flips the flag the moment the first message is offered: the next one must see it.
  long long second = testing::make_donor(db(), "Second", "second@example.com");
  testing::record_gift_for(db(), second, 1000, "2026-03-02", fund_);
  DeliverFn deliver = [&](const sdk::MailMessage& m) {
    testing::set_do_not_email(db(), second, true);
    return mailer.fn()(m);
  };
  auto report = send_thank_yous(db(), actor(), options, deliver);
  ASSERT_TRUE(report) << report.status().to_string();
  ASSERT_EQ(mailer.sent.size(), 1U);
  EXPECT_EQ(report->outcomes.at(1).state, "letter");
  EXPECT_EQ(report->outcomes.at(1).detail, "do not email");
}

TEST_P(MailEngineTest, AnUnreachableMailerStopsTheBatchAndMarksNothing) {
  long long a = testing::make_donor(db(), "A", "a@example.com");
  long long b = testing::make_donor(db(), "B", "b@example.com");
  testing::record_gift_for(db(), a, 1000, "2026-03-01", fund_);
  testing::record_gift_for(db(), b, 1000, "2026-03-02", fund_);
  RecordingMailer mailer;
  mailer.down = true;
  auto report = thank(mailer);
  ASSERT_TRUE(report);
  EXPECT_EQ(report->count("deferred"), 1);
  EXPECT_EQ(report->count("not_attempted"), 1);
  EXPECT_EQ(
      testing::query_int(db(), "SELECT COUNT(*) FROM gifts WHERE acknowledged_at IS NOT NULL"), 0);
  mailer.down = false;
  auto later = thank(mailer);
  ASSERT_TRUE(later);
  EXPECT_EQ(later->count("accepted"), 2);
}

TEST_P(MailEngineTest, SendingNeedsASender) {
  testing::set_mail_setting(db(), "mail.from", "");
  long long donor = testing::make_donor(db(), "김민지", "minji@example.com");
  testing::record_gift_for(db(), donor, 1000, "2026-03-01", fund_);
  RecordingMailer mailer;
  auto report = thank(mailer);
  ASSERT_FALSE(report);
  EXPECT_EQ(report.status().fields().at(0).field, "mail.from");
}

STEWARD_INSTANTIATE_DATABASE_TEST(MailEngineTest);

}  // namespace
}  // namespace steward::engine
